using System.Text;

namespace Helpline.Analysis;

/// <summary>
/// One linear program of the audit: the statistics linked through a set of sensitive axes, over the groups of
/// contacts an attacker could tell apart.
/// </summary>
/// <remarks>
/// <para>Contacts per month, channel and outcome are taken as known (they are public, or can be). Months, channels and
/// outcomes that no statistic of the component tells apart are merged into one region with their summed total: any
/// split of the merged counts is possible, so merging loses nothing. Within a region, a group is one combination of
/// the component's axes (say, type of help request and destination); combinations the data contract or the opening
/// hours rule out are left out, unless the data hold them. Groups that every statistic treats alike are merged too.</para>
/// <para>Checks: every withheld count against its label; every group of 1 to T contacts, and every part of a month
/// that a statistic cuts off, against being narrowed further than a <c>≤T</c> count would be.</para>
/// </remarks>
internal sealed partial class AuditComponent : IDisposable
{
    /// <summary>Above this many combinations in one region, only those the data hold are kept: the attacker is then
    /// assumed to know which are empty, which only makes the audit stricter.</summary>
    private const int MaxCombinations = 100_000;

    private const SensitiveAxes CategoryAxes = SensitiveAxes.Requester | SensitiveAxes.Gender | SensitiveAxes.AgeBand | SensitiveAxes.Referral;
    private const SensitiveAxes ClockAxes = SensitiveAxes.Weekday | SensitiveAxes.Hour;

    private readonly List<GateEntry> _entries;
    private readonly int _threshold;
    private readonly LinearModel _model;
    private readonly List<int>[] _entryVariables;
    private readonly List<int>[] _newVariables;
    private readonly int[] _entryRow;
    private readonly int[] _callerRow;
    private readonly List<(int Row, GateEntry? Entry)> _rows = [];
    private readonly List<int> _truth = [];
    private readonly List<(string What, List<int> Variables, int Truth)> _groups = [];
    private readonly List<double> _upperBounds;
    private readonly List<(List<int> Variables, int Total)> _regions;

    public AuditComponent(ContactAxes contacts, List<GateEntry> entries, DisclosureOptions options, OpeningHours? hours)
    {
        _entries = entries;
        _threshold = options.Threshold;
        var axes = entries.Aggregate(SensitiveAxes.None, (a, e) => a | e.Axes);
        var builder = new Builder(contacts, entries, axes, hours);
        builder.Build();
        _truth = builder.Truth;
        _upperBounds = builder.UpperBounds;
        _regions = builder.Regions;
        _model = new LinearModel(builder.UpperBounds);
        foreach (var (variables, total) in builder.Regions)
            _rows.Add((_model.Add(variables, total, total), null));
        _entryVariables = builder.EntryVariables;
        _newVariables = builder.NewVariables;
        _entryRow = new int[entries.Count];
        _callerRow = new int[entries.Count];
        for (int k = 0; k < entries.Count; k++)
        {
            var (lower, upper, newUpper) = Bounds(entries[k]);
            _entryRow[k] = _model.Add(_entryVariables[k], lower, upper);
            _rows.Add((_entryRow[k], entries[k]));
            _callerRow[k] = -1;
            if (entries[k].Statistic.Kind == StatisticKind.Callers)
            {
                // A count of callers c over contacts S: S holds at least c contacts, of which at most c from a new number.
                _callerRow[k] = _model.Add(_newVariables[k], 0, newUpper);
                _rows.Add((_callerRow[k], entries[k]));
            }
        }
        _groups = builder.Groups;
    }

    public int Variables => _truth.Count;

    public int Solves => _model.Solves;

    /// <summary>A range narrower than it may be, with what pins it.</summary>
    internal sealed record Violation(string What, GateEntry? Entry, List<GateEntry> Binding, List<GateEntry> Overlapping)
    {
        /// <summary>The violated statistic's value follows exactly from what is released.</summary>
        public bool Pinned { get; init; }
    }

