namespace Helpline.Analysis;

/// <summary>
/// A table put together from released values (counts, shares, means), labels and public numbers: the reconciliation,
/// the completeness of the register, the answer's totals. Every number in it passes the release gate like a count
/// table's; only the library builds one.
/// </summary>
public sealed class ReleasedTable : IPageOutput
{
    private readonly TableLayout _layout;
    private readonly Dictionary<(string Row, string Column), IReleasedValue> _values = [];
    private readonly List<string> _keys = [];

    internal ReleasedTable(params string[] header) => _layout = new TableLayout(header);

    public IReadOnlyList<string> Header => _layout.Header;

    /// <summary>Each row's key: its first label, with the next ones where another row has it (<c>2020</c>, <c>phone busy</c>).</summary>
    public IReadOnlyList<string> RowKeys => _keys;

    /// <summary>A value by row label and column name.</summary>
    public IReleasedValue this[string row, string column] => _values.TryGetValue((row, column), out var value) ? value
        : throw new KeyNotFoundException($"No value at row '{row}', column '{column}'; columns: {string.Join(", ", Header)}.");

    /// <summary>A count by row label and column name.</summary>
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
        // The first label, with the next ones added while another row has it: two rows under one key would leave one
        // row's values out of the ledger's places.
        var labels = row.TakeWhile(c => c is TableLayout.Text).Select(c => ((TableLayout.Text)c).Label).ToList();
        string key = labels.Count == 0 ? "" : labels[0];
        for (int n = 1; _keys.Contains(key) && n < labels.Count; n++)
            key += " " + labels[n];
        if (_keys.Contains(key))
            throw new ArgumentException($"Row key '{key}' is already in the table; rows need distinct leading labels.");
        _keys.Add(key);
        for (int j = 0; j < row.Length; j++)
        {
            if (row[j] is TableLayout.Value v)
                _values[(key, _layout.Header[j])] = v.Released;
        }
        _layout.Row(row);
        return this;
    }

    IEnumerable<Statistic> IPageOutput.Statistics => _layout.Statistics;

    IEnumerable<CountTable> IPageOutput.Tables => [];

    IEnumerable<(Statistic Statistic, string? Row, string? Column)> IPageOutput.Places =>
        _values.SelectMany(v => v.Value.Statistics.Select(s => (s, (string?)v.Key.Row, (string?)v.Key.Column)));

    PageContent IPageOutput.Render(Release release) => _layout.Render(release);
}
