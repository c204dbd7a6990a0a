namespace Helpline.Analysis;

/// <summary>
/// The audit of every released statistic of one register at once (τ-ARGUS calls it the audit of linked tables): for
/// each withheld count, the lowest and highest value an attacker can derive from everything released, knowing that
/// <c>≤T</c> means 1..T, that contacts per month, channel and outcome are public, and what the data contract and the
/// opening hours rule out. Where a range is narrower than its label claims, or a small group of contacts can be
/// narrowed down to fewer than a <c>≤T</c> cell allows, one more count is withheld, and the audit runs again.
/// </summary>
/// <remarks>
/// Statistics that cut along different sensitive axes (the type of help request and the hour of arrival, say) are
/// independent once the monthly counts per channel and outcome are known, so each group of linked axes is a linear
/// program of its own (<see cref="AuditComponent"/>). Once the linear programs settle, the same checks run in whole
/// numbers, every <c>x</c> read as 0 or above T, for <c>≤T</c>, <c>..</c> and small groups of contacts.
/// </remarks>
internal sealed class LinkedAudit(RegisterColumns source, IReadOnlyList<GateEntry> entries, DisclosureOptions options, OpeningHours? hours, GateReport report, AuditMemo? memo)
{
    /// <summary>Statistics one component may withhold before the gate stops refining and withholds it whole.</summary>
    private const int MaxFixes = 2_000;

    private static readonly bool Trace = Environment.GetEnvironmentVariable("HELPLINE_GATE_TRACE") is not null;

    public void Run()
    {
        var sensitive = entries.Where(e => e.Axes != SensitiveAxes.None).ToList();
        if (sensitive.Count == 0)
            return;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var contacts = new Lazy<ContactAxes>(() => new ContactAxes(source));
        var sync = new Lock();
        // Components share no statistic: they are audited side by side, the largest first, each with its own solver.
        var components = Components(sensitive).OrderByDescending(c => c.Count).ToList();
        Parallel.ForEach(components, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, component =>
        {
            var local = new GateReport();
            var key = memo is null ? null : AuditMemo.KeyOf(source, component, options, hours);
            bool reused = key is not null && memo!.TryApply(source, key, component, local);
            if (!reused)
            {
                AuditOne(contacts.Value, component, local);
                if (key is not null)
                    memo!.Add(source, key, component, local);
            }
            lock (sync)
            {
                report.Components++;
                if (reused)
                    report.Reused++;
                report.AddAudit(local);
            }
        });
        report.Seconds += wall.Elapsed.TotalSeconds;
    }

    private void AuditOne(ContactAxes contacts, List<GateEntry> component, GateReport report)
    {
        using var model = new AuditComponent(contacts, component, options, hours);
        report.Atoms += model.Variables;
        // Every fix withholds more (or drops a label's claim): ranges only widen, so a check that holds keeps holding.
        // Each failing check is fixed until it holds, and what the fix withholds is checked in its turn. Once the linear
        // checks hold, the checks in whole numbers run; a fix they call for is checked by both in its turn.
        var queue = new Queue<AuditComponent.Check>(model.Initial());
        int fixes = 0;
        while (true)
        {
            Drain(model, queue, ref fixes, report);
            if (fixes >= MaxFixes)
                break;
            int before = fixes;
            foreach (var check in model.IntegerInitial())
                queue.Enqueue(check);
            if (queue.Count == 0)
                break;
            Drain(model, queue, ref fixes, report);
            if (fixes == before)
                break; // what whole numbers narrow, nothing left to withhold relaxes (counted as unfixable)
        }
        if (fixes >= MaxFixes)
        {
            // Refining did not settle: withhold every count of the component that can be, with no claim on its range.
            foreach (var e in component.Where(e => !e.Fixed))
                e.State = CellState.TooFew;
            report.GaveUp++;
        }
        report.LinearPrograms += model.Solves;
        report.IntegerPrograms += model.IntegerSolves;
    }

    private void Drain(AuditComponent model, Queue<AuditComponent.Check> queue, ref int fixes, GateReport report)
    {
        while (queue.Count > 0 && fixes < MaxFixes)
        {
            var check = queue.Dequeue();
            while (model.Run(check) is { } violation)
            {
                if (Trace)
                    Console.Error.WriteLine($"{violation.What} | binding: {string.Join("; ", violation.Binding.Take(3))}");
                var changed = Fix(model, check, violation);
                if (changed.Count == 0 && violation is { Pinned: true, Entry: { Fixed: false, IsWithheld: true } pinned }
                    && (pinned.Value < 1 || pinned.Value > options.Threshold))
                {
                    // Nothing left to withhold, and the value follows exactly from what must be shown (public
                    // monthly counts, published figures): marking it withheld would only mislead. Show it, unless it
                    // is a count from 1 to T: what published shares pin, the site need not print.
                    pinned.State = CellState.Shown;
                    model.Update(pinned);
                    changed = [pinned];
                }
                if (changed.Count == 0)
                {
                    model.Unfixable(check);
                    report.Unfixable++;
                    break;
                }
                foreach (var e in changed)
                    queue.Enqueue(model.Of(e));
                fixes++;
            }
            report.Passes++;
        }
    }

    /// <summary>Candidates tried, one at a time, for a fix that resolves the violation on its own.</summary>
    private const int Trials = 8;

