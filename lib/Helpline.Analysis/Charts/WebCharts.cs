using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of parts 4 and 5 of the answer: the self-help module and the website (public web statistics).</summary>
public static class WebCharts
{
    /// <summary>5: website visitors per year, one column a year.</summary>
    public static Figure WebsiteVisitorsPerYear(PublicTable perYear) => new("Website visitors per year", [], _ =>
    {
        var visitors = perYear.Column("visitors").Select(v => (int)v.Value).ToArray();
        var chart = CSharpChart.Column<int, string, string>(visitors, Keys: perYear.RowKeys.ToArray(), Name: "Website visitors",
            MarkerColor: Theme.Color(Theme.ColourOf(Site.Website)), MultiText: visitors.Select(v => v.ToString("N0", NotebookDisplay.Culture)).ToArray());
        return ChartLayout.Style(chart, "Website visitors per year", "Year", "Visitors", categoryX: true);
    });

    /// <summary>5: website visitors per month, with the campaign and media peaks the answer mentions.</summary>
    public static Figure WebsiteVisitorsPerMonth(PublicTable perMonth) => new("Website visitors per month", [], _ =>
    {
        var visitors = perMonth.Column("visitors").Select(v => (int)v.Value).ToArray();
        var chart = CSharpChart.Line<string, int, string>(perMonth.RowKeys.ToArray(), visitors, Name: "Website visitors", LineColor: Theme.Color(Theme.ColourOf(Site.Website)));
        return ChartLayout.Style(chart, "Website visitors per month", "Month", "Visitors");
    });

    /// <summary>4: self-help module visitors per month, returning visitors beside them.</summary>
    public static Figure SelfHelpPerMonth(PublicTable perMonth) => new("Self-help module visitors per month", [], _ =>
    {
        var months = perMonth.RowKeys.ToArray();
        var chart = CSharpChart.Combine(
        [
            CSharpChart.Column<int, string, string>(perMonth.Column("visitors").Select(v => (int)v.Value), Keys: months, Name: "Visitors", MarkerColor: Theme.Color(Theme.ColourOf(Site.SelfHelp))),
            CSharpChart.Column<int, string, string>(perMonth.Column("returning_visitors").Select(v => (int)v.Value), Keys: months, Name: "Returning visitors", MarkerColor: Theme.Color("#edae49")),
        ]);
        return ChartLayout.Style(chart, "Self-help module 'Stoppen is Mogelijk': visitors per month", "Month", "Visitors");
    });
}
