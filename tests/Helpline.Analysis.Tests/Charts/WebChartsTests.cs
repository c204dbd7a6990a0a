namespace Helpline.Analysis.Tests.Charts;

public class WebChartsTests
{
    private static FigureJson Shown(Figure figure) => new(figure, Releases.ShowingAll(figure));

    [Fact]
    public void Website_visitors_per_year_are_one_labelled_column_a_year()
    {
        var figure = Shown(WebCharts.WebsiteVisitorsPerYear(WebTables.WebsiteVisitorsPerYear(Shipped.Web, Period.Years(2017, 2020))));
        var trace = figure.Traces.Single()!;
        Assert.Equal([3343, 13191, 35178, 28980], trace["y"]!.AsArray().Select(v => (int)v!));
        Assert.Equal(["3,343", "13,191", "35,178", "28,980"], trace["text"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(("Website visitors per year", "Year", "Visitors"), (figure.Title, figure.XTitle, figure.YTitle));
        Assert.Equal(FigureJson.Rgba(Theme.ColourOf(Site.Website)), FigureJson.Colour(trace));
    }

    [Fact]
    public void Self_help_visitors_and_returning_visitors_are_two_traces()
    {
        var figure = Shown(WebCharts.SelfHelpPerMonth(WebTables.SelfHelpPerMonth(Shipped.Web, new Period(WebTables.SelfHelpStart, new DateOnly(2020, 12, 31)))));
        Assert.Equal(["Visitors", "Returning visitors"], figure.Names);
        Assert.Equal(628, FigureJson.Numbers(figure.Trace("Returning visitors"), "y").Sum());
    }

    [Fact]
    public void Web_statistics_are_public_so_the_gate_has_nothing_to_withhold()
    {
        var chart = WebCharts.WebsiteVisitorsPerMonth(WebTables.WebsiteVisitorsPerMonth(Shipped.Web, Period.Years(2017, 2020)));
        Assert.Empty(((IPageOutput)chart).Statistics);
        Assert.Equal(ChartJson.Of(chart.Draw(Releases.ShowingAll(chart))), ChartJson.Of(chart.Draw(Releases.Decided(chart))));
        Assert.Equal(80692, FigureJson.Numbers(Shown(chart).Traces.Single()!, "y").Sum());
    }
}