    /// <summary>
    /// What to give up so that a violation cannot hold, cheapest first, each candidate tried and kept only if it
    /// resolves the violation (else the first is kept, and the check runs again):
    /// <list type="number">
    /// <item>a count of the violated statistic's own table (the line rule, extended);</item>
    /// <item>for a small count or a small group of contacts, a count of another table that pins it, the smallest first;</item>
    /// <item>an <c>x</c> whose value follows exactly is shown (it hides nothing);</item>
    /// <item>the violated label's claim: <c>≤T</c> or <c>x</c> becomes <c>..</c>, withheld with no claim on its range
    /// (at once when a published share alone narrows the count that far);</item>
    /// <item>the claims of the <c>≤T</c> counts that pin a small group from below.</item>
    /// </list>
    /// </summary>
    private static List<GateEntry> Fix(AuditComponent model, AuditComponent.Check check, AuditComponent.Violation violation)
    {
        var own = violation.Entry;
        if (own is { Fixed: false } && model.PublishedRangeBreaks(own))
        {
            // 9% of 468 puts a count at 40 to 44 whatever else is withheld: it can claim no range (..).
            own.State = CellState.TooFew;
            model.Update(own);
            return [own];
        }
        if (check.Integer && Relax(model, check, model.Crosses(own)) is { Count: > 0 } relaxed)
            return relaxed;
        var ownTables = own?.Tables ?? [];
        static IEnumerable<GateEntry> BySize(IEnumerable<GateEntry> candidates) => candidates.Distinct()
            .OrderBy(e => e.Value == 0 ? 1 : 0).ThenBy(e => e.Value).ThenBy(e => e.Definition.ToString(), StringComparer.Ordinal);

        var sameTable = BySize(violation.Binding.Concat(violation.Overlapping).Where(e => e.CanWithhold && e.Tables.Any(ownTables.Contains))).ToList();
        if (Try(model, check, sameTable, CellState.Secondary) is { } first)
            return [first];
        bool small = own is null || own.State == CellState.Small || own.State == CellState.TooFew;
        if (small)
        {
            var others = violation.Binding.Where(e => e.CanWithhold).Take(Trials).Concat(BySize(violation.Overlapping.Where(e => e.CanWithhold))).Distinct().ToList();
            if (Try(model, check, others, CellState.Secondary) is { } other)
                return [other];
        }
        if (own is { State: CellState.Secondary, Fixed: false } && violation.Pinned)
        {
            // An x whose value follows exactly from the rest protects nothing: show it, as the rest already does,
            // rather than mark it "..". A cell it was meant to cover is checked again and finds another.
            own.State = CellState.Shown;
            model.Update(own);
            return [own];
        }
        if (own is { State: CellState.Small or CellState.Secondary } && !own.Fixed)
        {
            own.State = CellState.TooFew;
            model.Update(own);
            return [own];
        }
        var smalls = violation.Binding.Concat(violation.Overlapping).Where(e => e.State == CellState.Small && !e.Fixed).Distinct().ToList();
        foreach (var e in smalls)
        {
            e.State = CellState.TooFew;
            model.Update(e);
        }
        return smalls;
    }

    /// <summary>
    /// For a narrowing in whole numbers: the <c>x</c> cells that, read as <c>..</c> (withheld, any whole number), let
    /// the check hold: the first that does on its own, else all of them together; none (and nothing changed) when even
    /// that does not help, as integrality alone then narrows the count, and more must be withheld.
    /// </summary>
    private static List<GateEntry> Relax(AuditComponent model, AuditComponent.Check check, List<GateEntry> crosses)
    {
        foreach (var cross in crosses.Take(Trials))
        {
            var seen = model.Seen();
            cross.State = CellState.TooFew;
            model.Update(cross);
            if (model.Run(check) is null)
                return [cross];
            cross.State = CellState.Secondary;
            model.Update(cross);
            model.Restore(seen);
        }
        if (crosses.Count <= 1)
            return [];
        var before = model.Seen();
        foreach (var cross in crosses)
        {
            cross.State = CellState.TooFew;
            model.Update(cross);
        }
        if (model.Run(check) is null)
            return crosses;
        foreach (var cross in crosses)
        {
            cross.State = CellState.Secondary;
            model.Update(cross);
        }
        model.Restore(before);
        return [];
    }

    /// <summary>Withholds the first candidate that resolves the check on its own; failing that, the first candidate, for
    /// progress; null when there is none.</summary>
    private static GateEntry? Try(AuditComponent model, AuditComponent.Check check, List<GateEntry> candidates, CellState state)
    {
        if (candidates.Count == 0)
            return null;
        foreach (var candidate in candidates.Take(Trials))
        {
            var seen = model.Seen();
            candidate.State = state;
            model.Update(candidate);
            if (model.Run(check) is null)
                return candidate;
            candidate.State = CellState.Shown;
            model.Update(candidate);
            model.Restore(seen);
        }
        candidates[0].State = state;
        model.Update(candidates[0]);
        return candidates[0];
    }

    /// <summary>Statistics linked through a shared sensitive axis, transitively: one linear program each.</summary>
    private static IEnumerable<List<GateEntry>> Components(List<GateEntry> sensitive)
    {
        var parent = Enumerable.Range(0, 16).ToArray();
        int Find(int a) => parent[a] == a ? a : parent[a] = Find(parent[a]);
        foreach (var e in sensitive)
        {
            var bits = Enumerable.Range(0, 16).Where(b => ((int)e.Axes & (1 << b)) != 0).ToList();
            foreach (var b in bits.Skip(1))
                parent[Find(b)] = Find(bits[0]);
        }
        return sensitive.GroupBy(e => Find(Enumerable.Range(0, 16).First(b => ((int)e.Axes & (1 << b)) != 0)))
            .OrderBy(g => g.Key).Select(g => g.OrderBy(e => e.Definition.ToString(), StringComparer.Ordinal).ThenBy(e => e.Statistic.Kind).ToList());
    }
}
