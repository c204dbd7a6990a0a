using CsCheck;
using Xunit.Abstractions;

namespace Helpline.Analysis.Tests.Disclosure;

/// <summary>
/// A count's <see cref="Definition"/> is what the release gate reasons about: it must say exactly which contacts the
/// count counts. Checked on the shipped register, contact by contact, for chains of every filter of the vocabulary.
/// </summary>
public class DefinitionTests(ITestOutputHelper output)
{
    /// <summary>A filter of the vocabulary, with the call that applies it (what a failure prints).</summary>
    public sealed record Filter(string Call, Func<Register, Register> Apply)
    {
        public override string ToString() => Call;
    }

    private static readonly Lazy<Contact[]> AllContacts = new(() => [.. Shipped.Register]);

    private static readonly DateOnly First = new(2016, 1, 1);

    private static string List<T>(IEnumerable<T> values) => string.Join(", ", values);

    private static Gen<Filter> Choose<T>(Gen<T[]> values, string name, Func<Register, T[], Register> apply) =>
        values.Select(v => new Filter($"{name}({List(v)})", r => apply(r, v)));

    /// <summary>Periods from a year before the register to a year after it: whole months, years, and stretches of days.</summary>
    private static readonly Gen<Period> AnyPeriod = Gen.OneOf(
        Gen.Select(Gen.Int[0, 8 * 12 - 1], Gen.Int[0, 30]).Select((start, length) =>
            Period.Months(2016 + start / 12, start % 12 + 1, 2016 + (start + length) / 12, (start + length) % 12 + 1)),
        Gen.Int[2016, 2024].Select(Period.Year),
        Gen.Select(Gen.Int[0, 9 * 365], Gen.Int[0, 400]).Select((start, length) => Period.Between(First.AddDays(start), First.AddDays(start + length))));

    private static readonly Gen<Filter> AnyFilter = Gen.OneOf(
        Gen.Enum<Channel>().Select(c => new Filter($"On({c})", r => r.On(c))),
        Gen.Enum<Outcome>().Select(o => new Filter($"With({o})", r => r.With(o))),
        Gen.Const(new Filter("Answered()", r => r.Answered())),
        Gen.Const(new Filter("Missed()", r => r.Missed())),
        Gen.Const(new Filter("Referred()", r => r.Referred())),
        Choose(Gen.Enum<Requester>().Array[1, 3], "From", (r, v) => r.From(v)),
        Choose(Gen.Enum<Gender>().Array[1, 2], "WithGender", (r, v) => r.WithGender(v)),
        Choose(Gen.Enum<AgeBand>().Array[1, 3], "WithAge", (r, v) => r.WithAge(v)),
        Choose(Gen.Enum<Referral>().Array[1, 3], "ReferredTo", (r, v) => r.ReferredTo(v)),
        Choose(Gen.Enum<CallerHistory>().Array[1, 2], "WithCaller", (r, v) => r.WithCaller(v)),
        Choose(Gen.Enum<DayOfWeek>().Array[1, 4], "OnDays", (r, v) => r.OnDays(v)),
        Gen.Select(Gen.Int[0, 23], Gen.Int[1, 24]).Select((from, length) =>
        {
            int to = Math.Min(24, from + length);
            return new Filter($"AtHours({from}, {to})", r => r.AtHours(from, to));
        }),
        AnyPeriod.Select(p => new Filter($"In({p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd})", r => r.In(p))),
        AnyPeriod.Select(p => new Filter($"In({p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd})", r => r.In(p))));

    private static readonly Gen<Filter[]> AnyChain = AnyFilter.Array[0, 6];

    private static readonly Breakdown[] Breakdowns =
    [
        Breakdown.Month, Breakdown.Year, Breakdown.Weekday, Breakdown.Hour, Breakdown.Channel, Breakdown.Outcome,
        Breakdown.Requester, Breakdown.Gender, Breakdown.AgeBand, Breakdown.Referral, Breakdown.Caller,
    ];

    private static Register Apply(IEnumerable<Filter> chain, Register register) => chain.Aggregate(register, (r, f) => f.Apply(r));

