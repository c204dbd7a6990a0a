namespace Helpline.Analysis;

/// <summary>
/// The audit in whole numbers: every group of contacts is a whole number, and every <c>x</c> is 0 or above T (a count
/// from 1 to T is always marked <c>≤T</c>), all of a component's <c>x</c> cells at once. Several <c>x</c> cells read so
/// together can narrow a <c>≤T</c> count that the linear relaxation leaves 1..T (a random register's four <c>≤5</c>
/// cells came to 1..3 that way). Checked: every <c>≤T</c>, every <c>..</c> and every group of 1 to T contacts; an
/// <c>x</c> claims its width under linear reasoning only.
/// </summary>
/// <remarks>
/// Integer programs cost far more than linear ones, so each check first looks at the whole-number solutions already
/// found (the register itself is one, and every integer program's answer another): a <c>≤T</c> that some solution puts
/// at 1 and some at T holds without a program of its own.
/// </remarks>
internal sealed partial class AuditComponent
{
    private LinearModel? _integer;
    private int[] _integerEntryRow = [];
    private int[] _integerCallerRow = [];
    private (int Zero, int AboveT)[] _integerSwitchRows = [];

    /// <summary>Per statistic and per group, the lowest and highest value seen in a whole-number solution.</summary>
    private (long Low, long High)[] _entrySeen = [];
    private (long Low, long High)[] _groupSeen = [];

    /// <summary>Checks whose narrowing nothing left to withhold relaxes (linear or in whole numbers): not checked again.</summary>
    private readonly HashSet<(int Entry, int Group)> _unfixable = [];

    public int IntegerSolves => _integer?.Solves ?? 0;

    /// <summary>The ranges seen so far, to put back when a tentative change is undone: a solution found while a
    /// count was withheld on trial may give it a value that its shown (or <c>x</c>) state rules out.</summary>
    public SeenRanges Seen()
    {
        EnsureSeen();
        return new([.. _entrySeen], [.. _groupSeen]);
    }

    public void Restore(SeenRanges seen) => (_entrySeen, _groupSeen) = ([.. seen.Entries], [.. seen.Groups]);

    internal readonly record struct SeenRanges((long Low, long High)[] Entries, (long Low, long High)[] Groups);

    /// <summary>Records that nothing relaxes a check's narrowing (it follows from public figures): a narrowing the
    /// linear programs already find is not looked for again in whole numbers.</summary>
    public void Unfixable(Check check) => _unfixable.Add((check.Entry, check.Group));

    /// <summary>The integer checks no whole-number solution found so far settles; after the first pass, only those
    /// that a fix since then may have broken (every fix makes the solutions seen so far still valid, or pins the value).</summary>
    public List<Check> IntegerInitial()
    {
        EnsureSeen();
        var checks = new List<Check>();
        var open = Enumerable.Range(0, _entries.Count).Where(k => IsIntegerChecked(_entries[k]) && !EntryHolds(k) && !_unfixable.Contains((k, -1))).ToList();
        var groups = Enumerable.Range(0, _groups.Count).Where(g => IsSmallGroup(g) && !GroupHolds(g) && !_unfixable.Contains((-1, g))).ToList();
        if (open.Count + groups.Count == 0)
            return checks;
        List<int> Open() => [.. open.Where(k => !EntryHolds(k)).SelectMany(k => _entryVariables[k])
            .Concat(groups.Where(g => !GroupHolds(g)).SelectMany(g => _groups[g].Variables)).Distinct()];
        // Two linear programs for many questions: all open counts as low as they can be together, then as high, each x
        // on the register's side; each answer in whole numbers settles whatever it puts at the ends of its range. Integer
        // programs for all at once cost 1 s on the shipped site, where each check's own linear programs settle it.
        foreach (bool maximise in new[] { false, true })
        {
            var variables = Open();
            if (variables.Count > 0)
                SeenLinear(variables, maximise);
        }
        checks.AddRange(open.Where(k => !EntryHolds(k)).Select(k => new Check(k, -1, Integer: true)));
        checks.AddRange(groups.Where(g => !GroupHolds(g)).Select(g => new Check(-1, g, Integer: true)));
        return checks;
    }

    private bool IsIntegerChecked(GateEntry e) =>
        e.Statistic.Kind != StatisticKind.Callers && e.State is CellState.Small or CellState.TooFew && _entryVariables[_entries.IndexOf(e)].Count > 0;

