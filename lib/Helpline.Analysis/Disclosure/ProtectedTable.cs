using System.Globalization;
using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>
/// A count table after disclosure control: each cell's value and whether it may be shown. Row totals (the <c>total</c>
/// column) and column totals are part of the table: a hidden total is hidden like any cell.
/// </summary>
public sealed class ProtectedTable
{
    internal ProtectedTable(string keyName, string[] keys, string[] columns, int[,] values, CellState[,] states,
        int[] rowTotals, CellState[] rowTotalStates, int[] columnTotals, CellState[] columnTotalStates, DisclosureOptions options, CellState grandTotalState)
    {
        GrandTotalState = grandTotalState;
        KeyName = keyName;
        Keys = keys;
        Columns = columns;
        Values = values;
        States = states;
        RowTotals = rowTotals;
        RowTotalStates = rowTotalStates;
        ColumnTotals = columnTotals;
        ColumnTotalStates = columnTotalStates;
        Options = options;
    }

    public string KeyName { get; }

    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The true counts: for computation, never for a page.</summary>
    internal int[,] Values { get; }

    public CellState[,] States { get; }

    internal int[] RowTotals { get; }

    public CellState[] RowTotalStates { get; }

    internal int[] ColumnTotals { get; }

    public CellState[] ColumnTotalStates { get; }

    public DisclosureOptions Options { get; }

    public CellState GrandTotalState { get; }

    public int SuppressedCells => States.Cast<CellState>().Count(s => s != CellState.Shown)
        + RowTotalStates.Count(s => s != CellState.Shown) + ColumnTotalStates.Count(s => s != CellState.Shown) + (GrandTotalState != CellState.Shown ? 1 : 0);

    /// <summary>What a page may show of a cell: its count, or null when it is suppressed.</summary>
    public int? Shown(int row, int column) => States[row, column] == CellState.Shown ? Values[row, column] : null;

    public int? ShownRowTotal(int row) => RowTotalStates[row] == CellState.Shown ? RowTotals[row] : null;

    /// <summary>The table as a page shows it: counts as text, <c>≤5</c> for small counts, <c>x</c> for cells withheld to protect them.
    /// Ends with a <c>total</c> column and a <c>total</c> row.</summary>
    public DataFrame ToDataFrame()
    {
        int rows = Keys.Count;
        var frame = new DataFrame(new StringDataFrameColumn(KeyName, Keys.Append("total")));
        for (int j = 0; j < Columns.Count; j++)
        {
            frame.Columns.Add(new StringDataFrameColumn(Columns[j],
                Enumerable.Range(0, rows).Select(i => Text(Values[i, j], States[i, j])).Append(Text(ColumnTotals[j], ColumnTotalStates[j]))));
        }
        frame.Columns.Add(new StringDataFrameColumn("total",
            Enumerable.Range(0, rows).Select(i => Text(RowTotals[i], RowTotalStates[i])).Append(Text(RowTotals.Sum(), GrandTotalState))));
        return frame;
    }

    /// <summary>The legend a page prints under the table.</summary>
    public string Legend => Options.Enabled
        ? string.Create(CultureInfo.InvariantCulture, $"≤{Options.Threshold}: a count from 1 to {Options.Threshold}, not shown to protect anonymity; x: withheld so that such a count cannot be worked out from the totals. {SuppressedCells} cell(s) withheld.")
        : "Disclosure control is off: every count is shown. Do not publish this table.";

    private string Text(int value, CellState state) => state switch
    {
        CellState.Small => string.Create(CultureInfo.InvariantCulture, $"≤{Options.Threshold}"),
        CellState.Secondary => "x",
        _ => value.ToString("N0", NotebookDisplay.Culture),
    };
}
