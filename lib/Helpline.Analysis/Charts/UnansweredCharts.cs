using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of part 2: contacts lost to a busy line or to closed hours.</summary>
public static class UnansweredCharts
{
    /// <summary>Busy and closed contacts of one channel per month, stacked (<see cref="UnansweredTables.PerMonth"/>).</summary>
    public static Figure PerMonth(CountTable perMonth, Channel channel) => new($"{channel.Label()}: unanswered contacts per month", [perMonth], release =>
    {
        var months = perMonth.RowKeys.ToArray();
        var traces = perMonth.ColumnKeys.Select(code =>
        {
            var outcome = Enum.GetValues<Outcome>().Single(o => o.Code() == code);
            var column = perMonth.Column(code);
            var chart = CSharpChart.Column<int, string, string>(column.Select(t => Withheld.Height(release, t) ?? 0), Keys: months, Name: outcome.Label(),
                MarkerColor: Theme.Color(Theme.ColourOf(outcome)));
            GenericChart.getTraces(chart).Single().SetProperty("y", column.Select(t => Withheld.Height(release, t)).ToArray());
            return chart;
        }).ToList();
        var marks = new[] { ("2019-06", "chat opens (June 2019)") }.Where(m => months.Contains(m.Item1)).Select(m => ChartLayout.Marker(m.Item1, m.Item2)).ToList();
        return ChartLayout.Style(CSharpChart.Combine(traces), $"{channel.Label()}: unanswered contacts per month", "Month", "Contacts not answered",
            shapes: marks.Select(m => m.Shape), annotations: marks.Select(m => m.Annotation), barMode: "stack");
    });

    /// <summary>When closed-hour contacts arrive, weekday by hour (<see cref="UnansweredTables.ClosedByWeekdayAndHour"/>), with the
    /// channel's opening slots outlined. Withheld cells are gaps labelled with their mark, never zero; hover shows no number for them.
    /// It draws no total, and lists none as shown.</summary>
    public static Figure ClosedHeatmap(CountTable weekdayByHour, OpeningHours hours, Channel channel, DateOnly on) =>
        new($"{channel.Label()}: when closed-hour contacts arrive", weekdayByHour, release =>
    {
        var days = weekdayByHour.RowKeys.ToArray();
        var hoursOfDay = weekdayByHour.ColumnKeys.ToArray();
        var cells = days.Select((_, i) => hoursOfDay.Select((_, j) => weekdayByHour[i, j]).ToArray()).ToArray();
        var z = cells.Select(row => row.Select(t => Withheld.Height(release, t)).ToArray()).ToArray();
        var text = cells.Select(row => row.Select(t => release.Mark(release.StateOf(t.Statistic)) ?? "").ToArray()).ToArray();
        var chart = CSharpChart.Heatmap<int, string, string, string>(z.Select(row => row.Select(v => v ?? 0)), X: hoursOfDay, Y: days, Name: "Closed-hour contacts",
            ColorScale: StyleParam.Colorscale.NewCustom([Tuple.Create(0.0, Theme.Color("#f4f6fb")), Tuple.Create(1.0, Theme.Color("#16324f"))]), ReverseYAxis: true);
        var trace = GenericChart.getTraces(chart).Single();
        trace.SetProperty("z", z); // withheld cells are null: drawn as gaps on the grey background, not as zero
        trace.SetProperty("text", text);
        trace.SetProperty("texttemplate", "%{text}");
        trace.SetProperty("hoverongaps", false);
        trace.SetProperty("xgap", 1);
        trace.SetProperty("ygap", 1);
        var slots = hours.Slots.Where(s => s.Channel == channel && s.IsValidOn(on)).Select(s => (object)new Dictionary<string, object>
        {
            ["type"] = "rect",
            ["xref"] = "x",
            ["yref"] = "y",
            ["x0"] = s.Opens.Hour + s.Opens.Minute / 60.0 - 0.5,
            ["x1"] = s.Closes.Hour + s.Closes.Minute / 60.0 - 0.5,
            ["y0"] = Array.IndexOf(days, s.Day.ToString()) - 0.5,
            ["y1"] = Array.IndexOf(days, s.Day.ToString()) + 0.5,
            ["line"] = new Dictionary<string, object> { ["color"] = "#e08a1e", ["width"] = 3 },
        });
        var styled = ChartLayout.Style(chart, $"{channel.Label()}: when closed-hour contacts arrive",
            "Hour of arrival", "", shapes: slots, subtitle: "orange outline: opening hours; grey: withheld (≤ threshold, x, ..)");
        var layout = GenericChart.getLayout(styled);
        layout.SetProperty("plot_bgcolor", Theme.Suppressed);
        // No gridlines: they cross each cell's middle, and on a withheld cell (a gap on the grey background) through its mark.
        layout.SetProperty("xaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "Hour of arrival" }, ["type"] = "category", ["showgrid"] = false });
        layout.SetProperty("yaxis", new Dictionary<string, object> { ["autorange"] = "reversed", ["type"] = "category", ["showgrid"] = false });
        return styled;
    });
}
