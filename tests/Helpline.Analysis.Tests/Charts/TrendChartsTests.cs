namespace Helpline.Analysis.Tests.Charts;

public class TrendChartsTests
{
    [Fact]
    public void Published_contacts_per_year_show_the_series_and_name_both_totals()
    {
        var figure = new Figure(TrendCharts.PublishedContactsPerYear(Shipped.Figures));
        Assert.Equal([325, 447, 281, 450, 410, 356, 468], figure.Traces.Single()!["y"]!.AsArray().Select(v => (int)v!));
        Assert.Contains("2,737", figure.Title);
        Assert.Contains("2,422", figure.Title);
    }
}
