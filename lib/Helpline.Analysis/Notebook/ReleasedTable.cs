namespace Helpline.Analysis;

/// <summary>
/// A table put together from released values (counts, shares, means), labels and public numbers: the reconciliation,
/// the completeness of the register, the answer's totals. Every number in it passes the release gate like a count
/// table's; only the library builds one.
/// </summary>
public sealed class ReleasedTable : IPageOutput
{
    private readonly TableLayout _layout;
    private readonly List<(List<string> Labels, Dictionary<string, IReleasedValue> Values)> _rows = [];
    private List<string>? _keys;

    internal ReleasedTable(params string[] header) => _layout = new TableLayout(header);

    public IReadOnlyList<string> Header => _layout.Header;

    /// <summary>Each row's key: its leading labels, as many as tell every row apart (<c>2020</c>; <c>phone busy</c> and
    /// <c>phone closed</c>, not <c>phone</c> for the first).</summary>
    public IReadOnlyList<string> RowKeys => KeyList;

    private List<string> KeyList => _keys ??= Keys();

    /// <summary>A value by row key and column name.</summary>
    public IReleasedValue this[string row, string column] =>
        KeyList.IndexOf(row) is int i and >= 0 && _rows[i].Values.TryGetValue(column, out var value) ? value
            : throw new KeyNotFoundException($"No value at row '{row}', column '{column}'; rows: {string.Join(", ", RowKeys.Take(12))}{(RowKeys.Count > 12 ? ", ..." : "")}; columns: {string.Join(", ", Header)}.");

    /// <summary>A count by row key and column name.</summary>
    public Tally Count(string row, string column) => this[row, column] as Tally
        ?? throw new InvalidOperationException($"The value at row '{row}', column '{column}' is not a count.");

    internal ReleasedTable Row(params object?[] cells)
    {
        var row = cells.Select((cell, j) => cell switch
        {
            null => new TableLayout.Text(""),
            string text => new TableLayout.Text(text),
            bool b => new TableLayout.Text(b ? "yes" : "no"),
            IReleasedValue value => (TableLayout.Cell)new TableLayout.Value(value),
            TableLayout.Cell c => c,
            _ => throw new ArgumentException($"A released table holds labels and released values, not {cell.GetType().Name}."),
        }).ToArray();
        // A row is known by its leading labels: two rows under one key would leave one row's values out of the ledger's places.
        var labels = row.TakeWhile(c => c is TableLayout.Text).Select(c => ((TableLayout.Text)c).Label).ToList();
        var values = new Dictionary<string, IReleasedValue>(StringComparer.Ordinal);
        for (int j = 0; j < row.Length; j++)
        {
            if (row[j] is TableLayout.Value v)
                values[_layout.Header[j]] = v.Released;
        }
        _rows.Add((labels, values));
        _keys = Keys();
        if (_keys.Distinct(StringComparer.Ordinal).Count() < _keys.Count)
        {
            _rows.RemoveAt(_rows.Count - 1);
            _keys = null;
            throw new ArgumentException($"Row key '{string.Join(' ', labels)}' is already in the table; rows need distinct leading labels.");
        }
        _layout.Row(row);
        return this;
    }

    IEnumerable<Statistic> IPageOutput.Statistics => _layout.Statistics;

    IEnumerable<CountTable> IPageOutput.Tables => [];

    IEnumerable<(Statistic Statistic, string? Row, string? Column)> IPageOutput.Places =>
        _rows.Zip(RowKeys).SelectMany(r => r.First.Values.SelectMany(v => v.Value.Statistics.Select(s => (s, (string?)r.Second, (string?)v.Key))));

    /// <summary>The fewest leading labels that tell every row apart, the same number for every row.</summary>
    private List<string> Keys()
    {
        int most = _rows.Count == 0 ? 1 : Math.Max(1, _rows.Max(r => r.Labels.Count));
        for (int n = 1; ; n++)
        {
            var keys = _rows.Select(r => string.Join(' ', r.Labels.Take(n))).ToList();
            if (n >= most || keys.Distinct(StringComparer.Ordinal).Count() == keys.Count)
                return keys;
        }
    }

    PageContent IPageOutput.Render(Release release) => _layout.Render(release);
}
