using Google.OrTools.LinearSolver;

namespace Helpline.Analysis;

/// <summary>
/// Non-negative variables (the counts of the finest groups an attacker can tell apart) tied by linear constraints
/// (what the pages release), and the lowest and highest value a sum of variables can take under them: the
/// attacker's range for that sum. Solved with GLOP (OR-Tools), one model kept and only its objective changed between
/// questions, so each answer starts from the last basis; or, for <see cref="Integer"/>, in whole numbers with SCIP.
/// </summary>
internal sealed class LinearModel : IDisposable
{
    private readonly Solver _solver;
    private readonly List<Variable> _variables;
    private readonly List<Constraint> _constraints = [];

    public LinearModel(IReadOnlyList<double> upperBounds) : this(upperBounds, wholeNumbers: false)
    {
    }

    private LinearModel(IReadOnlyList<double> upperBounds, bool wholeNumbers)
    {
        WholeNumbers = wholeNumbers;
        if (wholeNumbers)
        {
            _solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools has no SCIP solver in this build.");
            // One thread and a node limit, so the answers do not depend on the machine's speed: a program that reaches
            // it answers with its best solution so far, which the audit reads as the narrower range (the safe side).
            // The time limit only stops a runaway.
            _solver.SetNumThreads(1);
            if (!_solver.SetSolverSpecificParametersAsString($"limits/nodes = {IntegerNodes}"))
                throw new InvalidOperationException("SCIP refused the audit's parameters.");
            _solver.SetTimeLimit(60_000); // milliseconds
        }
        else
        {
            _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver in this build.");
            // Presolve rebuilds each program before solving it; ours are small, and each differs from the last only by its
            // objective or one bound, so simplex from the last basis is cheaper: the shipped site's audit solved its
            // programs in 1.3 s of processor time without presolve, 2.7 s with it (same ranges, the same checks hold).
            if (!_solver.SetSolverSpecificParametersAsString("use_preprocessing: false"))
                throw new InvalidOperationException("GLOP refused the audit's parameters.");
        }
        _variables = [];
        foreach (var upper in upperBounds)
            _variables.Add(wholeNumbers ? _solver.MakeIntVar(0, upper, "") : _solver.MakeNumVar(0, upper, ""));
    }

    /// <summary>The same kind of model in whole numbers (SCIP): every variable an integer.</summary>
    public static LinearModel Integer(IReadOnlyList<double> upperBounds) => new(upperBounds, wholeNumbers: true);

    /// <summary>Branch-and-bound nodes one integer program may search before its best solution so far is taken.</summary>
    public const int IntegerNodes = 20_000;

    public bool WholeNumbers { get; }

    /// <summary>Adds a 0/1 variable (a switch), returns its number.</summary>
    public int AddSwitch()
    {
        _variables.Add(_solver.MakeIntVar(0, 1, ""));
        return _variables.Count - 1;
    }

    /// <summary>Linear programs solved so far: the audit's cost.</summary>
    public int Solves { get; private set; }

    public int Constraints => _constraints.Count;

    /// <summary>lower ≤ Σ variables ≤ upper; returns the constraint's number.</summary>
    public int Add(IReadOnlyList<int> variables, double lower, double upper) => Add(variables, lower, upper, -1, 0);

    /// <summary>lower ≤ Σ variables + coefficient × switch ≤ upper; returns the constraint's number.</summary>
    public int Add(IReadOnlyList<int> variables, double lower, double upper, int @switch, double coefficient)
    {
        var constraint = _solver.MakeConstraint(lower, upper, "");
        foreach (var v in variables)
            constraint.SetCoefficient(_variables[v], 1);
        if (@switch >= 0)
            constraint.SetCoefficient(_variables[@switch], coefficient);
        _constraints.Add(constraint);
        return _constraints.Count - 1;
    }

    public void SetBounds(int constraint, double lower, double upper) => _constraints[constraint].SetBounds(lower, upper);

    /// <summary>The lowest (or highest) value of Σ variables, and the constraints that bind it (non-zero duals; none in
    /// whole numbers, where the value is NaN if the node limit came before any solution).</summary>
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
        if (WholeNumbers)
        {
            // No duals in whole numbers. At its limit, the best solution so far stands: it is a range the attacker
            // can reach at least, so the audit errs towards finding a narrowing; with none, NaN (nothing learned).
            if (status == Solver.ResultStatus.INFEASIBLE)
                throw new InvalidOperationException("The release audit's integer program has no solution: the released figures contradict each other.");
            return status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE ? (objective.Value(), []) : (double.NaN, []);
        }
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
        return Solution();
    }

    /// <summary>The values of the last solution.</summary>
    public double[] Solution() => [.. _variables.Select(v => v.SolutionValue())];

    /// <summary>A solution to start the next integer programs from (the register itself is one).</summary>
    public void Hint(double[] values) => _solver.SetHint([.. _variables], values);

    public void Dispose() => _solver.Dispose();
}
