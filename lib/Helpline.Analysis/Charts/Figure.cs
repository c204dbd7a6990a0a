using System.Net;
using Plotly.NET;

namespace Helpline.Analysis;

/// <summary>
/// A chart of a page. It is drawn from released counts only, after the gate has decided: a withheld count is never a
/// bar height, a stack, a slice, an axis range or a hover value. The chart families (<see cref="ContactCharts"/>, ...)
/// make them; displayed in a notebook, a figure draws itself.
/// </summary>
public sealed class Figure : IPageOutput
{
    private readonly Func<Release, GenericChart> _draw;
    private readonly IReadOnlyList<CountTable> _tables;
    private readonly IReadOnlyList<Statistic> _statistics;

    internal Figure(string title, IEnumerable<CountTable> tables, Func<Release, GenericChart> draw)
    {
        Title = title;
        _tables = [.. tables];
        _statistics = [.. _tables.SelectMany(t => ((IPageOutput)t).Statistics)];
        _draw = draw;
    }

    public string Title { get; }

    /// <summary>The Plotly.NET chart as a page would draw it under a release (for a researcher's own styling or export).</summary>
    public GenericChart Draw(Release release) => _draw(release);

    IEnumerable<Statistic> IPageOutput.Statistics => _statistics;

    IEnumerable<CountTable> IPageOutput.Tables => _tables;

    IEnumerable<(Statistic Statistic, string? Row, string? Column)> IPageOutput.Places => _tables.SelectMany(t => t.CellPlaces());

    PageContent IPageOutput.Render(Release release)
    {
        var json = ChartJson.Of(_draw(release));
        var html = NotebookDisplay.ChartHtml(json);
        if (_statistics.Any(s => s.Definition.IsSensitive) || release.NotForPublication && _statistics.Count > 0)
            html += $"<p class=\"table-note\">{WebUtility.HtmlEncode(release.Legend(_statistics))}</p>";
        return new PageContent(html, FigureJson: json);
    }

    public override string ToString() => $"chart: {Title}";
}
