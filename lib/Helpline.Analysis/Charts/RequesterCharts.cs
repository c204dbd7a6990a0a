using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of part 1b: the type of help request (soort hulpvraag).</summary>
public static class RequesterCharts
{
    private static readonly double[] LeftHalf = [0.0, 0.46];
    private static readonly double[] RightHalf = [0.54, 1.0];
    private static readonly double[] BelowTitles = [0.0, 0.9];
    private static readonly string[] WithheldPie = ["total withheld (small counts)"];
    private static readonly Color[] WithheldColour = [Theme.Color(Theme.Suppressed)];

    /// <summary>Two pies side by side, as the answer drew them: the whole period, and one year, each of answered contacts
    /// by type of help request (<see cref="ContactTables.HelpRequests"/>). Withheld slices join one grey slice; a pie whose
    /// total is withheld is not drawn.</summary>
    public static Figure PiesSideBySide(CountTable left, string leftTitle, CountTable right, string rightTitle) =>
        new("Type of help request (soort hulpvraag)", [left, right], release =>
    {
        var chart = CSharpChart.Combine([Pie(release, left, leftTitle), Pie(release, right, rightTitle)]);
        var traces = GenericChart.getTraces(chart).ToList();
        traces[0].SetProperty("domain", new Dictionary<string, object> { ["x"] = LeftHalf, ["y"] = BelowTitles });
        traces[1].SetProperty("domain", new Dictionary<string, object> { ["x"] = RightHalf, ["y"] = BelowTitles });
        var titles = new[] { (0.23, leftTitle), (0.77, rightTitle) }.Select(t => (object)new Dictionary<string, object>
        {
            ["x"] = t.Item1,
            ["xref"] = "paper",
            ["y"] = 0.97,
            ["yref"] = "paper",
            ["text"] = $"<b>{t.Item2}</b>",
            ["showarrow"] = false,
        });
        return ChartLayout.Style(chart, "Type of help request (soort hulpvraag)", "", "", annotations: titles);
    });

    /// <summary>The share of each type of help request in two periods, as grouped bars: the shift at a glance. Shares
    /// are whole percent, from released counts; a withheld share draws no bar.</summary>
    public static Figure ShareShift(CountTable before, string beforeTitle, CountTable after, string afterTitle) =>
        new("Share of each type of help request", [before, after], release =>
    {
        var labels = before.RowKeys.Select(Label).ToArray();
        var traces = new List<GenericChart>
        {
            SharesBar(release, before, labels, beforeTitle, "#9aa5b8"),
            SharesBar(release, after, labels, afterTitle, Theme.ColourOf(Requester.CloseEnvironment)),
        };
        // A type whose share is withheld in either period says so beside its axis label, rather than drawing nothing.
        var withheld = before.RowKeys.Select((k, i) => (Key: k, Label: labels[i]))
            .Where(r => !release.IsShown(before[r.Key].Statistic) || !release.IsShown(after[r.Key].Statistic)).ToList();
        if (withheld.Count > 0)
        {
            var marks = CSharpChart.Scatter<int, string, string>(withheld.Select(_ => 0), withheld.Select(r => r.Label), StyleParam.Mode.Text,
                Name: Withheld.Name, MultiText: withheld.Select(_ => "withheld").ToArray(), TextPosition: StyleParam.TextPosition.MiddleRight, ShowLegend: false);
            GenericChart.getTraces(marks).Single().SetProperty("hoverinfo", "skip");
            traces.Add(marks);
        }
        var chart = CSharpChart.Combine(traces);
        var styled = ChartLayout.Style(chart, "Share of each type of help request", "Share of answered contacts (%)", "");
        GenericChart.getLayout(styled).SetProperty("yaxis", new Dictionary<string, object>
        {
            ["autorange"] = "reversed",
            ["automargin"] = true,
            ["categoryorder"] = "array",
            ["categoryarray"] = labels,
        });
        return styled;
    });