    /// <summary>What the audit checks: a withheld statistic (its index), or a group of contacts (its index among the
    /// groups); in the linear relaxation, or in whole numbers with every <c>x</c> read as 0 or above T.</summary>
    internal readonly record struct Check(int Entry, int Group, bool Integer = false);

    /// <summary>Every check that can fail now: each withheld statistic, and each group of 1 to T contacts that cannot be
    /// shown to reach 0 by one linear program that lowers them all at once.</summary>
    public List<Check> Initial()
    {
        var checks = new List<Check>();
        for (int k = 0; k < _entries.Count; k++)
        {
            if (_entries[k].IsWithheld)
                checks.Add(new Check(k, -1));
        }
        var small = Enumerable.Range(0, _groups.Count).Where(g => _groups[g].Truth >= 1 && _groups[g].Truth <= _threshold && _groups[g].Variables.Count > 0).ToList();
        if (small.Count == 0)
            return checks;
        // One program lowers every small group together: those it brings to 0 can each be 0, so need no check of their own.
        var all = small.SelectMany(g => _groups[g].Variables).Distinct().ToList();
        var values = _model.Lowest(all);
        foreach (var g in small)
        {
            if (_groups[g].Variables.Sum(v => values[v]) > 1e-6)
                checks.Add(new Check(-1, g));
        }
        return checks;
    }

    /// <summary>The check of a statistic whose state just changed.</summary>
    public Check Of(GateEntry entry) => new(_entries.IndexOf(entry), -1);

    /// <summary>Tells the program what the attacker now knows of a statistic whose state changed.</summary>
    public void Update(GateEntry entry)
    {
        int k = _entries.IndexOf(entry);
        var (lower, upper, newUpper) = Bounds(entry);
        _model.SetBounds(_entryRow[k], lower, upper);
        if (_callerRow[k] >= 0)
            _model.SetBounds(_callerRow[k], 0, newUpper);
        UpdateInteger(k, lower, upper, newUpper);
    }

    /// <summary>Runs one check; null when it holds.</summary>
    public Violation? Run(Check check)
    {
        if (check.Integer)
            return RunInteger(check);
        if (check.Group >= 0)
        {
            var group = _groups[check.Group];
            return Group(group.What, group.Variables, group.Truth, null);
        }
        int k = check.Entry;
        var e = _entries[k];
        if (!e.IsWithheld)
            return null;
        if (e.Statistic.Kind == StatisticKind.Callers)
            return e.State == CellState.Small ? Callers(k) : null;
        var variables = _entryVariables[k];
        switch (e.State)
        {
            case CellState.Small:
                {
                    var (low, lowBinding) = _model.Extreme(variables, maximise: false);
                    if (Ceil(low) > 1)
                        return Found($"{e}: lowest {Ceil(low)}", e, lowBinding, variables);
                    var (high, highBinding) = _model.Extreme(variables, maximise: true);
                    return Floor(high) < _threshold ? Found($"{e}: highest {Floor(high)}", e, highBinding, variables) : null;
                }
            case CellState.Secondary:
                {
                    var (low, lowBinding) = _model.Extreme(variables, maximise: false);
                    var (high, highBinding) = _model.Extreme(variables, maximise: true);
                    // Pinned (then shown, as it hides nothing) only when the programs pin it: an x the marks alone leave
                    // one value of is withheld further or claims no range, since showing it would undo the cells it covers.
                    long admitted = SecondaryValues(Ceil(low), Floor(high), _threshold);
                    return admitted < _threshold + 1
                        ? Found($"{e}: {Ceil(low)}..{Floor(high)}, {admitted} value(s) an x can be", e, [.. lowBinding, .. highBinding], variables) with { Pinned = Floor(high) == Ceil(low) }
                        : null;
                }
            default:
                return Group(e.ToString(), variables, e.Value, e);
        }
    }

