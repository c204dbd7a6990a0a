using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace Helpline.Analysis.Tests.Charts;

/// <summary>A chart as the JSON plotly.js draws: what the chart tests assert, never pixels.</summary>
internal sealed class FigureJson(GenericChart chart)
{
    /// <summary>A chart family's figure drawn under a release, as a page would draw it.</summary>
    public FigureJson(Figure figure, Release release)
        : this(figure.Draw(release))
    {
    }

    /// <summary>The figure as the library writes it: the same text as Plotly.NET's <c>toFigureJson</c> (<see cref="ChartJsonTests"/>), in a
    /// fraction of the time.</summary>
    public JsonNode Json { get; } = JsonNode.Parse(ChartJson.Of(chart))!;

    public JsonArray Traces => Json["data"]!.AsArray();

    public string Title => (string)Json["layout"]!["title"]!["text"]!;

    public string? XTitle => (string?)Json["layout"]!["xaxis"]?["title"]?["text"];

    public string? YTitle => (string?)Json["layout"]!["yaxis"]?["title"]?["text"];

    public IEnumerable<string> Names => Traces.Select(t => (string?)t!["name"] ?? "");

    public JsonNode Trace(string name) => Traces.Single(t => (string?)t!["name"] == name)!;

    /// <summary>The values of a data array (<c>y</c>, <c>x</c>, <c>values</c>), null where nothing is drawn.</summary>
    public static IReadOnlyList<double?> Numbers(JsonNode trace, string array) =>
        [.. trace[array]!.AsArray().Select(v => v is null ? (double?)null : (double)v)];

    /// <summary>How often a number is in the figure, data and layout: as a number, or as a text that writes it (<c>1,234</c>).</summary>
    public int Occurrences(double value) => Leaves(Json).Count(leaf => leaf.GetValueKind() switch
    {
        JsonValueKind.Number => (double)leaf == value,
        JsonValueKind.String => double.TryParse(((string)leaf!).Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n == value,
        _ => false,
    });

    /// <summary>
    /// Two different non-zero counts of one line of a table (two cells of a row; two rows of a one-breakdown table) that
    /// the chart, everything shown, writes exactly once each: withheld together, they must vanish from the figure.
    /// </summary>
    public static (Tally First, Tally Second) TwoTelltaleCounts(CountTable table, FigureJson shown)
    {
        IEnumerable<IReadOnlyList<Tally>> lines = table.ColumnKeys.Count == 0
            ? [table.Rows]
            : Enumerable.Range(0, table.RowKeys.Count).Select(i => (IReadOnlyList<Tally>)[.. Enumerable.Range(0, table.ColumnKeys.Count).Select(j => table[i, j])]);
        foreach (var line in lines)
        {
            var telltale = line.Where(t => t.Value > 0 && shown.Occurrences(t.Value) == 1).ToList();
            if (telltale.Count >= 2)
                return (telltale[0], telltale[1]);
        }
        throw new InvalidOperationException("no line of the table has two counts the chart writes once");
    }

    private static IEnumerable<JsonNode> Leaves(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Leaves(p.Value)),
        JsonArray a => a.SelectMany(Leaves),
        JsonValue v => [v],
        _ => [],
    };

    /// <summary>A theme colour as Plotly.NET writes it: <c>#1f5f99</c> becomes <c>rgba(31, 95, 153, 1.0)</c>.</summary>
    public static string Rgba(string hex)
    {
        var rgb = Convert.FromHexString(hex.TrimStart('#'));
        return $"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, 1.0)";
    }

    public static string Colour(JsonNode trace) => (string?)trace["marker"]?["color"] ?? (string?)trace["line"]?["color"] ?? "";
}
