using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>
/// How a chart draws what the gate withholds: a withheld cell is no bar at all, and a stack whose total is released
/// gets one grey segment for the rest (total minus the released cells: what the table's own total already says),
/// hovered as "withheld", never with a number. A stack whose total is withheld draws no grey segment.
/// </summary>
internal static class Withheld
{
    public const string Name = "withheld (≤ threshold, x or ..)";

    /// <summary>A released count as a bar height; null (no bar) when withheld.</summary>
    public static int? Height(Release release, Tally tally) => release.IsShown(tally.Statistic) ? tally.Value : null;

    /// <summary>The grey rest of each stack (row) of a cross table, or null when nothing is withheld.</summary>
    public static GenericChart? Rest(Release release, CountTable table, IReadOnlyList<string> keys)
    {
        var rest = new double?[table.RowKeys.Count];
        bool any = false;
        for (int i = 0; i < table.RowKeys.Count; i++)
        {
            var total = table[i, -1];
            var cells = Enumerable.Range(0, table.ColumnKeys.Count).Select(j => table[i, j]).ToList();
            if (cells.All(c => release.IsShown(c.Statistic)) || !release.IsShown(total.Statistic))
                continue;
            rest[i] = total.Value - cells.Where(c => release.IsShown(c.Statistic)).Sum(c => c.Value);
            any = true;
        }
        return any ? Trace(keys, rest) : null;
    }

    /// <summary>The grey, hatched trace of what is withheld in each stack; null values draw nothing.</summary>
    public static GenericChart Trace(IReadOnlyList<string> keys, double?[] rest)
    {
        var chart = CSharpChart.Column<double, string, string>(rest.Select(r => r ?? 0), Keys: keys.ToArray(), Name: Name,
            MarkerColor: Theme.Color(Theme.Suppressed));
        var trace = GenericChart.getTraces(chart).Single();
        trace.SetProperty("y", rest); // rows without a rest draw nothing, not a zero
        trace.SetProperty("hovertemplate", "%{x}: withheld<extra></extra>");
        trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = Theme.Suppressed, ["pattern"] = new Dictionary<string, object> { ["shape"] = "/" } });
        return chart;
    }
}
