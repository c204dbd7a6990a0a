using Microsoft.Data.Analysis;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of part 1a: contacts per month and per year, by channel.</summary>
public static class ContactCharts
{
    private static readonly Channel[] Channels = [Channel.Phone, Channel.Chat, Channel.Email];

    /// <summary>Answered contacts per month, stacked by channel, with the helpline's start, the chat's start and the first lockdown marked.</summary>
    public static GenericChart PerMonthByChannel(DataFrame perMonth)
    {
        var months = perMonth["month"].Cast<string>().ToArray();
        var chart = CSharpChart.Combine(Channels.Select(channel =>
            CSharpChart.Column<int, string, string>(perMonth[channel.Code()].Cast<int>(), Keys: months, Name: channel.Label(),
                MarkerColor: Theme.Color(Theme.ColourOf(channel)))));
        var marks = new[] { ("2017-05", "helpline opens (May 2017)"), ("2019-06", "chat opens (June 2019)"), ("2020-03", "first lockdown (March 2020)") }
            .Where(m => months.Contains(m.Item1)).Select(m => ChartLayout.Marker(m.Item1, m.Item2)).ToList();
        return ChartLayout.Style(chart, "Contacts per month by channel", "Month", "Answered contacts",
            shapes: marks.Select(m => m.Shape), annotations: marks.Select(m => m.Annotation), barMode: "stack");
    }

    /// <summary>Answered contacts per year, stacked by channel, the year's total above each column.</summary>
    public static GenericChart PerYearByChannel(DataFrame perYear)
    {
        var years = perYear["year"].Cast<string>().ToArray();
        var chart = CSharpChart.Combine(Channels.Select(channel =>
            CSharpChart.Column<int, string, string>(perYear[channel.Code()].Cast<int>(), Keys: years, Name: channel.Label(),
                MarkerColor: Theme.Color(Theme.ColourOf(channel)))));
        var totals = perYear["total"].Cast<int>().ToArray();
        var labels = years.Select((y, i) => (object)new Dictionary<string, object>
        {
            // On a category axis a number-like x ("2017") is read as a category index: give the index itself.
            ["x"] = i,
            ["y"] = totals[i],
            ["text"] = totals[i].ToString("N0", NotebookDisplay.Culture),
            ["showarrow"] = false,
            ["yanchor"] = "bottom",
        });
        return ChartLayout.Style(chart, "Contacts per year by channel", "Year", "Answered contacts", annotations: labels, barMode: "stack", categoryX: true);
    }
}
