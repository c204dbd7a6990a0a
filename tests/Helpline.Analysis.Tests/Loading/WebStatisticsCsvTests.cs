namespace Helpline.Analysis.Tests.Loading;

public class WebStatisticsCsvTests
{
    [Theory]
    [InlineData("2019-03")]
    [InlineData("03/2019")]
    [InlineData("maart 2019")]
    [InlineData("March 2019")]
    public void Every_month_form_of_the_contract_is_read(string month)
    {
        var load = WebStatisticsCsv.Parse($"month,site,visitors\n{month},website,10\n");
        Assert.Equal(new DateOnly(2019, 3, 1), Assert.Single(load.Visits).Month);
    }

    [Fact]
    public void Dutch_thousands_separators_and_site_synonyms_are_read()
    {
        var load = WebStatisticsCsv.Parse("Maand;Site;Bezoekers;Terugkerende bezoekers\nmaart 2019;Stoppen is Mogelijk;1.961;120\n");
        var row = Assert.Single(load.Visits);
        Assert.Equal((Site.SelfHelp, 1961, (int?)120), (row.Site, row.Visitors, row.ReturningVisitors));
        Assert.Contains(load.Report.Synonyms, s => s is { Column: "site", To: "selfhelp" });
    }

    [Theory]
    [InlineData("-3", "visitors: '-3' is not a whole number of 0 or more")]
    [InlineData("1.96", "visitors: '1.96' is not a whole number of 0 or more")]
    [InlineData("lots", "visitors: 'lots' is not a whole number of 0 or more")]
    public void A_visitor_count_that_is_not_a_whole_number_is_rejected(string visitors, string reason)
    {
        var load = WebStatisticsCsv.Parse($"month,site,visitors\n2019-03,website,{visitors}\n");
        Assert.Equal(reason, Assert.Single(load.Report.Rejected).Reason);
    }

    [Fact]
    public void More_returning_visitors_than_visitors_is_rejected()
    {
        var load = WebStatisticsCsv.Parse("month,site,visitors,returning_visitors\n2019-03,selfhelp,10,11\n");
        Assert.Equal("returning_visitors (11) is more than visitors (10)", Assert.Single(load.Report.Rejected).Reason);
    }

    [Fact]
    public void A_repeated_month_is_a_duplicate_when_equal_and_rejected_when_not()
    {
        var load = WebStatisticsCsv.Parse("month,site,visitors\n2019-03,website,10\n2019-03,website,10\n2019-03,website,12\nTotaal,,32\n");
        Assert.Equal(new DuplicateRow(3, 2), Assert.Single(load.Report.Duplicates));
        Assert.Equal(["2019-03 website is already on line 2 with other values", "totals row (Totaal), not a month"], load.Report.Rejected.Select(r => r.Reason));
        Assert.True(load.Report.AccountingHolds);
    }

    [Fact]
    public void A_file_without_the_needed_columns_fails_naming_them()
    {
        var error = Assert.Throws<RegisterFormatException>(() => WebStatisticsCsv.Parse("month,count\n2019-03,4\n", "web.csv"));
        Assert.Equal("web.csv: not web statistics: missing column site (website), visitors (bezoekers); found 'month', 'count'", error.Message);
    }
}
