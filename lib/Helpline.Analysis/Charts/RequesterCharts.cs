using Microsoft.Data.Analysis;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of part 1b: the type of help request (soort hulpvraag).</summary>
public static class RequesterCharts
{
    private static readonly double[] LeftHalf = [0.0, 0.46];
    private static readonly double[] RightHalf = [0.54, 1.0];
    private static readonly double[] BelowTitles = [0.0, 0.9];

    /// <summary>Two pies side by side, as the answer drew them: the whole period, and one year. They take protected
    /// counts (<see cref="ContactTables.HelpRequestCounts"/> through <see cref="Disclosure"/>): withheld slices join one grey slice.</summary>
    public static GenericChart PiesSideBySide(ProtectedTable left, string leftTitle, ProtectedTable right, string rightTitle)
    {
        var chart = CSharpChart.Combine([Pie(left, leftTitle), Pie(right, rightTitle)]);
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
    }

    /// <summary>The share of each type of help request in two periods, as grouped bars: the shift at a glance.</summary>
    public static GenericChart ShareShift(DataFrame before, string beforeTitle, DataFrame after, string afterTitle)
    {
        var labels = before["label"].Cast<string>().ToArray();
        var chart = CSharpChart.Combine(
        [
            CSharpChart.Bar<double, string, string>(before["share"].Cast<double>(), Keys: labels, Name: beforeTitle, MarkerColor: Theme.Color("#9aa5b8")),
            CSharpChart.Bar<double, string, string>(after["share"].Cast<double>(), Keys: labels, Name: afterTitle, MarkerColor: Theme.Color(Theme.ColourOf(Requester.CloseEnvironment))),
        ]);
        var styled = ChartLayout.Style(chart, "Share of each type of help request", "Share of answered contacts (%)", "");
        GenericChart.getLayout(styled).SetProperty("yaxis", new Dictionary<string, object> { ["autorange"] = "reversed", ["automargin"] = true });
        return styled;
    }

    /// <summary>Shares per year, each type of help request its colour: <paramref name="perYear"/> holds a year column and one share column per requester code.</summary>
    public static GenericChart SharesPerYear(DataFrame perYear)
    {
        var years = perYear["year"].Cast<string>().ToArray();
        var chart = CSharpChart.Combine(Enum.GetValues<Requester>().Where(r => perYear.Columns.IndexOf(r.Code()) >= 0).Select(r =>
            CSharpChart.Column<double, string, string>(perYear[r.Code()].Cast<double>(), Keys: years, Name: r.Label(), MarkerColor: Theme.Color(Theme.ColourOf(r)))));
        return ChartLayout.Style(chart, "Type of help request per year", "Year", "Share of answered contacts (%)", barMode: "stack", categoryX: true);
    }

    private static GenericChart Pie(ProtectedTable counts, string title)
    {
        var slices = counts.Keys.Select((code, i) => (Requester: Enum.GetValues<Requester>().First(r => r.Code() == code), Value: counts.Shown(i, 0)))
            .Where(s => s.Value is null or > 0).ToList();
        var shown = slices.Where(s => s.Value is not null).ToList();
        int withheld = counts.RowTotals.Sum() - shown.Sum(s => s.Value!.Value);
        var labels = shown.Select(s => s.Requester.Label()).ToList();
        var values = shown.Select(s => s.Value!.Value).ToList();
        var colours = shown.Select(s => Theme.ColourOf(s.Requester)).ToList();
        if (withheld > 0)
        {
            labels.Add("withheld (small counts)");
            values.Add(withheld);
            colours.Add(Theme.Suppressed);
        }
        return CSharpChart.Pie<int, string, string>(values, Name: title, Labels: labels,
            SectionColors: colours.Select(Theme.Color).ToArray(), Sort: false, Direction: StyleParam.Direction.Clockwise);
    }
}
