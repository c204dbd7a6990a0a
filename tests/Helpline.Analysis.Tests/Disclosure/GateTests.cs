namespace Helpline.Analysis.Tests.Disclosure;

/// <summary>What the release gate decides, checked against the library's own numbers and an outsider written apart from it.</summary>
public class GateTests
{
    private const int T = 5;

    /// <summary>Answered phone contacts of March 2020 by type of help request: 30 self, 20 close, 9 wider, 2 professional, 12 other.</summary>
    private static Register HandBuilt()
    {
        (Requester Requester, int Count)[] counts =
        [
            (Requester.Self, 30), (Requester.CloseEnvironment, 20), (Requester.WiderEnvironment, 9), (Requester.Professional, 2), (Requester.Other, 12),
        ];
        // Tuesdays and Thursdays of March 2020 at 15:00-18:59: inside the phone's opening slot.
        var days = new[] { 3, 5, 10, 12, 17, 19, 24, 26, 31 };
        int n = 0;
        var contacts = counts.SelectMany(c => Enumerable.Range(0, c.Count).Select(_ =>
        {
            n++;
            return new Contact(new DateTime(2020, 3, days[n % days.Length], 15 + n % 4, n % 60, 0), Channel.Phone, Outcome.Answered, c.Requester,
                CallerKey: $"k{n}", SourceLine: n + 1);
        })).ToList();
        return Register.FromCleanRows(contacts);
    }

    /// <summary>Every ≤T count keeps its whole range 1..T and every x count a range of more than T values, for an outsider with the table alone.</summary>
    private static void AssertNoWithheldCountIsNarrowed(CountTable table, Release release)
    {
        using var attacker = new TableAttacker(table, release);
        foreach (var (row, column) in attacker.Withheld)
        {
            var (low, high) = attacker.Range(row, column);
            var cell = $"{table[row, column].RowKey}/{table[row, column].ColumnKey} = {table[row, column].Value}";
            switch (release.StateOf(table[row, column].Statistic))
            {
                case CellState.Small:
                    Assert.True(low <= 1 + 1e-6 && high >= T - 1e-6, $"{cell} (≤{T}) narrowed to {low}..{high}");
                    break;
                case CellState.Secondary:
                    Assert.True(Math.Floor(high + 1e-6) - Math.Ceiling(low - 1e-6) >= T, $"{cell} (x) narrowed to {low}..{high}");
                    break;
            }
        }
    }

