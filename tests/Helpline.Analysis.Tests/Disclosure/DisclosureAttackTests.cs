namespace Helpline.Analysis.Tests.Disclosure;

/// <summary>
/// Attacks a protected table the way a reader could: every shown cell and total is an equation; a hidden cell is
/// disclosed when those equations fix its value. Gaussian elimination decides it: the cell is fixed exactly when its
/// unit vector lies in the row space of the equations over the hidden cells.
/// </summary>
public class DisclosureAttackTests
{
    [Fact]
    public void No_hidden_count_can_be_solved_for_from_the_shown_cells_and_totals()
    {
        var random = new Random(5);
        int tables = 0, hiddenCells = 0;
        for (int run = 0; run < 1000; run++)
        {
            int rows = random.Next(1, 7), cols = random.Next(1, 7);
            var values = new int[rows, cols];
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < cols; j++)
                    values[i, j] = random.Next(3) == 0 ? random.Next(0, 6) : random.Next(0, 40);
            }
            var table = Helpline.Analysis.Disclosure.Protect("k", [.. Enumerable.Range(0, rows).Select(i => $"{i}")], [.. Enumerable.Range(0, cols).Select(j => $"{j}")], values, DisclosureOptions.Default);
            tables++;
            // Unknowns: hidden interior cells, hidden row totals, hidden column totals.
            var unknowns = new List<(int I, int J)>();
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < cols; j++)
                {
                    if (table.States[i, j] != CellState.Shown)
                        unknowns.Add((i, j));
                }
            }
            for (int i = 0; i < rows; i++)
            {
                if (table.RowTotalStates[i] != CellState.Shown)
                    unknowns.Add((i, cols));
            }
            for (int j = 0; j < cols; j++)
            {
                if (table.ColumnTotalStates[j] != CellState.Shown)
                    unknowns.Add((rows, j));
            }
            if (table.GrandTotalState != CellState.Shown)
                unknowns.Add((rows, cols));
            if (unknowns.Count == 0)
                continue;
            int Index((int, int) cell) => unknowns.IndexOf(cell);
            // One equation per line: its cells minus its total is zero; only the unknowns' coefficients matter for determinacy.
            var equations = new List<double[]>();
            for (int i = 0; i <= rows; i++)
            {
                var eq = new double[unknowns.Count];
                for (int j = 0; j < cols; j++)
                {
                    if (Index((i, j)) is var k and >= 0)
                        eq[k] += 1;
                }
                if (Index((i, cols)) is var t and >= 0)
                    eq[t] -= 1;
                equations.Add(eq);
            }
            for (int j = 0; j <= cols; j++)
            {
                if (j == cols)
                    continue; // the column of row totals: its equation is the grand total, the same as the total row's
                var eq = new double[unknowns.Count];
                for (int i = 0; i < rows; i++)
                {
                    if (Index((i, j)) is var k and >= 0)
                        eq[k] += 1;
                }
                if (Index((rows, j)) is var t and >= 0)
                    eq[t] -= 1;
                equations.Add(eq);
            }
            var totalColumn = new double[unknowns.Count];
            for (int i = 0; i < rows; i++)
            {
                if (Index((i, cols)) is var k and >= 0)
                    totalColumn[k] += 1;
            }
            if (Index((rows, cols)) is var g and >= 0)
                totalColumn[g] -= 1;
            equations.Add(totalColumn);

            int rank = Rank(equations);
            for (int u = 0; u < unknowns.Count; u++)
            {
                var probe = new double[unknowns.Count];
                probe[u] = 1;
                hiddenCells++;
                Assert.True(Rank([.. equations, probe]) > rank, $"run {run}: hidden cell {unknowns[u]} can be solved for ({rows}x{cols} table)");
            }
        }
        Assert.True(hiddenCells > 100, $"only {hiddenCells} hidden cells were attacked in {tables} tables");
    }

    private static int Rank(List<double[]> matrix)
    {
        var m = matrix.Select(r => (double[])r.Clone()).ToList();
        int rank = 0, cols = m.Count == 0 ? 0 : m[0].Length;
        for (int c = 0; c < cols && rank < m.Count; c++)
        {
            int pivot = Enumerable.Range(rank, m.Count - rank).OrderByDescending(r => Math.Abs(m[r][c])).First();
            if (Math.Abs(m[pivot][c]) < 1e-9)
                continue;
            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (int r = 0; r < m.Count; r++)
            {
                if (r == rank || Math.Abs(m[r][c]) < 1e-12)
                    continue;
                double f = m[r][c] / m[rank][c];
                for (int k = c; k < cols; k++)
                    m[r][k] -= f * m[rank][k];
            }
            rank++;
        }
        return rank;
    }
}
