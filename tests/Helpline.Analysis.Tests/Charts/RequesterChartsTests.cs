namespace Helpline.Analysis.Tests.Charts;

public class RequesterChartsTests
{
    [Fact]
    public void Two_pies_sit_side_by_side_each_slice_in_its_requester_colour()
    {
        var whole = Helpline.Analysis.Disclosure.Protect(ContactTables.HelpRequestCounts(Shipped.Register, Period.Answer232), DisclosureOptions.Default);
        var y2020 = Helpline.Analysis.Disclosure.Protect(ContactTables.HelpRequestCounts(Shipped.Register, Period.Year(2020)), DisclosureOptions.Default);
        var figure = new Figure(RequesterCharts.PiesSideBySide(whole, "May 2017 - December 2020", y2020, "2020"));
        Assert.Equal(["pie", "pie"], figure.Traces.Select(t => (string?)t!["type"]));
        Assert.Equal(0.46, (double)figure.Traces[0]!["domain"]!["x"]![1]!);
        Assert.Equal(0.54, (double)figure.Traces[1]!["domain"]!["x"]![0]!);
        Assert.Equal([797, 361, 57, 120, 168], figure.Traces[0]!["values"]!.AsArray().Select(v => (int)v!));
        Assert.Equal(Figure.Rgba(Theme.ColourOf(Requester.Self)), (string?)figure.Traces[0]!["marker"]!["colors"]![0]);
    }

    [Fact]
    public void Withheld_counts_join_one_grey_slice_instead_of_disappearing()
    {
        var counts = Helpline.Analysis.Disclosure.Protect(ContactTables.HelpRequestCounts(Shipped.Register, Period.Year(2020)), new DisclosureOptions { Threshold = 20 });
        var figure = new Figure(RequesterCharts.PiesSideBySide(counts, "2020", counts, "2020"));
        var labels = figure.Traces[0]!["labels"]!.AsArray().Select(l => (string?)l).ToList();
        Assert.Equal("withheld (small counts)", labels[^1]);
        Assert.Equal(450, figure.Traces[0]!["values"]!.AsArray().Sum(v => (int)v!));
    }

    [Fact]
    public void The_share_shift_compares_two_periods_as_horizontal_bars()
    {
        var before = ContactTables.HelpRequestTypes(Shipped.Register, Period.Months(2017, 5, 2019, 12));
        var during = ContactTables.HelpRequestTypes(Shipped.Register, Period.Year(2020));
        var figure = new Figure(RequesterCharts.ShareShift(before, "before", during, "2020"));
        Assert.Equal(["before", "2020"], figure.Names);
        Assert.Equal("h", (string?)figure.Traces[0]!["orientation"]);
        Assert.Equal("Share of each type of help request", figure.Title);
    }
}