    [Fact]
    public void A_small_cell_is_shown_as_at_most_the_threshold()
    {
        var table = HandBuilt().Answered().CountBy(Breakdown.Requester);
        var release = Releases.Decided(table);
        var professional = table["professional"];
        Assert.Equal(2, professional.Value);
        Assert.Equal(CellState.Small, release.StateOf(professional.Statistic));
        Assert.Equal("≤5", release.Text(professional.Statistic));
        Assert.Equal("≤5", Pages.Column(table, release, "answered")[table.RowKeys.ToList().IndexOf("professional")]);
        Assert.DoesNotContain(">2<", ((IPageOutput)table).Render(release).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_cell_has_its_complement_withheld_so_that_the_total_minus_the_shown_cells_cannot_pin_it()
    {
        var table = HandBuilt().Answered().CountBy(Breakdown.Requester);
        var release = Releases.Decided(table);
        var professional = table["professional"];
        // The total (answered phone contacts of a month) is public: it is shown whatever the gate decides.
        Assert.True(release.IsShown(table.Total.Statistic));
        var withheld = table.Rows.Where(t => !release.IsShown(t.Statistic)).ToList();
        Assert.Contains(withheld, t => t.RowKey == "professional");
        Assert.True(withheld.Count >= 2, "a count withheld alone is the total minus the others");
        // The library's own numbers: what the total leaves once the shown counts are taken off is the withheld counts
        // together, and it leaves the small count every value from 1 to T.
        int rest = table.Total.Value - table.Rows.Where(t => release.IsShown(t.Statistic)).Sum(t => t.Value);
        Assert.Equal(withheld.Sum(t => t.Value), rest);
        // The other withheld counts are 1..T each when marked ≤T, 0 or more when marked x.
        var others = withheld.Where(t => t.RowKey != "professional").ToList();
        double othersAtMost = others.Sum(t => release.StateOf(t.Statistic) == CellState.Small ? T : double.PositiveInfinity);
        int othersAtLeast = others.Count(t => release.StateOf(t.Statistic) == CellState.Small);
        Assert.Equal((1.0, (double)T), (Math.Max(1, rest - othersAtMost), Math.Min(T, rest - othersAtLeast)));
        AssertNoWithheldCountIsNarrowed(table, release);
    }

    [Fact]
    public void A_small_cell_withheld_alone_would_be_pinned_by_the_total_which_is_why_the_gate_withholds_more()
    {
        var table = HandBuilt().Answered().CountBy(Breakdown.Requester);
        int professional = table.RowKeys.ToList().IndexOf("professional");
        // Withheld by hand, alone: the outsider subtracts the shown counts from the total and finds 2.
        using (var attacker = new TableAttacker(table, Releases.Withholding([table], (table[professional, -1], CellState.Small))))
            Assert.Equal((2.0, 2.0), attacker.Range(professional, -1));
        // As the gate withholds it, the outsider finds nothing narrower than 1..T.
        using (var attacker = new TableAttacker(table, Releases.Decided(table)))
            Assert.Equal((1.0, (double)T), attacker.Range(professional, -1));
    }

    [Theory]
    [InlineData("referrals by requester and destination")]
    [InlineData("requester by gender, 2020")]
    [InlineData("closed chats by weekday and hour")]
    public void Small_cells_of_the_shipped_cross_tables_keep_their_whole_range_for_an_outsider_with_the_table(string name)
    {
        var register = Shipped.Register;
        var table = name switch
        {
            "referrals by requester and destination" => ReferralTables.ByRequesterAndDestination(register),
            "requester by gender, 2020" => register.Answered().In(Period.Year(2020)).CountBy(Breakdown.Requester, Breakdown.Gender),
            _ => UnansweredTables.ClosedByWeekdayAndHour(register, Channel.Chat, Period.Answer232Chat),
        };
        var release = Releases.Decided(table);
        var small = table.Cells().Where(c => table[c.Row, c.Column].Value is >= 1 and <= T && table[c.Row, c.Column].Definition.IsSensitive).ToList();
        Assert.NotEmpty(small);
        // No small count of a sensitive breakdown is shown; most are marked ≤T (the audit may drop a label's claim to ..).
        Assert.All(small, c => Assert.False(release.IsShown(table[c.Row, c.Column].Statistic), $"{table[c.Row, c.Column]} is shown"));
        Assert.Contains(small, c => release.StateOf(table[c.Row, c.Column].Statistic) == CellState.Small);
        AssertNoWithheldCountIsNarrowed(table, release);
    }

    [Theory]
    [InlineData(DisclosureOptions.MinimumThreshold - 1)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_threshold_below_the_minimum_is_refused(int threshold)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureOptions { Threshold = threshold });
        Assert.Contains($"must be {DisclosureOptions.MinimumThreshold} or more", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DisclosureOptions.Default with { Threshold = threshold });
    }

    [Fact]
    public void The_minimum_threshold_is_accepted_and_applied()
    {
        var options = new DisclosureOptions { Threshold = DisclosureOptions.MinimumThreshold };
        var table = HandBuilt().WithOptions(options).Answered().CountBy(Breakdown.Requester);
        var release = Releases.Decided(table);
        Assert.Equal(DisclosureOptions.MinimumThreshold, release.Options.Threshold);
        Assert.Equal(CellState.Small, release.StateOf(table["professional"].Statistic));
        Assert.Equal($"≤{DisclosureOptions.MinimumThreshold}", release.Text(table["professional"].Statistic));
    }

    [Fact]
    public void The_counts_of_a_register_filtered_by_a_custom_predicate_are_refused()
    {
        var where = Shipped.Register.Where(c => c.ReceivedAt.Minute == 0);
        var error = Assert.Throws<ReleaseRefusedException>(() => Releases.Decided(where.CountBy(Breakdown.Month)));
        Assert.Contains("c => c.ReceivedAt.Minute == 0", error.Message);
        Assert.Throws<ReleaseRefusedException>(() => Releases.Decided(where.Total()));
        Assert.Throws<ReleaseRefusedException>(() => Releases.Decided(where.CountCallers()));
        // The vocabulary does not wash a predicate out.
        Assert.Throws<ReleaseRefusedException>(() => Releases.Decided(where.Answered().On(Channel.Phone).In(Period.Year(2020)).CountBy(Breakdown.Month, Breakdown.Channel)));
        // Beside counts that could be released, the whole decision is refused.
        Assert.Throws<ReleaseRefusedException>(() => Releases.Decided(ContactTables.PerYearByChannel(Shipped.Register), where.Total()));
    }

    [Fact]
    public void A_custom_predicate_can_be_explored_with_disclosure_control_off_and_is_then_marked_not_for_publication()
    {
        var where = Shipped.Register.WithOptions(new DisclosureOptions { Enabled = false }).Where(c => c.ReceivedAt.Minute == 0);
        var total = where.Total();
        var release = Releases.Decided(total);
        Assert.True(release.NotForPublication);
        Assert.True(release.IsShown(total.Statistic));
    }

    [Fact]
    public void A_count_equal_to_a_published_figure_is_shown_whatever_its_size_wherever_it_appears()
    {
        // A threshold so high that every count of referrals is small.
        var register = Shipped.Register.WithOptions(new DisclosureOptions { Threshold = 200 });
        var reconciliation = Reconciliation.Rows(register, Shipped.Web, Shipped.Figures);
        var byRequester = ReferralTables.ByRequester(register, Period.Answer232);
        var release = Releases.Decided(Reconciliation.Table(reconciliation), byRequester);

        var self = Assert.IsType<Tally>(reconciliation.Single(r => r.Figure.Key == "a3.referrals_self").Computed);
        Assert.Equal((127, true), (self.Value, self.Definition.IsSensitive));
        Assert.True(release.IsShown(self.Statistic));
        Assert.Equal("127", release.Text(self.Statistic));
        // The same count in another table is the same statistic: shown there too.
        Assert.Equal(self.Definition, byRequester.Counts["self"].Definition);
        Assert.True(release.IsShown(byRequester.Counts["self"].Statistic));
        // Counts no source published are withheld at this threshold.
        Assert.False(release.IsShown(byRequester.Counts["close_environment"].Statistic));
        // Every recomputed count that equals its published figure is shown.
        var published = reconciliation.Where(r => r.Computed is Tally t && t.Value == r.Figure.Value && r.Figure.Unit is "contacts" or "people" or "numbers").ToList();
        Assert.True(published.Count >= 5);
        Assert.All(published, r => Assert.True(release.IsShown(((Tally)r.Computed).Statistic), r.Figure.Key));
    }

    [Fact]
    public void A_count_of_contacts_per_month_and_channel_is_shown_however_small()
    {
        var register = Register.FromCleanRows(
        [
            new Contact(new DateTime(2020, 3, 3, 15, 10, 0), Channel.Phone, Outcome.Answered, Requester.Self),
            new Contact(new DateTime(2020, 4, 7, 16, 10, 0), Channel.Chat, Outcome.Answered, Requester.Self),
            new Contact(new DateTime(2020, 4, 7, 17, 10, 0), Channel.Chat, Outcome.Answered, Requester.Other),
        ]);
        var table = register.Answered().CountBy(Breakdown.Month, Breakdown.Channel);
        var release = Releases.Decided(table);
        Assert.False(table["2020-03", "phone"].Definition.IsSensitive);
        Assert.All(table.Cells(), c => Assert.True(release.IsShown(table[c.Row, c.Column].Statistic)));
        Assert.Equal("1", release.Text(table["2020-03", "phone"].Statistic));
        // The same contacts by type of help request are sensitive: 2 and 1 are withheld.
        var requesters = register.Answered().CountBy(Breakdown.Requester);
        var decided = Releases.Decided(requesters);
        Assert.False(decided.IsShown(requesters["self"].Statistic));
        Assert.False(decided.IsShown(requesters["other"].Statistic));
        Assert.True(decided.IsShown(requesters.Total.Statistic));
    }
}