    private static string Print(Filter[] chain) => chain.Length == 0 ? "register" : "register." + string.Join(".", chain.Select(f => f.Call));

    private static int Matching(Definition definition) => AllContacts.Value.Count(c => definition.Matches(c));

    [Fact]
    public void A_count_over_all_time_can_be_released()
    {
        // Period.All ends on DateOnly.MaxValue: the month check must not step past it.
        var all = Shipped.Register.In(Period.All).Total();
        var release = Gate.Decide([all]);
        Assert.True(release.IsShown(all.Statistic));
    }

    [Fact]
    public void The_contacts_a_definition_matches_are_exactly_those_its_register_counts()
    {
        int nonEmpty = 0;
        int cases = Deterministic.Sample(AnyChain, chain =>
        {
            var filtered = Apply(chain, Shipped.Register);
            var definition = filtered.Definition;
            nonEmpty += filtered.Count > 0 ? 1 : 0;
            // The register's contacts all match, and no other contact of the shipped register does.
            return filtered.All(c => definition.Matches(c)) && Matching(definition) == filtered.Total().Value
                && filtered.Total().Definition == definition && filtered.Total().Value == filtered.Count;
        }, seed: "5Fd0h0nS4Q7x", cases: 300, print: Print);
        output.WriteLine($"{cases} filter chains matched contact by contact, {nonEmpty} of them keeping contacts");
        Assert.InRange(nonEmpty, cases / 3, cases);
    }

    [Fact]
    public void Every_count_of_a_table_counts_exactly_the_contacts_its_definition_matches()
    {
        var gen = Gen.Select(AnyChain, Gen.Int[0, Breakdowns.Length - 1], Gen.Int[-1, Breakdowns.Length - 1]);
        int cases = Deterministic.Sample(gen, c =>
        {
            var (chain, rowIndex, columnIndex) = c;
            var filtered = Apply(chain, Shipped.Register);
            var table = columnIndex < 0 ? filtered.CountBy(Breakdowns[rowIndex]) : filtered.CountBy(Breakdowns[rowIndex], Breakdowns[columnIndex]);
            int rows = table.RowKeys.Count, columns = table.ColumnKeys.Count;
            // Each contact of the register falls in one row, one column, and the cell where they cross.
            var counted = new int[rows + 1, columns + 1];
            foreach (var contact in filtered)
            {
                var row = Enumerable.Range(0, rows).Where(i => table[i, -1].Definition.Matches(contact)).ToList();
                var column = Enumerable.Range(0, columns).Where(j => table[-1, j].Definition.Matches(contact)).ToList();
                Assert.Single(row);
                if (columns > 0)
                    Assert.Single(column);
                int i = row[0], j = columns > 0 ? column[0] : -1;
                Assert.True(table[i, j].Definition.Matches(contact));
                Assert.True(table.Total.Definition.Matches(contact));
                counted[i + 1, j + 1]++;
                if (columns > 0)
                {
                    counted[i + 1, 0]++;
                    counted[0, j + 1]++;
                }
            }
            for (int i = 0; i < rows; i++)
            {
                for (int j = -1; j < columns; j++)
                {
                    if (table[i, j].Value != counted[i + 1, j + 1])
                        return false;
                }
            }
            for (int j = 0; j < columns; j++)
            {
                if (table[-1, j].Value != counted[0, j + 1])
                    return false;
            }
            return table.Total.Value == filtered.Count && table.Total.Definition == filtered.Definition;
        }, seed: "0wBq3mD5kTzR", cases: 120, print: c => $"{Print(c.Item1)}.CountBy({Breakdowns[c.Item2]}{(c.Item3 < 0 ? "" : ", " + Breakdowns[c.Item3])})");
        output.WriteLine($"{cases} tables checked cell by cell");
    }

