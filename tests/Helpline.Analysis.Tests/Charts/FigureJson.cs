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

    public JsonNode Json { get; } = JsonNode.Parse(GenericChart.toFigureJson(chart))!;

    public JsonArray Traces => Json["data"]!.AsArray();

    public string Title => (string)Json["layout"]!["title"]!["text"]!;

    public string? XTitle => (string?)Json["layout"]!["xaxis"]?["title"]?["text"];

    public string? YTitle => (string?)Json["layout"]!["yaxis"]?["title"]?["text"];

    public IEnumerable<string> Names => Traces.Select(t => (string?)t!["name"] ?? "");

    public JsonNode Trace(string name) => Traces.Single(t => (string?)t!["name"] == name)!;

    /// <summary>The values of a data array (<c>y</c>, <c>x</c>, <c>values</c>), null where nothing is drawn.</summary>
    public static IReadOnlyList<double?> Numbers(JsonNode trace, string array) =>
        [.. trace[array]!.AsArray().Select(v => v is null ? (double?)null : (double)v)];

    /// <summary>A theme colour as Plotly.NET writes it: <c>#1f5f99</c> becomes <c>rgba(31, 95, 153, 1.0)</c>.</summary>
    public static string Rgba(string hex)
    {
        var rgb = Convert.FromHexString(hex.TrimStart('#'));
        return $"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, 1.0)";
    }

    public static string Colour(JsonNode trace) => (string?)trace["marker"]?["color"] ?? (string?)trace["line"]?["color"] ?? "";
}
