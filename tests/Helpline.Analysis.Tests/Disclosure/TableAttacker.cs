using Google.OrTools.LinearSolver;

namespace Helpline.Analysis.Tests.Disclosure;

/// <summary>
/// An outsider with one released table and nothing else, written apart from the gate: every withheld count of the
/// table is unknown (1..T for <c>≤T</c>, 0 or more otherwise), every shown count is known, and each row and column adds
/// up to its total. The range a withheld count can take is the lowest and highest value of that linear program.
/// </summary>
internal sealed class TableAttacker : IDisposable
{
    private readonly Solver _solver;
    private readonly Dictionary<(int Row, int Column), Variable> _unknown = [];

    public TableAttacker(CountTable table, Release release)
    {
        _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("no GLOP solver");
        int threshold = release.Options.Threshold;
        foreach (var (row, column) in table.Cells())
        {
            var state = release.StateOf(table[row, column].Statistic);
            if (state == CellState.Shown)
                continue;
            _unknown[(row, column)] = state == CellState.Small
                ? _solver.MakeNumVar(1, threshold, $"{row},{column}")
                : _solver.MakeNumVar(0, double.PositiveInfinity, $"{row},{column}");
        }
        int rows = table.RowKeys.Count, columns = table.ColumnKeys.Count;
        if (columns == 0)
        {
            Line(table, [.. Enumerable.Range(0, rows).Select(i => (i, -1))], (-1, -1));
            return;
        }
        for (int i = -1; i < rows; i++)
            Line(table, [.. Enumerable.Range(0, columns).Select(j => (i, j))], (i, -1));
        for (int j = -1; j < columns; j++)
            Line(table, [.. Enumerable.Range(0, rows).Select(i => (i, j))], (-1, j));
    }

    /// <summary>Σ parts − total = 0, the shown counts moved to the right-hand side.</summary>
    private void Line(CountTable table, (int Row, int Column)[] parts, (int Row, int Column) total)
    {
        double known = 0;
        var terms = new List<(Variable Variable, double Coefficient)>();
        foreach (var (cell, sign) in parts.Select(p => (p, 1.0)).Append((total, -1.0)))
        {
            if (_unknown.TryGetValue(cell, out var variable))
                terms.Add((variable, sign));
            else
                known += sign * table[cell.Item1, cell.Item2].Value;
        }
        if (terms.Count == 0)
            return;
        var constraint = _solver.MakeConstraint(-known, -known);
        foreach (var (variable, coefficient) in terms)
            constraint.SetCoefficient(variable, coefficient);
    }

    /// <summary>The withheld cells of the table.</summary>
    public IEnumerable<(int Row, int Column)> Withheld => _unknown.Keys;

    /// <summary>The lowest and highest value the outsider can give a withheld count (infinity: no upper bound).</summary>
    public (double Low, double High) Range(int row, int column)
    {
        var variable = _unknown[(row, column)];
        return (Extreme(variable, maximise: false), Extreme(variable, maximise: true));
    }

    private double Extreme(Variable variable, bool maximise)
    {
        var objective = _solver.Objective();
        objective.Clear();
        objective.SetCoefficient(variable, 1);
        if (maximise)
            objective.SetMaximization();
        else
            objective.SetMinimization();
        return _solver.Solve() switch
        {
            Solver.ResultStatus.OPTIMAL => objective.Value(),
            Solver.ResultStatus.UNBOUNDED when maximise => double.PositiveInfinity,
            var status => throw new InvalidOperationException($"the released table is {status} for an outsider"),
        };
    }

    public void Dispose() => _solver.Dispose();
}
