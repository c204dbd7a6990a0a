namespace Helpline.Analysis;

/// <summary>
/// The release gate: every number a page shows comes out of one decision over everything the pages show together.
/// <list type="number">
/// <item>Every statistic of every output, each definition once.</item>
/// <item>Primary: a sensitive count from 1 to the threshold is withheld (<c>≤T</c>); a count of contacts per month and
/// channel, or a figure a public source published, is always shown.</item>
/// <item>The line rule on each table (<see cref="TablePass"/>).</item>
/// <item>The linked audit over all pages at once (<see cref="LinkedAudit"/>), which withholds more until no withheld
/// count can be narrowed beyond its label and no small group of contacts beyond what a <c>≤T</c> count allows.</item>
/// </list>
/// </summary>
public static class Gate
{
    /// <summary>Decides what a set of outputs (a site, a notebook, a session) may show, under the strictest settings of
    /// the registers they count: the highest threshold, and disclosure control on if any register has it on.</summary>
    /// <param name="hours">The opening hours the attacker knows (default: the shipped schedule, when the repository is found).</param>
    public static Release Decide(IEnumerable<IPageOutput> outputs, OpeningHours? hours = null) => Decide(outputs, hours, linked: true, out _);

    /// <param name="linked">False for a quick provisional decision (primary suppression and the line rule only), to be
    /// replaced by the full decision before anything is written.</param>
    public static Release Decide(IEnumerable<IPageOutput> outputs, OpeningHours? hours, bool linked, out GateReport report) =>
        Decide(outputs, hours, linked, AuditMemo.Process, out report);

    /// <param name="memo">Components already audited (null: audit every one afresh).</param>
    internal static Release Decide(IEnumerable<IPageOutput> outputs, OpeningHours? hours, bool linked, AuditMemo? memo, out GateReport report)
    {
        report = new GateReport();
        var list = outputs.ToList();
        var options = Strictest(list.SelectMany(o => o.Statistics).Select(s => s.Options));
        var entries = new Dictionary<(RegisterColumns, StatisticKind, Definition), GateEntry>();
        foreach (var output in list)
        {
            foreach (var statistic in output.Statistics)
            {
                if (!entries.TryGetValue(statistic.Key, out var entry))
                    entries[statistic.Key] = entry = new GateEntry(statistic);
                if (statistic.IsPublished)
                    entry.Fixed = true;
                if (statistic.PublishedRange is { } range)
                    entry.PublishedRange = entry.PublishedRange is { } known ? (Math.Max(known.Low, range.Low), Math.Min(known.High, range.High)) : range;
            }
            foreach (var table in output.Tables)
            {
                foreach (var (row, column) in table.Cells())
                {
                    var entry = entries[table.StatisticAt(row, column).Key];
                    if (!entry.Tables.Contains(table))
                        entry.Tables.Add(table);
                }
            }
        }
        report.Statistics = entries.Count;
        report.Sensitive = entries.Values.Count(e => e.Axes != SensitiveAxes.None);
        if (!options.Enabled)
            return new Release(options, entries.ToDictionary(e => e.Key, _ => CellState.Shown));

        foreach (var entry in entries.Values)
        {
            if (entry.Definition.Opaque is { } predicate)
                throw new ReleaseRefusedException($"A count of contacts filtered by a custom predicate ({predicate}) cannot be published: the release gate cannot tell what it selects. Say it with the vocabulary (From, On, WithGender, OnDays, AtHours, In...), or look at it with suppress = false.");
            if (entry.Axes == SensitiveAxes.None || entry.Statistic.IsPublished)
                entry.Fixed = true;
            else if (entry.Value >= 1 && entry.Value <= options.Threshold)
                entry.State = CellState.Small;
        }
        TablePass.Run(list.SelectMany(o => o.Tables).Distinct(), s => entries[s.Key]);
        if (linked)
        {
            hours ??= ShippedHours();
            foreach (var group in entries.Values.GroupBy(e => e.Statistic.Source))
                new LinkedAudit(group.Key, [.. group], options, hours, report, memo).Run();
        }

        report.Small = entries.Values.Count(e => e.State == CellState.Small);
        report.Secondary = entries.Values.Count(e => e.State == CellState.Secondary);
        report.TooFew = entries.Values.Count(e => e.State == CellState.TooFew);
        return new Release(options, entries.ToDictionary(e => e.Key, e => e.Value.State));
    }

    /// <summary>The highest threshold asked for, and protection on unless every register has it off.</summary>
    public static DisclosureOptions Strictest(IEnumerable<DisclosureOptions> options)
    {
        var list = options.Distinct().ToList();
        if (list.Count == 0)
            return DisclosureOptions.Default;
        return new DisclosureOptions { Threshold = list.Max(o => o.Threshold), Enabled = list.Any(o => o.Enabled) };
    }

    private static OpeningHours? ShippedHours()
    {
        try
        {
            return OpeningHours.Shipped();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or RegisterFormatException)
        {
            return null; // no schedule known: nothing is ruled out by the hours
        }
    }
}
