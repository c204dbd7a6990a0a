using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Helpline.Analysis;

/// <summary>Charts of the trend beyond the answer: contacts per year as the sources published them.</summary>
public static class TrendCharts
{
    /// <summary>Contacts per year 2017-2023 from the published figures (section B), with the two totals that disagree.</summary>
    public static Figure PublishedContactsPerYear(PublishedFigures published) => new("Contacts per year, as published", [], _ =>
    {
        var years = Enumerable.Range(2017, 7).ToArray();
        var values = years.Select(y => (int)published.Value($"b.contacts_{y}")).ToArray();
        var chart = CSharpChart.Column<int, string, string>(values, Keys: years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Name: "Contacts (published)", MarkerColor: Theme.Color("#16324f"), MultiText: values.Select(v => v.ToString("N0", NotebookDisplay.Culture)).ToArray());
        var subtitle = string.Create(NotebookDisplay.Culture, $"sum {values.Sum():N0} = Statistiek Vlaanderen's {published.Value("b.contacts_2017_2023"):N0}; another source says {published.Value("b.contacts_2017_2023_alt"):N0}");
        return ChartLayout.Style(chart, "Contacts per year, as published", "Year", "Contacts", subtitle: subtitle, categoryX: true);
    });
}