    /// <summary>Shares per year, each type of help request its colour (<see cref="ContactTables.RequesterSharesPerYear"/>):
    /// whole percent, withheld shares left out and the rest of the year grey.</summary>
    public static Figure SharesPerYear(ShareTable perYear) => new("Type of help request per year", [perYear.Counts], release =>
    {
        var years = perYear.RowKeys.ToArray();
        var traces = perYear.ColumnKeys.Select(code =>
        {
            var requester = Enum.GetValues<Requester>().First(r => r.Code() == code);
            var shares = years.Select(y => ((IReleasedValue)perYear[y, code]).Shown(release)).ToArray();
            var chart = CSharpChart.Column<double, string, string>(shares.Select(s => s ?? 0), Keys: years, Name: requester.Label(), MarkerColor: Theme.Color(Theme.ColourOf(requester)));
            GenericChart.getTraces(chart).Single().SetProperty("y", shares);
            return chart;
        }).ToList();
        var rest = years.Select(y => RestOfHundred(release, perYear, y)).ToArray();
        if (rest.Any(r => r is not null))
            traces.Add(Withheld.Trace(years, rest));
        return ChartLayout.Style(CSharpChart.Combine(traces), "Type of help request per year", "Year", "Share of answered contacts (%)", barMode: "stack", categoryX: true);
    });

    private static double? RestOfHundred(Release release, ShareTable table, string year)
    {
        var shown = table.ColumnKeys.Select(c => ((IReleasedValue)table[year, c]).Shown(release)).ToList();
        return shown.All(s => s is not null) ? null : 100 - shown.Sum(s => s ?? 0);
    }

    private static GenericChart SharesBar(Release release, CountTable counts, string[] labels, string name, string colour)
    {
        var shares = counts.RowKeys.Select(k => ((IReleasedValue)Share.Of(counts[k], counts.Total)).Shown(release)).ToArray();
        // Only the shares shown become bars: plotly draws a missing horizontal bar as a flat one.
        var shown = shares.Select((share, i) => (Share: share, Label: labels[i])).Where(b => b.Share is > 0).ToList();
        return CSharpChart.Bar<double, string, string>(shown.Select(b => b.Share!.Value), Keys: shown.Select(b => b.Label).ToArray(), Name: name, MarkerColor: Theme.Color(colour));
    }

    private static string Label(string code) => Enum.GetValues<Requester>().First(r => r.Code() == code).Label();

    private static GenericChart Pie(Release release, CountTable counts, string title)
    {
        if (!release.IsShown(counts.Total.Statistic))
        {
            var empty = CSharpChart.Pie<int, string, string>([1], Name: title, Labels: WithheldPie, SectionColors: WithheldColour, Sort: false);
            var trace = GenericChart.getTraces(empty).Single();
            trace.SetProperty("textinfo", "label");
            trace.SetProperty("hoverinfo", "label");
            return empty;
        }
        var slices = counts.RowKeys.Select((code, i) => (Code: code, Tally: counts[i, -1]))
            .Where(s => !release.IsShown(s.Tally.Statistic) || s.Tally.Value > 0).ToList();
        var shown = slices.Where(s => release.IsShown(s.Tally.Statistic)).ToList();
        int withheld = counts.Total.Value - shown.Sum(s => s.Tally.Value);
        var labels = shown.Select(s => Label(s.Code)).ToList();
        var values = shown.Select(s => s.Tally.Value).ToList();
        var colours = shown.Select(s => Theme.ColourOf(Enum.GetValues<Requester>().First(r => r.Code() == s.Code))).ToList();
        if (withheld > 0)
        {
            labels.Add("withheld (small counts)");
            values.Add(withheld);
            colours.Add(Theme.Suppressed);
        }
        var pie = CSharpChart.Pie<int, string, string>(values, Name: title, Labels: labels,
            SectionColors: colours.Select(Theme.Color).ToArray(), Sort: false, Direction: StyleParam.Direction.Clockwise);
        // Shares of a sensitive breakdown are whole percent everywhere, plotly's own labels included.
        var slice = GenericChart.getTraces(pie).Single();
        slice.SetProperty("texttemplate", "%{percent:.0%}");
        slice.SetProperty("hovertemplate", "%{label}: %{value:,} (%{percent:.0%})<extra></extra>");
        return pie;
    }
}