    /// <summary>A group of 1 to T contacts must not be narrowed further than a ≤T count: lowest 0, or highest above T, or a range as wide as 1..T.</summary>
    private Violation? Group(string what, List<int> variables, int truth, GateEntry? entry)
    {
        if (truth < 1 || truth > _threshold || variables.Count == 0)
            return null;
        var (low, lowBinding) = _model.Extreme(variables, maximise: false);
        if (Ceil(low) <= 0)
            return null;
        var (high, highBinding) = _model.Extreme(variables, maximise: true);
        if (Floor(high) > _threshold || Floor(high) - Ceil(low) >= _threshold - 1)
            return null;
        return Found($"{what}: {Ceil(low)}..{Floor(high)}", entry, [.. lowBinding, .. highBinding], variables) with { Pinned = Floor(high) == Ceil(low) };
    }

    private Violation? Callers(int k)
    {
        // ≤T callers must be able to be 1 (few new numbers among them) and T (enough contacts).
        var (fewest, lowBinding) = _model.Extreme(_newVariables[k], maximise: false);
        var (most, highBinding) = _model.Extreme(_entryVariables[k], maximise: true);
        return Ceil(fewest) > 1 || Floor(most) < _threshold
            ? Found($"{_entries[k]}: callers {Ceil(fewest)}..{Floor(most)}", _entries[k], [.. lowBinding, .. highBinding], _entryVariables[k])
            : null;
    }

    private Violation Found(string what, GateEntry? entry, List<int> binding, List<int> variables)
    {
        var pinning = binding.Select(row => _rows[row].Entry).OfType<GateEntry>().Where(e => e != entry).Distinct().ToList();
        var set = variables.ToHashSet();
        var overlapping = Enumerable.Range(0, _entries.Count).Where(k => _entries[k] != entry && _entryVariables[k].Any(set.Contains)).Select(k => _entries[k]).ToList();
        return new Violation(what, entry, pinning, overlapping);
    }

    /// <summary>What the attacker knows of a statistic: its value when shown, 1..T when ≤T, nothing more than 0 or more
    /// otherwise; within the range a published share gives it, if any.</summary>
    private (double Lower, double Upper, double NewUpper) Bounds(GateEntry e)
    {
        bool callers = e.Statistic.Kind == StatisticKind.Callers;
        var (lower, upper, newUpper) = e.State switch
        {
            CellState.Shown => callers ? (e.Value, double.PositiveInfinity, e.Value) : (e.Value, e.Value, 0),
            CellState.Small => callers ? (1, double.PositiveInfinity, _threshold) : (1, _threshold, 0),
            _ => (0, double.PositiveInfinity, double.PositiveInfinity),
        };
        if (!callers && e.State != CellState.Shown && e.PublishedRange is { } published)
            (lower, upper) = (Math.Max(lower, published.Low), Math.Min(upper, published.High));
        return (lower, upper, newUpper);
    }

    /// <summary>Whether the range a published share gives a withheld count is already narrower than its mark claims:
    /// withholding more cannot widen it.</summary>
    public bool PublishedRangeBreaks(GateEntry e) => e.PublishedRange is { } r && e.State switch
    {
        CellState.Small => r.Low > 1 || r.High < _threshold,
        CellState.Secondary => SecondaryValues(r.Low, r.High, _threshold) < _threshold + 1,
        _ => false,
    };

    /// <summary>
    /// How many of the whole numbers low..high an <c>x</c> can be. A count from 1 to T is always marked <c>≤T</c>
    /// (the legend says so), so an <c>x</c> is 0 or above T: 2..10 leaves it 6..10, five values, not the six it claims.
    /// </summary>
    internal static long SecondaryValues(long low, long high, int threshold) =>
        (low <= 0 && high >= 0 ? 1 : 0) + Math.Max(0, high - Math.Max(low, threshold + 1) + 1);

    private static long Ceil(double value) => (long)Math.Ceiling(value - 1e-6);

    private static long Floor(double value) => (long)Math.Floor(value + 1e-6);

    public void Dispose()
    {
        _model.Dispose();
        _integer?.Dispose();
    }

