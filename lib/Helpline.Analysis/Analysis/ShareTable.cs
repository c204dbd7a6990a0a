namespace Helpline.Analysis;

/// <summary>
/// A cross table shown as shares: each cell a percentage of its row's total (say, of a year's contacts), computed from
/// the released counts only and withheld with them, in whole percent for a sensitive breakdown.
/// </summary>
public sealed class ShareTable : IPageOutput
{
    internal ShareTable(CountTable counts) => Counts = counts;

    public CountTable Counts { get; }

    public IReadOnlyList<string> RowKeys => Counts.RowKeys;

    public IReadOnlyList<string> ColumnKeys => Counts.ColumnKeys;

    /// <summary>The share of a cell in its row.</summary>
    public Share this[string row, string column] => Share.Of(Counts[row, column], Counts[row, "total"]);

    // What the shares are computed from, and nothing else: each cell's count and its row's total, both placed at the
    // cell's share. The column totals are not shown, so they are not listed; nor is the count table (its line rule
    // guards shown totals), which the linked audit checks as it checks every page.
    IEnumerable<Statistic> IPageOutput.Statistics => ((IPageOutput)this).Places.Select(p => p.Statistic);

    IEnumerable<CountTable> IPageOutput.Tables => [];

    IEnumerable<(Statistic Statistic, string? Row, string? Column)> IPageOutput.Places =>
        Counts.RowKeys.SelectMany(row => Counts.ColumnKeys.SelectMany(column =>
            new[] { (Counts[row, column].Statistic, (string?)row, (string?)column), (Counts[row, "total"].Statistic, row, column) }));

    PageContent IPageOutput.Render(Release release) => Layout().Render(release);

    internal TableLayout Layout()
    {
        var layout = new TableLayout([Counts.RowBreakdown?.Name ?? "row", .. Counts.ColumnKeys]);
        foreach (var row in Counts.RowKeys)
            layout.Row([new TableLayout.Text(row), .. Counts.ColumnKeys.Select(c => (TableLayout.Cell)new TableLayout.Value(this[row, c]))]);
        return layout;
    }
}
