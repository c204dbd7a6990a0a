using System.Globalization;
using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>
/// Counts of a register along none, one or two <see cref="Breakdown"/>s, with their totals. Every count knows which
/// contacts it counts, so a page can only show it through the release gate: displayed in a notebook, the table shows
/// what the gate releases (small counts of sensitive breakdowns withheld), never the raw numbers.
/// </summary>
/// <example><code>
/// var perYear = register.Answered().CountBy(Breakdown.Year, Breakdown.Requester);
/// perYear["2020", "self"]          // one count, a Tally
/// perYear.Total                    // the grand total
/// </code></example>
public sealed class CountTable : IPageOutput
{
    // Counts with their totals: index 0 of either dimension is the total over it, step i of an axis is at i + 1.
    private readonly int[,] _counts;
    private readonly Breakdown.Axis? _rows;
    private readonly Breakdown.Axis? _columns;
    private readonly Statistic?[,] _statistics;

    internal CountTable(RegisterColumns source, StatisticKind kind, Definition definition, DisclosureOptions options,
        Breakdown? rowBreakdown, Breakdown.Axis? rows, Breakdown? columnBreakdown, Breakdown.Axis? columns, int[,] counts)
    {
        Source = source;
        Kind = kind;
        Definition = definition;
        Options = options;
        RowBreakdown = rowBreakdown;
        ColumnBreakdown = columnBreakdown;
        _rows = rows;
        _columns = columns;
        _counts = counts;
        _statistics = new Statistic?[counts.GetLength(0), counts.GetLength(1)];
    }

    /// <summary>What every count of the table counts before the breakdowns split it.</summary>
    public Definition Definition { get; }

    public StatisticKind Kind { get; }

    public Breakdown? RowBreakdown { get; }

    public Breakdown? ColumnBreakdown { get; }

    /// <summary>The labels of the rows (the steps of the row breakdown), without the total.</summary>
    public IReadOnlyList<string> RowKeys => _rows?.Labels ?? [];

    /// <summary>The labels of the columns (the steps of the column breakdown), without the total.</summary>
    public IReadOnlyList<string> ColumnKeys => _columns?.Labels ?? [];

    /// <summary>What the counts are, as headers say it: <c>answered</c>, <c>missed</c>, <c>busy</c>, <c>closed</c>,
    /// <c>attempts</c> (answered or not), <c>answered or busy</c> (the contacts that came while a channel was open) or
    /// <c>callers</c>. Answered contacts and attempts are never confused.</summary>
    public string CountName => Kind == StatisticKind.Callers ? "callers" : Definition.Outcomes switch
    {
        1 << (int)Outcome.Answered => "answered",
        1 << (int)Outcome.Busy => "busy",
        1 << (int)Outcome.Closed => "closed",
        (1 << (int)Outcome.Busy) | (1 << (int)Outcome.Closed) => "missed",
        Definition.AllOutcomes => "attempts",
        _ => string.Join(" or ", Enum.GetValues<Outcome>().Where(o => Definition.Has(Definition.Outcomes, (int)o)).Select(o => o.Code())),
    };

    /// <summary>The options of the register counted: the threshold a page applies at least.</summary>
    public DisclosureOptions Options { get; }

    /// <summary>The count of the whole table.</summary>
    public Tally Total => new(this, -1, -1);

    /// <summary>One count: a row of a one-breakdown table, or a row and a column of a cross table; <c>"total"</c> names a total.</summary>
    public Tally this[string row, string? column = null] => new(this, Index(_rows, row, "row"), column is null ? -1 : Index(_columns, column, "column"));

    /// <summary>One count by position; -1 is the total over that dimension.</summary>
    public Tally this[int row, int column] => new(this, Check(row, RowKeys.Count, "row"), Check(column, ColumnKeys.Count, "column"));

    /// <summary>The counts of the rows, in order (the totals of each row in a cross table).</summary>
    public IReadOnlyList<Tally> Rows => [.. Enumerable.Range(0, RowKeys.Count).Select(i => new Tally(this, i, -1))];

