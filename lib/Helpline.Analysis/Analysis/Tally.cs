using System.Net;

namespace Helpline.Analysis;

/// <summary>
/// One count of a <see cref="CountTable"/>: a cell, a row or column total, or the grand total. Its <see cref="Value"/>
/// is there for computation; a page shows it only through the release gate (in a table, a chart or a sentence).
/// </summary>
public sealed class Tally : IReleasedValue, IPageOutput
{
    internal Tally(CountTable table, int row, int column)
    {
        Table = table;
        Row = row;
        Column = column;
    }

    /// <summary>The true count: for a researcher's own computation, never printed on a page as it is.</summary>
    public int Value => Table.Value(Row, Column);

    /// <summary>The row's label (<c>2020</c>, <c>self</c>), <c>total</c> for a total over the rows.</summary>
    public string RowKey => Table.RowKey(Row);

    /// <summary>The column's label, <c>total</c> for a row total.</summary>
    public string ColumnKey => Table.ColumnKey(Column);

    /// <summary>Which contacts it counts.</summary>
    public Definition Definition => Statistic.Definition;

    /// <summary>This count as a share of another (whole percent when either is a sensitive count).</summary>
    public Share ShareOf(Tally whole) => Share.Of(this, whole);

    public override string ToString() => $"{Table.CountName} {RowKey}/{ColumnKey} (shown on a page through the release gate)";

    internal CountTable Table { get; }

    internal int Row { get; }

    internal int Column { get; }

    internal Statistic Statistic => Table.StatisticAt(Row, Column);

    IEnumerable<Statistic> IReleasedValue.Statistics => [Statistic];

    string IReleasedValue.Text(Release release) => release.Text(Statistic);

    double? IReleasedValue.Shown(Release release) => release.IsShown(Statistic) ? Value : null;

    IEnumerable<Statistic> IPageOutput.Statistics => [Statistic];

    IEnumerable<CountTable> IPageOutput.Tables => [];

    PageContent IPageOutput.Render(Release release) =>
        new($"<p class=\"count\">{WebUtility.HtmlEncode(Table.CountName)}: {WebUtility.HtmlEncode(release.Text(Statistic))}</p>");
}