    /// <summary>Regions, groups and which groups each statistic counts.</summary>
    private sealed class Builder(ContactAxes contacts, List<GateEntry> entries, SensitiveAxes axes, OpeningHours? hours)
    {
        public List<double> UpperBounds { get; } = [];

        public List<int> Truth { get; } = [];

        public List<(List<int> Variables, int Total)> Regions { get; } = [];

        public List<int>[] EntryVariables { get; } = [.. entries.Select(_ => new List<int>())];

        public List<int>[] NewVariables { get; } = [.. entries.Select(_ => new List<int>())];

        public List<(string What, List<int> Variables, int Truth)> Groups { get; } = [];

        private readonly bool _days = axes.HasFlag(SensitiveAxes.Day);
        private readonly bool _categories = (axes & CategoryAxes) != 0;
        private readonly bool _clock = (axes & ClockAxes) != 0;

        public void Build()
        {
            // Day boundaries the statistics cut months at.
            var cuts = new SortedSet<int>();
            if (_days)
            {
                foreach (var e in entries)
                {
                    if (e.Definition.From is { } from)
                        cuts.Add(from.DayNumber);
                    if (e.Definition.To is { } to)
                        cuts.Add(to.DayNumber + 1);
                }
            }

            // Base cells (month, channel, outcome) with contacts, and the contacts of each.
            var cells = new Dictionary<(int Month, byte Channel, byte Outcome), List<int>>();
            for (int p = 0; p < contacts.Count; p++)
            {
                var key = (contacts.Month[p], contacts.Channel[p], contacts.Outcome[p]);
                if (!cells.TryGetValue(key, out var list))
                    cells[key] = list = [];
                list.Add(p);
            }

            // Regions: cells no statistic tells apart, of the same kind for the contract and the opening hours.
            var regions = new Dictionary<string, Region>(StringComparer.Ordinal);
            foreach (var (cell, members) in cells.OrderBy(c => c.Key))
            {
                var (monthStart, monthEnd) = MonthDays(cell.Month);
                var intervals = Intervals(cuts, monthStart, monthEnd);
                var membership = new char[entries.Count];
                bool any = false;
                for (int k = 0; k < entries.Count; k++)
                {
                    membership[k] = Membership(entries[k].Definition, cell, monthStart, monthEnd);
                    any |= membership[k] != '0';
                }
                if (!any)
                    continue;
                bool split = intervals.Count > 1 && membership.Contains('2');
                var spans = split ? intervals : [(monthStart, monthEnd)];
                var week = _clock ? Week(cell.Channel, cell.Outcome, spans) : [new uint[7]];
                var key = new StringBuilder().Append(membership);
                if (_categories)
                    key.Append(cell.Outcome == (byte)Outcome.Answered ? "|answered" : "|missed");
                if (_clock)
                    key.Append('|').AppendJoin(';', week.Select(w => string.Join(',', w)));
                if (split)
                    key.Append("|month ").Append(cell.Month);
                var id = key.ToString();
                if (!regions.TryGetValue(id, out var region))
                    regions[id] = region = new Region(membership, cell.Channel, cell.Outcome, spans, cell.Month, week);
                region.Cells.Add(cell);
                region.Contacts.AddRange(members);
                region.Days.Add((monthStart, monthEnd));
            }

            foreach (var region in regions.Values)
                AddRegion(region);
        }