    /// <summary>The counts of one column, row by row.</summary>
    public IReadOnlyList<Tally> Column(string column)
    {
        int j = Index(_columns, column, "column");
        return [.. Enumerable.Range(0, RowKeys.Count).Select(i => new Tally(this, i, j))];
    }

    /// <summary>The row with the largest count (its total in a cross table); the total for a table without rows.</summary>
    public Tally Largest() => Rows.Count == 0 ? Total : Rows.MaxBy(t => t.Value)!;

    /// <summary>One row's share of the table's total (whole percent when the breakdown is sensitive).</summary>
    public Share ShareOf(string row) => Share.Of(this[row], Total);

    /// <summary>The mean count per row (say, per month), released with the counts it comes from.</summary>
    public Mean MeanPerRow() => new(Rows);

    /// <summary>
    /// Each count a month on average: a table of rates, one per count, each divided by the months its own days cover
    /// within the register's scope (a year row of 2019 May-December counts 8 months). Rates are released with their
    /// counts. <c>register.Answered().On(Channel.Chat).CountBy(Breakdown.Year).PerMonth()</c>.
    /// </summary>
    public ReleasedTable PerMonth() => PerUnit("months", "a month", Rate.Months);

    /// <summary>Each count a week on average (days / 7 of its own days within the scope); see <see cref="PerMonth"/>.</summary>
    public ReleasedTable PerWeek() => PerUnit("weeks", "a week", Rate.Weeks);

    private ReleasedTable PerUnit(string units, string per, Func<Period, double> length)
    {
        bool cross = ColumnKeys.Count > 0;
        string rowName = RowBreakdown?.Name ?? "count";
        var header = cross
            ? [rowName, .. ColumnKeys.Select(c => $"{c} {per}"), $"{CountName} {per}"]
            : new[] { rowName, CountName, units, $"{CountName} {per}" };
        var table = new ReleasedTable(header);
        foreach (int i in RowKeys.Count == 0 ? [-1] : Enumerable.Range(0, RowKeys.Count).Append(-1))
        {
            Rate RateAt(int j)
            {
                double divisor = length(DaysOf(StatisticAt(i, j).Definition));
                return new Rate(new Tally(this, i, j), divisor, 1, $"{CountName} {per}");
            }
            if (cross)
                table.Row([RowKey(i), .. Enumerable.Range(0, ColumnKeys.Count).Append(-1).Select(j => (object)RateAt(j))]);
            else
                table.Row(RowKey(i), new Tally(this, i, -1), new PublicNumber(length(DaysOf(StatisticAt(i, -1).Definition)), units == "weeks" ? "N1" : "0.##"), RateAt(-1));
        }
        return table;
    }

    /// <summary>The days a count covers: its definition's days within the register's scope.</summary>
    private Period DaysOf(Definition definition) =>
        Scope.Intersect(new Period(definition.From ?? DateOnly.MinValue, definition.To ?? DateOnly.MaxValue));

    /// <summary>The same counts shown with the share of each row in the total (whole percent, withheld with its count).</summary>
    public SharedCountTable WithShares() => new(this);

    /// <summary>Each cell as a share of its row's total (whole percent for sensitive breakdowns).</summary>
    public ShareTable SharesOfRows() => new(this);

