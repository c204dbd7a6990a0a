using Plotly.NET;

namespace Helpline.Analysis;

/// <summary>Titles, axes, marks and the common look, set on a chart's layout (Plotly.NET's F# options are awkward from C#).</summary>
internal static class ChartLayout
{
    public static GenericChart Style(GenericChart chart, string title, string xTitle, string yTitle,
        IEnumerable<object>? shapes = null, IEnumerable<object>? annotations = null, string barMode = "group", string? subtitle = null, bool categoryX = false)
    {
        var layout = GenericChart.getLayout(chart);
        layout.SetProperty("title", new Dictionary<string, object>
        {
            ["text"] = subtitle is null ? title : $"{title}<br><sup>{subtitle}</sup>",
            ["x"] = 0.0,
            ["xanchor"] = "left",
        });
        var xaxis = new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = xTitle }, ["automargin"] = true };
        if (categoryX)
            xaxis["type"] = "category"; // years as labels: read as dates, a bar would be a millisecond wide
        layout.SetProperty("xaxis", xaxis);
        layout.SetProperty("yaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = yTitle }, ["rangemode"] = "tozero", ["automargin"] = true });
        layout.SetProperty("font", new Dictionary<string, object> { ["family"] = Theme.Font, ["size"] = 13, ["color"] = "#222" });
        layout.SetProperty("barmode", barMode);
        layout.SetProperty("plot_bgcolor", "#ffffff");
        layout.SetProperty("paper_bgcolor", "#ffffff");
        layout.SetProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.2 });
        layout.SetProperty("margin", new Dictionary<string, object> { ["t"] = 70, ["l"] = 60, ["r"] = 20, ["b"] = 60 });
        layout.SetProperty("height", 440);
        layout.RemoveProperty("width"); // Plotly.NET sets 600 px: let the chart fill the page instead
        if (shapes is not null)
            layout.SetProperty("shapes", shapes.ToList());
        if (annotations is not null)
            layout.SetProperty("annotations", annotations.ToList());
        return chart;
    }

    /// <summary>A dashed vertical line at an x value (a month, for instance) with a label at the top.</summary>
    public static (object Shape, object Annotation) Marker(string x, string label) => (
        new Dictionary<string, object>
        {
            ["type"] = "line",
            ["x0"] = x,
            ["x1"] = x,
            ["xref"] = "x",
            ["y0"] = 0,
            ["y1"] = 1,
            ["yref"] = "paper",
            ["line"] = new Dictionary<string, object> { ["color"] = "#555", ["width"] = 1, ["dash"] = "dot" },
        },
        new Dictionary<string, object>
        {
            ["x"] = x,
            ["xref"] = "x",
            ["y"] = 1,
            ["yref"] = "paper",
            ["text"] = label,
            ["showarrow"] = false,
            ["xanchor"] = "left",
            ["yanchor"] = "bottom",
            ["font"] = new Dictionary<string, object> { ["size"] = 11, ["color"] = "#555" },
        });
}