    /// <summary>An x counting contacts: 0 or above T. Not an x counting callers: 0 callers can be contacts without a
    /// caller key, so what it says of its contacts is only that they are as many as the callers at least.</summary>
    private bool IsCross(int k) => _entries[k].State == CellState.Secondary && _entries[k].Statistic.Kind == StatisticKind.Contacts;

    private bool IsSmallGroup(int g) => _groups[g].Truth >= 1 && _groups[g].Truth <= _threshold && _groups[g].Variables.Count > 0;

    private Violation? RunInteger(Check check)
    {
        EnsureSeen();
        bool entry = check.Group < 0;
        if (entry ? !IsIntegerChecked(_entries[check.Entry]) || EntryHolds(check.Entry) : GroupHolds(check.Group))
            return null;
        var variables = entry ? _entryVariables[check.Entry] : _groups[check.Group].Variables;
        var seen = entry ? _entrySeen[check.Entry] : _groupSeen[check.Group];
        bool small = entry && _entries[check.Entry].State == CellState.Small;
        bool Holds() => entry ? EntryHolds(check.Entry) : GroupHolds(check.Group);
        // Only the side the solutions seen so far leave open is solved for, by the linear program first: its answer is
        // often already in whole numbers, with every x 0 or above T.
        if (seen.Low > (small ? 1 : 0) && !(SeenLinear(variables, maximise: false) && Holds()))
            SolveInteger(variables, maximise: false);
        if (Holds() || SeenLinear(variables, maximise: true) && Holds())
            return null;
        SolveInteger(variables, maximise: true);
        if (Holds())
            return null;
        seen = entry ? _entrySeen[check.Entry] : _groupSeen[check.Group];
        var what = entry ? _entries[check.Entry].ToString() : _groups[check.Group].What;
        // Never Pinned: a program that stopped at its node limit may have seen less than the whole range.
        return Found($"{what}: {seen.Low}..{seen.High} in whole numbers, reading every x as 0 or above {_threshold}",
            entry ? _entries[check.Entry] : null, [], variables);
    }

    /// <summary>A <c>≤T</c> must be able to be 1 and T; a <c>..</c> or a group of 1 to T contacts must not be narrowed
    /// further than a <c>≤T</c> would be: 0, or above T, or all of 1..T.</summary>
    private bool EntryHolds(int k) => _entries[k].State == CellState.Small
        ? _entrySeen[k].Low <= 1 && _entrySeen[k].High >= _threshold
        : Wide(_entrySeen[k]);

    private bool GroupHolds(int g) => Wide(_groupSeen[g]);

    private bool Wide((long Low, long High) seen) =>
        seen.Low <= 0 || seen.High > _threshold || (seen.Low <= 1 && seen.High >= _threshold);

    private void EnsureSeen()
    {
        if (_entrySeen.Length > 0 || _entries.Count == 0)
            return;
        _entrySeen = new (long, long)[_entries.Count];
        _groupSeen = new (long, long)[_groups.Count];
        Array.Fill(_entrySeen, (long.MaxValue, long.MinValue));
        Array.Fill(_groupSeen, (long.MaxValue, long.MinValue));
        // The register is a whole-number solution of everything released.
        See([.. _truth.Select(t => (double)t)]);
    }

    /// <summary>Solves the integer program; its solution, if it found one, widens the ranges seen.</summary>
    private void SolveInteger(List<int> variables, bool maximise)
    {
        var model = IntegerModel();
        if (!double.IsNaN(model.Extreme(variables, maximise).Value))
            See(model.Solution());
    }

    /// <summary>Solves the linear program; when its solution is one in whole numbers with every x 0 or above T, the
    /// ranges seen take it in. False when it is not.</summary>
    private bool SeenLinear(List<int> variables, bool maximise)
    {
        // Each x on the side the register puts it (0, or above T): a narrower program whose every whole-number
        // solution is one of the wider, and whose answer is mostly in whole numbers.
        var crosses = Enumerable.Range(0, _entries.Count).Where(IsCross).ToList();
        foreach (var k in crosses)
        {
            var (lower, upper, _) = Bounds(_entries[k]);
            if (_entries[k].Value == 0)
                _model.SetBounds(_entryRow[k], lower, Math.Min(upper, 0));
            else
                _model.SetBounds(_entryRow[k], Math.Max(lower, _threshold + 1), upper);
        }
        double[] solution;
        try
        {
            _model.Extreme(variables, maximise);
            solution = _model.Solution();
        }
        finally
        {
            foreach (var k in crosses)
            {
                var (lower, upper, _) = Bounds(_entries[k]);
                _model.SetBounds(_entryRow[k], lower, upper);
            }
        }
        for (int v = 0; v < _truth.Count; v++)
        {
            if (Math.Abs(solution[v] - Math.Round(solution[v])) > 1e-6)
                return false;
        }
        for (int k = 0; k < _entries.Count; k++)
        {
            if (!IsCross(k))
                continue;
            double sum = _entryVariables[k].Sum(v => Math.Round(solution[v]));
            if (sum > 0 && sum <= _threshold)
                return false;
        }
        See(solution);
        return true;
    }