        private void AddRegion(Region region)
        {
            var dims = Dims(region);
            long combinations = dims.Aggregate(1L, (n, d) => n * d.Values.Length);
            // The groups the data hold, with their contacts.
            var seen = new Dictionary<string, (int[] Vector, int Count)>(StringComparer.Ordinal);
            var vectorOf = new int[region.Contacts.Count][];
            for (int i = 0; i < region.Contacts.Count; i++)
            {
                int p = region.Contacts[i];
                var vector = dims.Select(d => d.Of(p)).ToArray();
                vectorOf[i] = vector;
                var key = string.Join(',', vector);
                seen[key] = seen.TryGetValue(key, out var s) ? (vector, s.Count + 1) : (vector, 1);
            }
            IEnumerable<int[]> vectors = combinations <= MaxCombinations
                ? Product(dims, 0, new int[dims.Count]).Where(v => Allowed(region, dims, v) || seen.ContainsKey(string.Join(',', v)))
                : seen.Values.Select(s => s.Vector);

            // Groups every statistic treats alike are one variable.
            var variables = new Dictionary<string, int>(StringComparer.Ordinal);
            var regionVariables = new List<int>();
            var memberOf = new List<int>();
            bool uncountedGroups = false;
            foreach (var vector in vectors)
            {
                memberOf.Clear();
                for (int k = 0; k < entries.Count; k++)
                {
                    if (region.Membership[k] != '0' && Counts(entries[k].Definition, region, dims, vector))
                        memberOf.Add(k);
                }
                if (memberOf.Count == 0)
                {
                    uncountedGroups = true; // counted by no statistic: only the region's total holds it
                    continue;
                }
                var signature = string.Join(',', memberOf);
                if (!variables.TryGetValue(signature, out int v))
                {
                    v = UpperBounds.Count;
                    variables[signature] = v;
                    UpperBounds.Add(region.Contacts.Count);
                    Truth.Add(0);
                    regionVariables.Add(v);
                    foreach (var k in memberOf)
                    {
                        EntryVariables[k].Add(v);
                        if (entries[k].Statistic.Kind == StatisticKind.Callers && IsNew(dims, vector))
                            NewVariables[k].Add(v);
                    }
                }
                var key = string.Join(',', vector);
                if (seen.TryGetValue(key, out var held))
                    Truth[v] += held.Count;
            }
            if (uncountedGroups)
            {
                // The groups no statistic counts are one variable: the region's total holds them.
                int rest = UpperBounds.Count;
                UpperBounds.Add(region.Contacts.Count);
                Truth.Add(region.Contacts.Count - regionVariables.Sum(v => Truth[v]));
                regionVariables.Add(rest);
                Groups.Add(($"the contacts of {region} no statistic counts", [rest], Truth[rest]));
            }
            Regions.Add((regionVariables, region.Contacts.Count));

            // Parts of a month that a statistic cuts off: each checked like a group of contacts.
            if (region.Intervals.Count > 1)
            {
                for (int k = 0; k < entries.Count; k++)
                {
                    if (region.Membership[k] != '2')
                        continue;
                    var part = EntryVariables[k].Where(regionVariables.Contains).ToList();
                    int truth = part.Sum(v => Truth[v]);
                    Groups.Add(($"part of month {region.Month / 12}-{region.Month % 12 + 1:D2} in {entries[k].Statistic}", part, truth));
                }
            }
            foreach (var v in variables.Values)
                Groups.Add(($"a group of contacts in {region}", [v], Truth[v]));
        }

        /// <summary>'0' the statistic counts none of the cell, '1' all of it, '2' part of its month.</summary>
        private static char Membership(Definition d, (int Month, byte Channel, byte Outcome) cell, int monthStart, int monthEnd)
        {
            if (!Definition.Has(d.Channels, cell.Channel) || !Definition.Has(d.Outcomes, cell.Outcome))
                return '0';
            int from = d.From?.DayNumber ?? int.MinValue, to = d.To?.DayNumber ?? int.MaxValue;
            if (to < monthStart || from > monthEnd)
                return '0';
            return from <= monthStart && to >= monthEnd ? '1' : '2';
        }

