using System.Net;
using Plotly.NET;

namespace Helpline.Analysis;

/// <summary>
/// A chart of a page. It is drawn from released counts only, after the gate has decided: a withheld count is never a
/// bar height, a stack, a slice, an axis range or a hover value. The chart families (<see cref="ContactCharts"/>, ...)
/// make them; displayed in a notebook, a figure draws itself.
/// </summary>
public sealed class Figure : IPageOutput
{
    private readonly Func<Release, GenericChart> _draw;
    private readonly IReadOnlyList<CountTable> _tables;
    private readonly IReadOnlyList<Statistic> _statistics;
    private readonly IReadOnlyList<(Statistic Statistic, string? Row, string? Column)> _places;

    internal Figure(string title, IEnumerable<CountTable> tables, Func<Release, GenericChart> draw)
    {
        Title = title;
        _tables = [.. tables];
        _places = [.. _tables.SelectMany(t => t.CellPlaces())];
        _statistics = [.. _places.Select(p => p.Statistic)];
        _draw = draw;
    }

    /// <summary>A figure that draws the interior counts of a table and none of its totals (a heatmap): the ledger lists
    /// only what it draws, and the line rule, which guards a shown total, has no line to guard.</summary>
    internal Figure(string title, CountTable interior, Func<Release, GenericChart> draw)
    {
        Title = title;
        _tables = [];
        _places = [.. interior.InteriorPlaces()];
        _statistics = [.. _places.Select(p => p.Statistic)];
        _draw = draw;
    }

    public string Title { get; }

    /// <summary>The Plotly.NET chart as a page would draw it under a release (for a researcher's own styling or export).</summary>
    public GenericChart Draw(Release release) => _draw(release);

    IEnumerable<Statistic> IPageOutput.Statistics => _statistics;

    IEnumerable<CountTable> IPageOutput.Tables => _tables;

    IEnumerable<(Statistic Statistic, string? Row, string? Column)> IPageOutput.Places => _places;

    PageContent IPageOutput.Render(Release release)
    {
        var json = WithoutFlatBars(ChartJson.Of(_draw(release)));
        var html = NotebookDisplay.ChartHtml(json);
        if (_statistics.Any(s => s.Definition.IsSensitive) || release.NotForPublication && _statistics.Count > 0)
            html += $"<p class=\"table-note\">{WebUtility.HtmlEncode(release.Legend(_statistics))}</p>";
        return new PageContent(html, FigureJson: json);
    }

    public override string ToString() => $"chart: {Title}";

    /// <summary>A bar of 0 draws nothing a reader can see or hover: it is left out (null), as in the tables' sense of
    /// "no contact", rather than drawn flat.</summary>
    internal static string WithoutFlatBars(string json)
    {
        if (System.Text.Json.Nodes.JsonNode.Parse(json) is not System.Text.Json.Nodes.JsonObject figure || figure["data"] is not System.Text.Json.Nodes.JsonArray traces)
            return json;
        bool changed = false;
        foreach (var trace in traces.OfType<System.Text.Json.Nodes.JsonObject>())
        {
            if ((string?)trace["type"] != "bar")
                continue;
            var axis = (string?)trace["orientation"] == "h" ? "x" : "y";
            if (trace[axis] is not System.Text.Json.Nodes.JsonArray values)
                continue;
            for (int i = 0; i < values.Count; i++)
            {
                if (values[i] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<double>(out var d) && d == 0)
                {
                    values[i] = null;
                    changed = true;
                }
            }
        }
        return changed ? figure.ToJsonString() : json;
    }
}
