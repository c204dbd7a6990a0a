namespace Helpline.Analysis.Tests.Disclosure;

/// <summary>Components settled once are decided as a fresh audit decides them, and only when nothing the audit reads changed.</summary>
public class AuditMemoTests
{
    private static CountTable Referrals() => ReferralTables.ByRequesterAndDestination(Shipped.Register);

    private static CountTable ClosedChats() => UnansweredTables.ClosedByWeekdayAndHour(Shipped.Register, Channel.Chat, Period.Answer232Chat);

    private static CountTable ClosedCalls() => UnansweredTables.ClosedByWeekdayAndHour(Shipped.Register, Channel.Phone, Period.Answer232Chat);

    private static CountTable GendersIn2020() => Shipped.Register.Answered().In(Period.Year(2020)).CountBy(Breakdown.Gender);

    private static void AssertSameStates(Release expected, Release actual)
    {
        Assert.Equal(expected.States.Count, actual.States.Count);
        foreach (var (key, state) in expected.States)
            Assert.True(actual.States[key] == state, $"{key.Item2} {key.Item3}: {actual.States[key]} where a fresh audit decides {state}");
    }

    [Fact]
    public void A_site_decided_again_reuses_every_component_and_releases_what_a_fresh_audit_releases()
    {
        IPageOutput[] outputs = [Referrals(), ClosedChats(), GendersIn2020()];
        var memo = new AuditMemo();

        var first = Gate.Decide(outputs, Shipped.Hours, linked: true, memo, out var firstReport);
        var again = Gate.Decide(outputs, Shipped.Hours, linked: true, memo, out var againReport);
        var fresh = Gate.Decide(outputs, Shipped.Hours, linked: true, memo: null, out var freshReport);

        Assert.Equal(3, firstReport.Components);
        Assert.Equal(0, firstReport.Reused);
        Assert.Equal(3, againReport.Reused);
        Assert.Contains(first.States.Values, s => s == CellState.Secondary);
        AssertSameStates(fresh, first);
        AssertSameStates(fresh, again);
        // The ledger's figures describe the decision, whether it was solved now or before.
        Assert.Equal(freshReport.LinearPrograms, againReport.LinearPrograms);
        Assert.Equal(freshReport.Atoms, againReport.Atoms);
        Assert.Contains("3 of 3 components settled before", againReport.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_given_one_more_table_is_audited_again_and_the_others_are_reused()
    {
        var memo = new AuditMemo();
        Gate.Decide([Referrals(), ClosedChats()], Shipped.Hours, linked: true, memo, out _);

        IPageOutput[] more = [Referrals(), ClosedChats(), ClosedCalls()];
        var decided = Gate.Decide(more, Shipped.Hours, linked: true, memo, out var report);
        var fresh = Gate.Decide(more, Shipped.Hours, linked: true, memo: null, out _);

        Assert.Equal(2, report.Components);
        Assert.Equal(1, report.Reused);
        AssertSameStates(fresh, decided);
    }

    [Fact]
    public void A_register_loaded_again_is_audited_again_even_with_the_same_counts()
    {
        var memo = new AuditMemo();
        Gate.Decide([Referrals()], Shipped.Hours, linked: true, memo, out _);
        var copy = RegisterCsv.Load(DataPaths.Default.Register).Contacts;

        Gate.Decide([ReferralTables.ByRequesterAndDestination(copy)], Shipped.Hours, linked: true, memo, out var report);

        Assert.Equal(1, report.Components);
        Assert.Equal(0, report.Reused);
    }

    [Fact]
    public void Every_input_the_audit_reads_changes_the_key()
    {
        var table = Referrals();
        var other = GendersIn2020();
        var source = table[0, 0].Statistic.Source;
        var (row, column) = other.Cells().First();
        List<GateEntry> Component()
        {
            var entries = table.Cells().Select(c => new GateEntry(table[c.Row, c.Column].Statistic)).ToList();
            entries.ForEach(e => e.Tables.Add(table));
            return entries;
        }
        AuditMemo.Key Key(Action<List<GateEntry>>? change = null, DisclosureOptions? options = null, OpeningHours? hours = null, bool noHours = false)
        {
            var entries = Component();
            change?.Invoke(entries);
            return AuditMemo.KeyOf(source, entries, options ?? DisclosureOptions.Default, noHours ? null : hours ?? Shipped.Hours);
        }

        var baseline = Key();
        Assert.Equal(baseline, Key());
        Assert.Equal(baseline.GetHashCode(), Key().GetHashCode());
        var changed = new (string What, AuditMemo.Key Key)[]
        {
            ("a state", Key(e => e[1].State = CellState.Small)),
            ("fixed", Key(e => e[1].Fixed = true)),
            ("a published range", Key(e => e[1].PublishedRange = (40, 44))),
            ("a table shared", Key(e => e[1].Tables.Insert(0, other))),
            ("a statistic", Key(e => e[1] = new GateEntry(other[row, column].Statistic) { Tables = { table } })),
            ("the order", Key(e => (e[0], e[1]) = (e[1], e[0]))),
            ("one statistic fewer", Key(e => e.RemoveAt(e.Count - 1))),
            ("the threshold", Key(options: new DisclosureOptions { Threshold = 6 })),
            ("the opening hours", Key(hours: Shipped.Hours.Add(Channel.Phone, DayOfWeek.Sunday, 10, 12, new DateOnly(2020, 1, 1)))),
            ("no opening hours", Key(noHours: true)),
        };
        Assert.All(changed, c => Assert.False(baseline.Equals(c.Key), $"{c.What} left the key as it was"));
    }
}