    /// <summary>Widens the ranges seen by one whole-number solution (its first values are the groups of contacts).</summary>
    private void See(double[] solution)
    {
        long Sum(List<int> variables)
        {
            double sum = 0;
            foreach (var v in variables)
                sum += solution[v];
            return (long)Math.Round(sum);
        }
        for (int k = 0; k < _entries.Count; k++)
        {
            long value = Sum(_entryVariables[k]);
            _entrySeen[k] = (Math.Min(_entrySeen[k].Low, value), Math.Max(_entrySeen[k].High, value));
        }
        for (int g = 0; g < _groups.Count; g++)
        {
            long value = Sum(_groups[g].Variables);
            _groupSeen[g] = (Math.Min(_groupSeen[g].Low, value), Math.Max(_groupSeen[g].High, value));
        }
    }

    /// <summary>The program in whole numbers, built on first use: the linear program's rows, and for each statistic a
    /// switch that, while it is an <c>x</c>, makes it 0 (switch 0) or above T (switch 1).</summary>
    private LinearModel IntegerModel()
    {
        if (_integer is not null)
            return _integer;
        var model = LinearModel.Integer(_upperBounds);
        foreach (var (variables, total) in _regions)
            model.Add(variables, total, total);
        double most = _regions.Sum(r => (double)r.Total) + 1;
        _integerEntryRow = new int[_entries.Count];
        _integerCallerRow = new int[_entries.Count];
        _integerSwitchRows = new (int, int)[_entries.Count];
        var hint = _truth.Select(t => (double)t).ToList();
        for (int k = 0; k < _entries.Count; k++)
        {
            _integerEntryRow[k] = model.Add(_entryVariables[k], 0, double.PositiveInfinity);
            _integerCallerRow[k] = _callerRow[k] >= 0 ? model.Add(_newVariables[k], 0, double.PositiveInfinity) : -1;
            int @switch = model.AddSwitch();
            // Σ ≤ most × switch and Σ ≥ (T + 1) × switch, while the statistic is an x.
            _integerSwitchRows[k] = (model.Add(_entryVariables[k], double.NegativeInfinity, double.PositiveInfinity, @switch, -most),
                model.Add(_entryVariables[k], double.NegativeInfinity, double.PositiveInfinity, @switch, -(_threshold + 1)));
            hint.Add(_entryVariables[k].Sum(v => _truth[v]) > _threshold ? 1 : 0);
        }
        _integer = model;
        for (int k = 0; k < _entries.Count; k++)
        {
            var (lower, upper, newUpper) = Bounds(_entries[k]);
            UpdateInteger(k, lower, upper, newUpper);
        }
        model.Hint([.. hint]);
        return model;
    }

    private void UpdateInteger(int k, double lower, double upper, double newUpper)
    {
        if (_integer is not { } model)
            return;
        model.SetBounds(_integerEntryRow[k], lower, upper);
        if (_integerCallerRow[k] >= 0)
            model.SetBounds(_integerCallerRow[k], 0, newUpper);
        bool x = IsCross(k);
        model.SetBounds(_integerSwitchRows[k].Zero, double.NegativeInfinity, x ? 0 : double.PositiveInfinity);
        model.SetBounds(_integerSwitchRows[k].AboveT, x ? 0 : double.NegativeInfinity, double.PositiveInfinity);
    }

    /// <summary>The component's <c>x</c> cells, those in a table of the given statistic first: reading one as <c>..</c>
    /// (any whole number) is the cheapest way out of a narrowing in whole numbers.</summary>
    public List<GateEntry> Crosses(GateEntry? near) => [.. Enumerable.Range(0, _entries.Count).Where(IsCross).Select(k => _entries[k])
        .Where(e => !e.Fixed).OrderBy(e => near is not null && e.Tables.Any(near.Tables.Contains) ? 0 : 1)];
}