        private List<Dim> Dims(Region region)
        {
            var dims = new List<Dim>();
            if (region.Intervals.Count > 1)
            {
                var starts = region.Intervals.Select(i => i.From).ToArray();
                dims.Add(new Dim(SensitiveAxes.Day, [.. Enumerable.Range(0, starts.Length)], p => Array.FindLastIndex(starts, s => s <= contacts.Day[p])));
            }
            bool missed = region.Outcome != (byte)Outcome.Answered;
            if (axes.HasFlag(SensitiveAxes.Weekday))
                dims.Add(new Dim(SensitiveAxes.Weekday, [.. Enumerable.Range(0, 7)], p => contacts.Weekday[p]));
            if (axes.HasFlag(SensitiveAxes.Hour))
                dims.Add(new Dim(SensitiveAxes.Hour, [.. Enumerable.Range(0, 24)], p => contacts.Hour[p]));
            // The contract: the type of help request, gender, age and referral are only known for answered contacts.
            if (axes.HasFlag(SensitiveAxes.Requester))
                dims.Add(new Dim(SensitiveAxes.Requester, missed ? [(int)Requester.Unknown] : [.. Enumerable.Range(0, 6)], p => contacts.Requester[p]));
            if (axes.HasFlag(SensitiveAxes.Gender))
                dims.Add(new Dim(SensitiveAxes.Gender, missed ? [(int)Gender.Unknown] : [.. Enumerable.Range(0, 4)], p => contacts.Gender[p]));
            if (axes.HasFlag(SensitiveAxes.AgeBand))
                dims.Add(new Dim(SensitiveAxes.AgeBand, missed ? [(int)AgeBand.Unknown] : [.. Enumerable.Range(0, 8)], p => contacts.AgeBand[p]));
            if (axes.HasFlag(SensitiveAxes.Referral))
                dims.Add(new Dim(SensitiveAxes.Referral, missed ? [(int)Referral.None] : [.. Enumerable.Range(0, 6)], p => contacts.Referral[p]));
            if (axes.HasFlag(SensitiveAxes.Caller))
                dims.Add(new Dim(SensitiveAxes.Caller, [0, 1, 2], p => contacts.Caller[p]));
            return dims;
        }

        /// <summary>Whether a statistic counts a group of a region (the region's cells are all in the statistic's days, channels and outcomes, or part of its month).</summary>
        private static bool Counts(Definition d, Region region, List<Dim> dims, int[] vector)
        {
            for (int i = 0; i < dims.Count; i++)
            {
                int v = vector[i];
                bool kept = dims[i].Axis switch
                {
                    SensitiveAxes.Day => (d.From is not { } f || region.Intervals[v].From >= f.DayNumber) && (d.To is not { } t || region.Intervals[v].To <= t.DayNumber),
                    SensitiveAxes.Weekday => Definition.Has(d.Weekdays, v),
                    SensitiveAxes.Hour => (d.Hours & (1u << v)) != 0,
                    SensitiveAxes.Requester => Definition.Has(d.Requesters, v),
                    SensitiveAxes.Gender => Definition.Has(d.Genders, v),
                    SensitiveAxes.AgeBand => Definition.Has(d.AgeBands, v),
                    SensitiveAxes.Referral => Definition.Has(d.Referrals, v),
                    SensitiveAxes.Caller => Definition.Has(d.Callers, v),
                    _ => true,
                };
                if (!kept)
                    return false;
            }
            return true;
        }

        private static bool IsNew(List<Dim> dims, int[] vector)
        {
            int i = dims.FindIndex(d => d.Axis == SensitiveAxes.Caller);
            return i >= 0 && vector[i] == 0;
        }

        /// <summary>What the calendar and the opening hours allow: a weekday inside the part of the month, an hour in
        /// which the channel could be open (answered, busy) or closed (closed) on such a day.</summary>
        private static bool Allowed(Region region, List<Dim> dims, int[] vector)
        {
            int dayDim = dims.FindIndex(d => d.Axis == SensitiveAxes.Day);
            int weekdayDim = dims.FindIndex(d => d.Axis == SensitiveAxes.Weekday);
            int hourDim = dims.FindIndex(d => d.Axis == SensitiveAxes.Hour);
            if (weekdayDim < 0 && hourDim < 0)
                return true;
            var week = region.Week[dayDim >= 0 ? vector[dayDim] : 0];
            for (int weekday = 0; weekday < 7; weekday++)
            {
                if (weekdayDim >= 0 && vector[weekdayDim] != weekday)
                    continue;
                if (hourDim < 0 ? week[weekday] != 0 : (week[weekday] & (1u << vector[hourDim])) != 0)
                    return true;
            }
            return false;
        }

