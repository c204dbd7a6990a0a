using System.Globalization;
using System.Net;
using System.Text;

namespace Helpline.Analysis;

/// <summary>
/// A table as a page shows it, before the gate's decisions are filled in: a header and rows of cells that are labels,
/// released values (counts, shares, means) or public numbers. Rendered to HTML and to the CSV download from one release.
/// </summary>
internal sealed class TableLayout(IReadOnlyList<string> header)
{
    private readonly List<Cell[]> _rows = [];

    public IReadOnlyList<string> Header { get; } = header;

    public IReadOnlyList<Cell[]> Rows => _rows;

    /// <summary>Every register statistic in the table: what the legend counts and the gate audits.</summary>
    public IEnumerable<Statistic> Statistics => _rows.SelectMany(r => r).OfType<Value>().SelectMany(v => v.Released.Statistics);

    public TableLayout Row(params Cell[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    /// <summary>A count table: a key column, one column per step of the column breakdown (or the count), the totals.</summary>
    public static TableLayout Of(CountTable table, Release release, bool shares)
    {
        _ = release;
        bool cross = table.ColumnKeys.Count > 0;
        var header = new List<string> { table.RowBreakdown?.Name ?? "count" };
        if (cross)
            header.AddRange(table.ColumnKeys.Append("total"));
        else
            header.Add(table.CountName);
        if (shares)
            header.Add("share");
        var layout = new TableLayout(header);
        var rows = table.RowKeys.Count == 0 ? [] : Enumerable.Range(0, table.RowKeys.Count).ToList();
        foreach (var i in rows.Append(-1))
        {
            var cells = new List<Cell> { new Text(table.RowKey(i)) };
            if (cross)
                cells.AddRange(Enumerable.Range(0, table.ColumnKeys.Count).Append(-1).Select(j => (Cell)new Value(new Tally(table, i, j))));
            else
                cells.Add(new Value(new Tally(table, i, -1)));
            if (shares)
                cells.Add(new Value(Share.Of(new Tally(table, i, -1), table.Total)));
            layout.Row([.. cells]);
        }
        return layout;
    }

    public PageContent Render(Release release, string? caption = null)
    {
        var html = new StringBuilder();
        if (caption is not null)
            html.Append("<p class=\"table-caption\">").Append(WebUtility.HtmlEncode(caption)).Append("</p>");
        html.Append("<table class=\"data\"><thead><tr>");
        foreach (var name in Header)
            html.Append("<th>").Append(WebUtility.HtmlEncode(name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        int shown = Math.Min(_rows.Count, NotebookDisplay.MaxRows);
        foreach (var row in _rows.Take(shown))
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var text = cell.Html(release);
                html.Append(cell is Text ? text.Length > 24 ? "<td class=\"t\">" : "<td>" : "<td class=\"n\">").Append(WebUtility.HtmlEncode(text)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (_rows.Count > shown)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"table-note\">First {shown:N0} of {_rows.Count:N0} rows; the CSV download has them all.</p>");
        var statistics = Statistics.ToList();
        if (statistics.Any(s => s.Definition.IsSensitive) || release.NotForPublication && statistics.Count > 0)
            html.Append("<p class=\"table-note\">").Append(WebUtility.HtmlEncode(release.Legend(statistics))).Append("</p>");
        return new PageContent(html.ToString(), Csv(release));
    }

    private string Csv(Release release)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header.Select(Quote)).Append('\n');
        foreach (var row in _rows)
            csv.AppendJoin(',', row.Select(c => Quote(c.Csv(release)))).Append('\n');
        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    internal abstract record Cell
    {
        public abstract string Html(Release release);

        public virtual string Csv(Release release) => Html(release);
    }

    internal sealed record Text(string Label) : Cell
    {
        public override string Html(Release release) => Label;
    }

    /// <summary>A count, share or mean: its text as the release says (in CSV without thousands separators).</summary>
    internal sealed record Value(IReleasedValue Released) : Cell
    {
        public override string Html(Release release) => Released.Text(release);

        public override string Csv(Release release) => Released switch
        {
            Tally t when release.IsShown(t.Statistic) => t.Value.ToString(CultureInfo.InvariantCulture),
            PublicNumber n => n.Invariant(),
            Rate r => r.Invariant(release),
            _ => Released.Text(release),
        };
    }
}
