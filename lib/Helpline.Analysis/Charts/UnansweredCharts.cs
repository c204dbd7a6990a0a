using Microsoft.Data.Analysis;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of part 2: contacts lost to a busy line or to closed hours.</summary>
public static class UnansweredCharts
{
    /// <summary>Busy and closed contacts of one channel per month, stacked.</summary>
    public static GenericChart PerMonth(DataFrame perMonth, Channel channel)
    {
        var months = perMonth["month"].Cast<string>().ToArray();
        var chart = CSharpChart.Combine(new[] { Outcome.Busy, Outcome.Closed }.Select(outcome =>
            CSharpChart.Column<int, string, string>(perMonth[outcome.Code()].Cast<int>(), Keys: months, Name: outcome.Label(), MarkerColor: Theme.Color(Theme.ColourOf(outcome)))));
        var marks = new[] { ("2019-06", "chat opens (June 2019)") }.Where(m => months.Contains(m.Item1)).Select(m => ChartLayout.Marker(m.Item1, m.Item2)).ToList();
        return ChartLayout.Style(chart, $"{channel.Label()}: unanswered contacts per month", "Month", "Contacts not answered",
            shapes: marks.Select(m => m.Shape), annotations: marks.Select(m => m.Annotation), barMode: "stack");
    }

    /// <summary>When closed-hour contacts arrive, weekday by hour, with the channel's opening slots outlined. Suppressed
    /// cells are drawn grey and labelled, never as zero.</summary>
    public static GenericChart ClosedHeatmap(ProtectedTable weekdayByHour, OpeningHours hours, Channel channel, DateOnly on)
    {
        var days = weekdayByHour.Keys.ToArray();
        var hoursOfDay = weekdayByHour.Columns.ToArray();
        var z = days.Select((_, i) => hoursOfDay.Select((_, j) => weekdayByHour.Shown(i, j)).ToArray()).ToArray();
        var text = days.Select((_, i) => hoursOfDay.Select((_, j) => weekdayByHour.States[i, j] switch
        {
            CellState.Small => $"≤{weekdayByHour.Options.Threshold}",
            CellState.Secondary => "x",
            _ => "",
        }).ToArray()).ToArray();
        var zeros = z.Select(row => row.Select(v => v ?? 0)).ToArray();
        var chart = CSharpChart.Heatmap<int, string, string, string>(zeros, X: hoursOfDay, Y: days, Name: "Closed-hour contacts",
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
            "Hour of arrival", "", shapes: slots, subtitle: "orange outline: opening hours; grey: no contacts or withheld (≤ threshold, x)");
        var layout = GenericChart.getLayout(styled);
        layout.SetProperty("plot_bgcolor", Theme.Suppressed);
        layout.SetProperty("xaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "Hour of arrival" }, ["type"] = "category" });
        layout.SetProperty("yaxis", new Dictionary<string, object> { ["autorange"] = "reversed", ["type"] = "category" });
        return styled;
    }
}