        private readonly Dictionary<(byte, byte, int), uint> _hourMasks = [];

        /// <summary>The hours of a day in which a contact of that channel and outcome is possible (bit h: hour h).</summary>
        private uint HourMask(byte channel, byte outcome, int day)
        {
            if (hours is null || channel == (byte)Channel.Email)
                return Definition.AllHours;
            if (_hourMasks.TryGetValue((channel, outcome, day), out var mask))
                return mask;
            var slots = hours.SlotsOn((Channel)channel, DateOnly.FromDayNumber(day)).ToList();
            for (int hour = 0; hour < 24; hour++)
            {
                int start = hour * 60, end = start + 60;
                int open = slots.Sum(s => Math.Max(0, Math.Min(end, s.Closes.Hour * 60 + s.Closes.Minute) - Math.Max(start, s.Opens.Hour * 60 + s.Opens.Minute)));
                if (outcome == (byte)Outcome.Closed ? open < 60 : open > 0)
                    mask |= 1u << hour;
            }
            _hourMasks[(channel, outcome, day)] = mask;
            return mask;
        }

        /// <summary>For each part of the month (or the whole month), the possible hours of each weekday.</summary>
        private List<uint[]> Week(byte channel, byte outcome, List<(int From, int To)> spans)
        {
            var weeks = new List<uint[]>();
            foreach (var (from, to) in spans)
            {
                var week = new uint[7];
                for (int day = from; day <= to; day++)
                    week[day % 7] |= HourMask(channel, outcome, day);
                weeks.Add(week);
            }
            return weeks;
        }

        private static (int From, int To) MonthDays(int month)
        {
            var first = new DateOnly(month / 12, month % 12 + 1, 1);
            return (first.DayNumber, first.AddMonths(1).DayNumber - 1);
        }

        private static List<(int From, int To)> Intervals(SortedSet<int> cuts, int monthStart, int monthEnd)
        {
            var list = new List<(int, int)>();
            int start = monthStart;
            foreach (var cut in cuts.GetViewBetween(monthStart + 1, monthEnd))
            {
                list.Add((start, cut - 1));
                start = cut;
            }
            list.Add((start, monthEnd));
            return list;
        }

        private static IEnumerable<int[]> Product(List<Dim> dims, int index, int[] vector)
        {
            if (index == dims.Count)
            {
                yield return (int[])vector.Clone();
                yield break;
            }
            foreach (var value in dims[index].Values)
            {
                vector[index] = value;
                foreach (var v in Product(dims, index + 1, vector))
                    yield return v;
            }
        }

        private sealed record Dim(SensitiveAxes Axis, int[] Values, Func<int, int> Of);

        private sealed class Region(char[] membership, byte channel, byte outcome, List<(int From, int To)> intervals, int month, List<uint[]> week)
        {
            /// <summary>Per part of the month, the possible hours of each weekday (the same for every month merged in).</summary>
            public List<uint[]> Week { get; } = week;

            public char[] Membership { get; } = membership;

            public byte Channel { get; } = channel;

            public byte Outcome { get; } = outcome;

            /// <summary>Parts of the month (a region of one month cut by statistics), or the whole span.</summary>
            public List<(int From, int To)> Intervals { get; } = intervals;

            public int Month { get; } = month;

            public List<(int Month, byte Channel, byte Outcome)> Cells { get; } = [];

            public List<int> Contacts { get; } = [];

            /// <summary>The days of each month merged into the region.</summary>
            public List<(int From, int To)> Days { get; } = [];

            public override string ToString() => Cells.Count == 1
                ? $"{Cells[0].Month / 12}-{Cells[0].Month % 12 + 1:D2} {(Channel)Cells[0].Channel} {(Outcome)Cells[0].Outcome}"
                : $"{Cells.Count} months, channels and outcomes no release tells apart";
        }
    }
}
