using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>
/// Small-count suppression for published tables (data contract, section 5). Primary: every count from 1 to the
/// threshold is hidden (zero is shown: it discloses no one). Secondary: every line of the table, a row with its
/// total or a column with its total, then holds no hidden cell or at least two, so that no hidden count is the
/// difference between a total and the cells shown. The smallest non-zero cell is hidden first. The grand total is
/// a count like any other: a table of 1 to threshold contacts in all hides it too.
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
                    if (cells[i, j] >= 1 && cells[i, j] <= options.Threshold)
                        states[i, j] = CellState.Small;
                }
            }
            Secondary(cells, states, rows, cols);
            // The line rule is not always enough: a combination of lines can still fix a hidden cell. Audit, and
            // hide one more cell beside each solvable one, until the equations fix none.
            while (Solvable(states, rows, cols) is { } solvable)
            {
                var beside = Line(rows, cols, solvable.I, solvable.J, row: true).Concat(Line(rows, cols, solvable.I, solvable.J, row: false))
                    .Where(c => states[c.I, c.J] == CellState.Shown)
                    .OrderBy(c => c.I == rows && c.J == cols ? 2 : c.I == rows || c.J == cols ? 1 : 0)
                    .ThenBy(c => cells[c.I, c.J] == 0 ? 1 : 0).ThenBy(c => cells[c.I, c.J]).ThenBy(c => c.I).ThenBy(c => c.J)
                    .Select(c => ((int I, int J)?)c).FirstOrDefault();
                if (beside is null)
                    break;
                states[beside.Value.I, beside.Value.J] = CellState.Secondary;
                Secondary(cells, states, rows, cols);
            }
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
            options, states[rows, cols]);
    }

    private static IEnumerable<(int I, int J)> Line(int rows, int cols, int i, int j, bool row) =>
        row ? Enumerable.Range(0, cols + 1).Select(c => (i, c)) : Enumerable.Range(0, rows + 1).Select(r => (r, j));

    /// <summary>
    /// A hidden cell whose value the shown cells and totals fix, or null. Each line is an equation over the hidden
    /// cells (the shown ones are constants); in the reduced row-echelon form of those equations a hidden cell is fixed
    /// exactly when it is a pivot whose row has no free variable.
    /// </summary>
    private static (int I, int J)? Solvable(CellState[,] states, int rows, int cols)
    {
        var unknowns = new List<(int I, int J)>();
        var index = new Dictionary<(int, int), int>();
        for (int i = 0; i <= rows; i++)
        {
            for (int j = 0; j <= cols; j++)
            {
                if (states[i, j] != CellState.Shown)
                {
                    index[(i, j)] = unknowns.Count;
                    unknowns.Add((i, j));
                }
            }
        }
        if (unknowns.Count == 0)
            return null;
        var equations = new List<double[]>();
        for (int i = 0; i <= rows; i++)
            equations.Add(Equation(index, unknowns.Count, Line(rows, cols, i, 0, row: true), total: (i, cols)));
        for (int j = 0; j <= cols; j++)
            equations.Add(Equation(index, unknowns.Count, Line(rows, cols, 0, j, row: false), total: (rows, j)));

        var m = equations;
        int n = unknowns.Count, rank = 0;
        var pivotOf = new int[n];
        Array.Fill(pivotOf, -1);
        for (int c = 0; c < n && rank < m.Count; c++)
        {
            int pivot = -1;
            for (int r = rank; r < m.Count; r++)
            {
                if (Math.Abs(m[r][c]) > 1e-9 && (pivot < 0 || Math.Abs(m[r][c]) > Math.Abs(m[pivot][c])))
                    pivot = r;
            }
            if (pivot < 0)
                continue;
            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            double lead = m[rank][c];
            for (int k = 0; k < n; k++)
                m[rank][k] /= lead;
            for (int r = 0; r < m.Count; r++)
            {
                if (r != rank && Math.Abs(m[r][c]) > 1e-12)
                {
                    double f = m[r][c];
                    for (int k = 0; k < n; k++)
                        m[r][k] -= f * m[rank][k];
                }
            }
            pivotOf[c] = rank++;
        }
        for (int c = 0; c < n; c++)
        {
            if (pivotOf[c] < 0)
                continue;
            var row = m[pivotOf[c]];
            bool free = false;
            for (int k = 0; k < n && !free; k++)
                free = k != c && pivotOf[k] < 0 && Math.Abs(row[k]) > 1e-9;
            if (!free)
                return unknowns[c];
        }
        return null;
    }

    /// <summary>A line's equation over the hidden cells: its cells minus its total.</summary>
    private static double[] Equation(Dictionary<(int, int), int> index, int n, IEnumerable<(int I, int J)> line, (int I, int J) total)
    {
        var equation = new double[n];
        foreach (var cell in line)
        {
            if (index.TryGetValue(cell, out int k))
                equation[k] += cell == total ? -1 : 1;
        }
        return equation;
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
                // Prefer an interior cell, the smallest non-zero first; a zero hides nothing, so it comes last; then a
                // total; the grand total last of all (hiding it is the only protection left in a one-column table).
                var candidates = line.Where(c => states[c.I, c.J] == CellState.Shown)
                    .OrderBy(c => c.I == rows && c.J == cols ? 2 : c.I == rows || c.J == cols ? 1 : 0)
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
