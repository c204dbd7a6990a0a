using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of part 1a: contacts per month and per year, by channel.</summary>
public static class ContactCharts
{
    /// <summary>Answered contacts per month, stacked by channel, with the helpline's start, the chat's start and the first lockdown marked.</summary>
    /// <param name="perMonth">Months by channel (<see cref="ContactTables.PerMonthByChannel"/>).</param>
    public static Figure PerMonthByChannel(CountTable perMonth) => new("Contacts per month by channel", [perMonth], release =>
    {
        var months = perMonth.RowKeys.ToArray();
        var chart = CSharpChart.Combine(ByChannel(release, perMonth, months));
        var marks = new[] { ("2017-05", "helpline opens (May 2017)"), ("2019-06", "chat opens (June 2019)"), ("2020-03", "first lockdown (March 2020)") }
            .Where(m => months.Contains(m.Item1)).Select(m => ChartLayout.Marker(m.Item1, m.Item2)).ToList();
        return ChartLayout.Style(chart, "Contacts per month by channel", "Month", "Answered contacts",
            shapes: marks.Select(m => m.Shape), annotations: marks.Select(m => m.Annotation), barMode: "stack");
    });

    /// <summary>Answered contacts per year, stacked by channel, the year's total above each column.</summary>
    public static Figure PerYearByChannel(CountTable perYear) => new("Contacts per year by channel", [perYear], release =>
    {
        var years = perYear.RowKeys.ToArray();
        var chart = CSharpChart.Combine(ByChannel(release, perYear, years));
        var labels = years.Select((y, i) => (Year: y, Index: i, Total: perYear[i, -1])).Where(t => release.IsShown(t.Total.Statistic)).Select(t => (object)new Dictionary<string, object>
        {
            // On a category axis a number-like x ("2017") is read as a category index: give the index itself.
            ["x"] = t.Index,
            ["y"] = t.Total.Value,
            ["text"] = t.Total.Value.ToString("N0", NotebookDisplay.Culture),
            ["showarrow"] = false,
            ["yanchor"] = "bottom",
        });
        return ChartLayout.Style(chart, "Contacts per year by channel", "Year", "Answered contacts", annotations: labels, barMode: "stack", categoryX: true);
    });

    private static IEnumerable<GenericChart> ByChannel(Release release, CountTable table, string[] keys)
    {
        foreach (var code in table.ColumnKeys)
        {
            var channel = Enum.GetValues<Channel>().Single(c => c.Code() == code);
            var column = table.Column(code);
            var chart = CSharpChart.Column<int, string, string>(column.Select(t => Withheld.Height(release, t) ?? 0), Keys: keys, Name: channel.Label(),
                MarkerColor: Theme.Color(Theme.ColourOf(channel)));
            GenericChart.getTraces(chart).Single().SetProperty("y", column.Select(t => Withheld.Height(release, t)).ToArray());
            yield return chart;
        }
        if (Withheld.Rest(release, table, keys) is { } rest)
            yield return rest;
    }
}
