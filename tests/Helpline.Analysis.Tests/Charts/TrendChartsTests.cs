namespace Helpline.Analysis.Tests.Charts;

public class TrendChartsTests
{
    [Fact]
    public void Published_contacts_per_year_show_the_series_and_name_both_totals()
    {
        var chart = TrendCharts.PublishedContactsPerYear(Shipped.Figures);
        var figure = new FigureJson(chart, Releases.ShowingAll(chart));
        Assert.Equal([325, 447, 281, 450, 410, 356, 468], figure.Traces.Single()!["y"]!.AsArray().Select(v => (int)v!));
        Assert.Contains("2,737", figure.Title);
        Assert.Contains("2,422", figure.Title);
    }

    [Fact]
    public void Published_figures_hold_no_register_count_so_no_release_changes_the_chart()
    {
        var chart = TrendCharts.PublishedContactsPerYear(Shipped.Figures);
        Assert.Empty(((IPageOutput)chart).Statistics);
        Assert.Equal(ChartJson.Of(chart.Draw(Releases.ShowingAll(chart))), ChartJson.Of(chart.Draw(Releases.Decided(chart))));
    }
}
