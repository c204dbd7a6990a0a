using Google.OrTools.LinearSolver;

namespace Helpline.Analysis;

/// <summary>
/// Non-negative variables (the counts of the finest groups an attacker can tell apart) tied by linear constraints
/// (what the pages release), and the lowest and highest value a sum of variables can take under them: the
/// attacker's range for that sum. Solved with GLOP (OR-Tools), one model kept and only its objective changed between
/// questions, so each answer starts from the last basis.
/// </summary>
internal sealed class LinearModel : IDisposable
{
    private readonly Solver _solver;
    private readonly Variable[] _variables;
    private readonly List<Constraint> _constraints = [];

    public LinearModel(IReadOnlyList<double> upperBounds)
    {
        _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver in this build.");
        // Presolve rebuilds each program before solving it; ours are small, and each differs from the last only by its
        // objective or one bound, so simplex from the last basis is cheaper: the shipped site's audit solved its
        // programs in 1.3 s of processor time without presolve, 2.7 s with it (same ranges, the same checks hold).
        if (!_solver.SetSolverSpecificParametersAsString("use_preprocessing: false"))
            throw new InvalidOperationException("GLOP refused the audit's parameters.");
        _variables = new Variable[upperBounds.Count];
        for (int i = 0; i < _variables.Length; i++)
            _variables[i] = _solver.MakeNumVar(0, upperBounds[i], "");
    }

    /// <summary>Linear programs solved so far: the audit's cost.</summary>
    public int Solves { get; private set; }

    public int Constraints => _constraints.Count;

    /// <summary>lower ≤ Σ variables ≤ upper; returns the constraint's number.</summary>
    public int Add(IReadOnlyList<int> variables, double lower, double upper)
    {
        var constraint = _solver.MakeConstraint(lower, upper, "");
        foreach (var v in variables)
            constraint.SetCoefficient(_variables[v], 1);
        _constraints.Add(constraint);
        return _constraints.Count - 1;
    }

    public void SetBounds(int constraint, double lower, double upper) => _constraints[constraint].SetBounds(lower, upper);

    /// <summary>The lowest (or highest) value of Σ variables, and the constraints that bind it (non-zero duals).</summary>
    public (double Value, List<int> Binding) Extreme(IReadOnlyList<int> variables, bool maximise)
    {
        var objective = _solver.Objective();
        objective.Clear();
        foreach (var v in variables)
            objective.SetCoefficient(_variables[v], 1);
        if (maximise)
            objective.SetMaximization();
        else
            objective.SetMinimization();
        var status = _solver.Solve();
        Solves++;
        if (status != Solver.ResultStatus.OPTIMAL)
            throw new InvalidOperationException($"The release audit's linear program ended {status}: the released figures contradict each other.");
        var binding = new List<(int Row, double Dual)>();
        for (int c = 0; c < _constraints.Count; c++)
        {
            double dual = Math.Abs(_constraints[c].DualValue());
            if (dual > 1e-9)
                binding.Add((c, dual));
        }
        // The most binding first: relaxing it moves the extreme most.
        return (objective.Value(), [.. binding.OrderByDescending(b => b.Dual).ThenBy(b => b.Row).Select(b => b.Row)]);
    }

    /// <summary>The values of a solution that makes Σ variables as low as it can be (one program for many questions).</summary>
    public double[] Lowest(IReadOnlyList<int> variables)
    {
        Extreme(variables, maximise: false);
        return [.. _variables.Select(v => v.SolutionValue())];
    }

    public void Dispose() => _solver.Dispose();
}