    [Fact]
    public void Two_chains_one_after_the_other_count_what_the_intersection_of_their_definitions_matches()
    {
        int cases = Deterministic.Sample(Gen.Select(AnyChain, AnyChain), c =>
        {
            var (a, b) = c;
            var first = Apply(a, Shipped.Register).Definition;
            var second = Apply(b, Shipped.Register).Definition;
            var both = Apply(b, Apply(a, Shipped.Register));
            var intersection = first.Intersect(second);
            return Matching(intersection) == both.Total().Value
                && AllContacts.Value.All(contact => intersection.Matches(contact) == (first.Matches(contact) && second.Matches(contact)))
                && second.Intersect(first) == intersection;
        }, seed: "3KpQe8vLm1Ra", cases: 100, print: c => $"{Print(c.Item1)} then {Print(c.Item2)}");
        output.WriteLine($"{cases} pairs of chains intersected");
    }

    [Fact]
    public void A_register_that_is_counted_has_the_definition_its_filters_say()
    {
        var register = Shipped.Register.Answered().On(Channel.Chat).From(Requester.Self, Requester.Professional).In(Period.Year(2020));
        Assert.Equal(Definition.All with
        {
            Outcomes = 1 << (int)Outcome.Answered,
            Channels = 1 << (int)Channel.Chat,
            Requesters = (1 << (int)Requester.Self) | (1 << (int)Requester.Professional),
            From = new DateOnly(2020, 1, 1),
            To = new DateOnly(2020, 12, 31),
        }, register.Definition);
        Assert.Equal("days 2020-01-01..2020-12-31; channel chat; outcome answered; requester self,professional", register.Definition.ToString());
        Assert.Equal(SensitiveAxes.Requester, register.Definition.Sensitive);
    }

    [Fact]
    public void Intersect_keeps_the_values_both_keep_and_the_days_both_cover()
    {
        var phoneOrChat = Definition.All with { Channels = 0b011, From = new DateOnly(2019, 1, 1), To = new DateOnly(2020, 6, 30) };
        var chatOrEmail = Definition.All with { Channels = 0b110, From = new DateOnly(2020, 1, 1) };
        var both = phoneOrChat.Intersect(chatOrEmail);
        Assert.Equal(Definition.All with { Channels = 0b010, From = new DateOnly(2020, 1, 1), To = new DateOnly(2020, 6, 30) }, both);
        Assert.Equal(both, chatOrEmail.Intersect(phoneOrChat));
        Assert.Equal(both, both.Intersect(both));
        Assert.Equal(both, both.Intersect(Definition.All));
        Assert.Equal(Definition.All, Definition.All.Intersect(Definition.All));
    }

    [Fact]
    public void Intersect_narrows_every_axis_of_the_contract()
    {
        var a = Definition.All with { Outcomes = 0b011, Requesters = 0b00_0111, Genders = 0b0011, AgeBands = 0x0F, Referrals = 0b11_0000, Callers = 0b011, Weekdays = 0b001_1111, Hours = 0x00_FF00 };
        var b = Definition.All with { Outcomes = 0b110, Requesters = 0b00_1100, Genders = 0b0110, AgeBands = 0x3C, Referrals = 0b01_1000, Callers = 0b110, Weekdays = 0b110_0001, Hours = 0x0F_F000 };
        var both = a.Intersect(b);
        Assert.Equal((0b010, 0b00_0100, 0b0010, 0x0C, 0b01_0000, 0b010, 0b000_0001, 0x00_F000),
            (both.Outcomes, both.Requesters, both.Genders, both.AgeBands, both.Referrals, both.Callers, both.Weekdays, (int)both.Hours));
        Assert.Equal(Definition.All.Channels, both.Channels);
        Assert.False(both.IsEmpty);
    }

