using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>
/// Small-count suppression for published tables (data contract, section 5). Primary: every count from 1 to the
/// threshold is hidden (zero is shown: it discloses no one). Secondary: every line of the table, a row with its
/// total or a column with its total, then holds no hidden cell or at least two, so that no hidden count is the
/// difference between a total and the cells shown. The smallest non-zero cell is hidden first.
/// </summary>
public static class Disclosure
{
    /// <summary>Protects a count table: a key column first, then count columns; a <c>total</c> column, if present, is recomputed.</summary>
    public static ProtectedTable Protect(DataFrame counts, DisclosureOptions options)
    {
        var keyName = counts.Columns[0].Name;
        var keys = counts.Columns[0].Cast<object?>().Select(k => k?.ToString() ?? "").ToArray();
        var columns = counts.Columns.Skip(1).Where(c => c.Name != "total").ToArray();
        var values = new int[keys.Length, columns.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            for (int j = 0; j < columns.Length; j++)
                values[i, j] = Convert.ToInt32(columns[j][i] ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        }
        return Protect(keyName, keys, [.. columns.Select(c => c.Name)], values, options);
    }

    public static ProtectedTable Protect(string keyName, string[] keys, string[] columns, int[,] values, DisclosureOptions options)
    {
        int rows = keys.Length, cols = columns.Length;
        // The extended table: interior cells, a total column (index cols), a total row (index rows); the grand total is public.
        var cells = new int[rows + 1, cols + 1];
        var states = new CellState[rows + 1, cols + 1];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                cells[i, j] = values[i, j];
                cells[i, cols] += values[i, j];
                cells[rows, j] += values[i, j];
            }
        }
        for (int i = 0; i < rows; i++)
            cells[rows, cols] += cells[i, cols];

        if (options.Enabled)
        {
            for (int i = 0; i < rows + 1; i++)
            {
                for (int j = 0; j < cols + 1; j++)
                {
                    if (!(i == rows && j == cols) && cells[i, j] >= 1 && cells[i, j] <= options.Threshold)
                        states[i, j] = CellState.Small;
                }
            }
            Secondary(cells, states, rows, cols);
        }

        var interior = new CellState[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
                interior[i, j] = states[i, j];
        }
        return new ProtectedTable(keyName, keys, columns, values, interior,
            [.. Enumerable.Range(0, rows).Select(i => cells[i, cols])], [.. Enumerable.Range(0, rows).Select(i => states[i, cols])],
            [.. Enumerable.Range(0, cols).Select(j => cells[rows, j])], [.. Enumerable.Range(0, cols).Select(j => states[rows, j])],
            options);
    }

    /// <summary>Until no line has exactly one hidden cell, hide one more cell of each such line.</summary>
    private static void Secondary(int[,] cells, CellState[,] states, int rows, int cols)
    {
        // Lines: each row i (cells (i,0..cols)), each column j (cells (0..rows, j)); the grand total (rows, cols) is public.
        var lines = new List<(int I, int J)[]>();
        for (int i = 0; i <= rows; i++)
            lines.Add([.. Enumerable.Range(0, cols + 1).Select(j => (i, j))]);
        for (int j = 0; j <= cols; j++)
            lines.Add([.. Enumerable.Range(0, rows + 1).Select(i => (i, j))]);

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var line in lines)
            {
                var hidden = line.Count(c => states[c.I, c.J] != CellState.Shown);
                if (hidden != 1)
                    continue;
                // Prefer an interior cell, the smallest non-zero first; a zero hides nothing, so it comes last; then a total.
                var candidates = line.Where(c => states[c.I, c.J] == CellState.Shown && !(c.I == rows && c.J == cols))
                    .OrderBy(c => c.I == rows || c.J == cols ? 1 : 0)
                    .ThenBy(c => cells[c.I, c.J] == 0 ? 1 : 0)
                    .ThenBy(c => cells[c.I, c.J]).ThenBy(c => c.I).ThenBy(c => c.J).ToList();
                if (candidates.Count == 0)
                    continue;
                var pick = candidates[0];
                states[pick.I, pick.J] = CellState.Secondary;
                changed = true;
            }
        }
    }
}
