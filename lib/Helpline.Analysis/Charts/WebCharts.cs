using Microsoft.Data.Analysis;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of parts 4 and 5 of the answer: the self-help module and the website.</summary>
public static class WebCharts
{
    /// <summary>5: website visitors per year, one column a year.</summary>
    public static GenericChart WebsiteVisitorsPerYear(DataFrame perYear)
    {
        var years = perYear["year"].Cast<string>().ToArray();
        var visitors = perYear["visitors"].Cast<int>().ToArray();
        var chart = CSharpChart.Column<int, string, string>(visitors, Keys: years, Name: "Website visitors",
            MarkerColor: Theme.Color(Theme.ColourOf(Site.Website)), MultiText: visitors.Select(v => v.ToString("N0", NotebookDisplay.Culture)).ToArray());
        return ChartLayout.Style(chart, "Website visitors per year", "Year", "Visitors", categoryX: true);
    }

    /// <summary>5: website visitors per month, with the campaign and media peaks the answer mentions.</summary>
    public static GenericChart WebsiteVisitorsPerMonth(DataFrame perMonth)
    {
        var months = perMonth["month"].Cast<string>().ToArray();
        var visitors = perMonth["visitors"].Cast<int>().ToArray();
        var chart = CSharpChart.Line<string, int, string>(months, visitors, Name: "Website visitors", LineColor: Theme.Color(Theme.ColourOf(Site.Website)));
        return ChartLayout.Style(chart, "Website visitors per month", "Month", "Visitors");
    }

    /// <summary>4: self-help module visitors per month, returning visitors beside them.</summary>
    public static GenericChart SelfHelpPerMonth(DataFrame perMonth)
    {
        var months = perMonth["month"].Cast<string>().ToArray();
        var visitors = perMonth["visitors"].Cast<int>().ToArray();
        var returning = perMonth["returning_visitors"].Cast<int?>().Select(v => v ?? 0).ToArray();
        var chart = CSharpChart.Combine(
        [
            CSharpChart.Column<int, string, string>(visitors, Keys: months, Name: "Visitors", MarkerColor: Theme.Color(Theme.ColourOf(Site.SelfHelp))),
            CSharpChart.Column<int, string, string>(returning, Keys: months, Name: "Returning visitors", MarkerColor: Theme.Color("#edae49")),
        ]);
        return ChartLayout.Style(chart, "Self-help module 'Stoppen is Mogelijk': visitors per month", "Month", "Visitors");
    }
}