    [Fact]
    public void Definitions_that_share_no_value_or_no_day_intersect_to_an_empty_one_that_matches_nothing()
    {
        var phone = Definition.All with { Channels = 1 << (int)Channel.Phone };
        var chat = Definition.All with { Channels = 1 << (int)Channel.Chat };
        Assert.True(phone.Intersect(chat).IsEmpty);
        var y2019 = Definition.All.Within(Period.Year(2019));
        var y2020 = Definition.All.Within(Period.Year(2020));
        var never = y2019.Intersect(y2020);
        Assert.True(never.IsEmpty);
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2019, 12, 31)), (never.From, never.To));
        Assert.Equal(0, Matching(phone.Intersect(chat)));
        Assert.Equal(0, Matching(never));
        Assert.Equal(0, Shipped.Register.In(Period.Year(2019)).In(Period.Year(2020)).Total().Value);
    }

    [Fact]
    public void Within_narrows_the_days_and_never_widens_them()
    {
        var y2020 = Definition.All.Within(Period.Year(2020));
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)), (y2020.From, y2020.To));
        Assert.Equal(y2020, y2020.Within(Period.Years(2019, 2021)));
        var march = y2020.Within(Period.Months(2020, 3, 2021, 6));
        Assert.Equal((new DateOnly(2020, 3, 1), new DateOnly(2020, 12, 31)), (march.From, march.To));
        Assert.Equal(march, Definition.All.Within(Period.Months(2020, 3, 2021, 6)).Within(Period.Year(2020)));
        Assert.Equal(Definition.All with { Channels = 0b001 }, (Definition.All with { Channels = 0b001 }).Within(Period.Year(2020)) with { From = null, To = null });
    }

    [Fact]
    public void Within_whole_months_is_not_sensitive_and_within_some_days_is()
    {
        Assert.False(Definition.All.Within(Period.Months(2019, 6, 2020, 11)).IsSensitive);
        Assert.False(Definition.All.Within(Period.Year(2020)).IsSensitive);
        var days = Definition.All.Within(Period.Between(new DateOnly(2020, 3, 2), new DateOnly(2020, 3, 31)));
        Assert.Equal(SensitiveAxes.Day, days.Sensitive);
        Assert.Equal(SensitiveAxes.Day, Definition.All.Within(Period.Between(new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 30))).Sensitive);
    }

    [Fact]
    public void An_opaque_predicate_stays_in_every_intersection_and_is_sensitive()
    {
        var where = Definition.All with { Opaque = "c => c.SourceLine > 10" };
        var both = where.Intersect(Definition.All with { Channels = 0b001, Opaque = "x" });
        Assert.Equal("c => c.SourceLine > 10 && x", both.Opaque);
        Assert.Equal(where.Opaque, Definition.All.Intersect(where).Opaque);
        Assert.True(both.Sensitive.HasFlag(SensitiveAxes.Opaque));
        // The gate cannot place its contacts: an opaque definition matches none of them.
        var register = Shipped.Register.Where(c => c.SourceLine > 10);
        Assert.Equal("c => c.SourceLine > 10", register.Definition.Opaque);
        Assert.Equal(0, Matching(register.Definition));
    }

    [Fact]
    public void Weekdays_start_on_Monday_and_hours_run_from_midnight_in_a_definition_as_on_the_axes()
    {
        var sundayNight = new Contact(new DateTime(2020, 3, 1, 23, 59, 0), Channel.Chat, Outcome.Closed);
        var mondayMidnight = sundayNight with { ReceivedAt = new DateTime(2020, 3, 2, 0, 0, 0) };
        var sunday = Definition.All with { Weekdays = 1 << 6 };
        var lateHour = Definition.All with { Hours = 1u << 23 };
        Assert.True(sunday.Matches(sundayNight));
        Assert.False(sunday.Matches(mondayMidnight));
        Assert.True(lateHour.Matches(sundayNight));
        Assert.False(lateHour.Matches(mondayMidnight));
        var register = Register.FromCleanRows([sundayNight, mondayMidnight]);
        Assert.Equal(register.OnDays(DayOfWeek.Sunday).AtHours(23, 24).Definition, sunday.Intersect(lateHour));
        Assert.Equal(1, register.OnDays(DayOfWeek.Sunday).AtHours(23, 24).Total().Value);
        Assert.Equal(["Monday", "Sunday"], register.CountBy(Breakdown.Weekday).Rows.Where(t => t.Value > 0).Select(t => t.RowKey));
    }
}