    /// <summary>
    /// The raw counts, for a researcher's own computation. A page never shows it: displaying a DataFrame fails the
    /// cell, because it did not pass the release gate.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var frame = new DataFrame(new StringDataFrameColumn(RowBreakdown?.Name ?? "count", RowKeys.Count == 0 ? ["total"] : RowKeys));
        int rows = Math.Max(1, RowKeys.Count);
        int Row(int i) => RowKeys.Count == 0 ? 0 : i + 1;
        if (ColumnKeys.Count == 0)
        {
            frame.Columns.Add(new Int32DataFrameColumn(CountName, Enumerable.Range(0, rows).Select(i => _counts[Row(i), 0])));
            return frame;
        }
        for (int j = 0; j < ColumnKeys.Count; j++)
            frame.Columns.Add(new Int32DataFrameColumn(ColumnKeys[j], Enumerable.Range(0, rows).Select(i => _counts[Row(i), j + 1])));
        frame.Columns.Add(new Int32DataFrameColumn("total", Enumerable.Range(0, rows).Select(i => _counts[Row(i), 0])));
        return frame;
    }

    /// <summary>The days the counted register covered (its scope): what rates per month or week divide by.</summary>
    internal Period Scope { get; init; } = Period.All;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{CountName} by {RowBreakdown?.Name ?? "-"}{(ColumnBreakdown is null ? "" : " and " + ColumnBreakdown.Name)}: {Definition}");

    internal RegisterColumns Source { get; }

    internal int Value(int row, int column) => _counts[row + 1, column + 1];

    internal string RowKey(int row) => row < 0 ? "total" : RowKeys[row];

    internal string ColumnKey(int column) => column < 0 ? (ColumnKeys.Count == 0 ? CountName : "total") : ColumnKeys[column];

    /// <summary>What a count counts: the table's definition, narrowed by its row's and its column's step.</summary>
    internal Statistic StatisticAt(int row, int column)
    {
        var statistic = _statistics[row + 1, column + 1];
        if (statistic is null)
        {
            var definition = Definition;
            if (row >= 0)
                definition = definition.Intersect(_rows!.Steps[row]);
            if (column >= 0)
                definition = definition.Intersect(_columns!.Steps[column]);
            statistic = new Statistic(Source, Kind, definition, Value(row, column), Options);
            _statistics[row + 1, column + 1] = statistic;
        }
        return statistic;
    }

    /// <summary>Every count the table shows, totals included, as (row, column) with -1 for a total.</summary>
    internal IEnumerable<(int Row, int Column)> Cells()
    {
        var rows = RowKeys.Count == 0 ? [-1] : Enumerable.Range(-1, RowKeys.Count + 1).ToArray();
        var columns = ColumnKeys.Count == 0 ? [-1] : Enumerable.Range(-1, ColumnKeys.Count + 1).ToArray();
        return rows.SelectMany(i => columns.Select(j => (i, j)));
    }

    IEnumerable<Statistic> IPageOutput.Statistics => Cells().Select(c => StatisticAt(c.Row, c.Column));

    IEnumerable<CountTable> IPageOutput.Tables => [this];

    IEnumerable<(Statistic Statistic, string? Row, string? Column)> IPageOutput.Places => CellPlaces();

    internal IEnumerable<(Statistic Statistic, string? Row, string? Column)> CellPlaces() =>
        Cells().Select(c => (StatisticAt(c.Row, c.Column), (string?)RowKey(c.Row), (string?)ColumnKey(c.Column)));

    /// <summary>The counts of the table's body, no total (the whole count when it has no rows): what a heatmap draws.</summary>
    internal IEnumerable<(Statistic Statistic, string? Row, string? Column)> InteriorPlaces() =>
        Cells().Where(c => (c.Row >= 0 || RowKeys.Count == 0) && (c.Column >= 0 || ColumnKeys.Count == 0))
            .Select(c => (StatisticAt(c.Row, c.Column), (string?)RowKey(c.Row), (string?)ColumnKey(c.Column)));

    PageContent IPageOutput.Render(Release release) => TableLayout.Of(this, release, shares: false).Render(release);

    private static int Index(Breakdown.Axis? axis, string key, string what)
    {
        if (key == "total")
            return -1;
        int i = axis is null ? -1 : Array.IndexOf(axis.Labels, key);
        return i >= 0 ? i : throw new KeyNotFoundException($"The table has no {what} '{key}'" +
            (axis is null ? "." : $"; its {what}s are {string.Join(", ", axis.Labels.Take(12))}{(axis.Labels.Length > 12 ? ", ..." : "")}."));
    }

    private static int Check(int index, int count, string what) =>
        index >= -1 && index < count ? index : throw new ArgumentOutOfRangeException(what, $"The table has {count} {what}(s); -1 is their total.");
}
