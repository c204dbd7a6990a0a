using CsCheck;
using Xunit.Abstractions;

namespace Helpline.Analysis.Tests.Analysis;

/// <summary>The register counts over columns and views; these check it against counting the contacts one by one.</summary>
public class RegisterPropertyTests(ITestOutputHelper output)
{
    private static readonly Gen<Contact> AnyContact =
        Gen.Select(Gen.Int[0, 4 * 365 * 24 * 60], Gen.Enum<Channel>(), Gen.Enum<Outcome>(), Gen.Enum<Requester>(), Gen.Enum<Gender>(),
                Gen.Enum<AgeBand>(), Gen.Enum<Referral>(), Gen.Int[-1, 40])
            .Select((minute, channel, outcome, requester, gender, age, referral, caller) => new Contact(
                new DateTime(2017, 5, 1).AddMinutes(minute), channel, outcome, requester, gender, age, referral,
                CallerKey: caller < 0 ? null : $"k{caller}"));

    private static readonly Breakdown[] Breakdowns =
    [
        Breakdown.Month, Breakdown.Year, Breakdown.Weekday, Breakdown.Hour, Breakdown.Channel, Breakdown.Outcome,
        Breakdown.Requester, Breakdown.Gender, Breakdown.AgeBand, Breakdown.Referral, Breakdown.Caller,
    ];

    /// <summary>Where a contact falls on a breakdown, worked out from the contact alone.</summary>
    private static string Step(Breakdown breakdown, Contact c) => breakdown.Name switch
    {
        "month" => $"{c.ReceivedAt:yyyy-MM}",
        "year" => $"{c.ReceivedAt:yyyy}",
        "weekday" => c.ReceivedAt.DayOfWeek.ToString(),
        "hour" => $"{c.ReceivedAt.Hour:D2}:00",
        "channel" => c.Channel.Code(),
        "outcome" => c.Outcome.Code(),
        "requester" => c.Requester.Code(),
        "gender" => c.Gender.Code(),
        "age_band" => c.AgeBand.Code(),
        "referral" => c.Referral.Code(),
        _ => c.CallerKey is null ? "no key" : c.IsNewCaller ? "new" : "known",
    };

    [Fact]
    public void Counts_by_every_breakdown_of_any_filtered_view_agree_with_counting_contact_by_contact()
    {
        var view = Gen.Select(Gen.Int[0, 5], Gen.Enum<Channel>(), Gen.Int[2017, 2021], Gen.Int[1, 12], Gen.Int[0, 30]);
        int cases = Deterministic.Sample(Gen.Select(AnyContact.List[0, 400], view), c =>
        {
            var (contacts, v) = c;
            var register = Register.FromCleanRows(contacts);
            var period = Period.Months(v.Item3, v.Item4, v.Item3 + v.Item5 / 12, Math.Min(12, v.Item4 + v.Item5 % 12));
            var filtered = v.Item1 switch
            {
                0 => register,
                1 => register.Answered(),
                2 => register.Missed().On(v.Item2),
                3 => register.In(period),
                4 => register.On(v.Item2).In(period).Referred(),
                _ => register.Answered().In(period).In(Period.Year(v.Item3)),
            };
            var expected = register.AsEnumerable().Where(c => v.Item1 switch
            {
                0 => true,
                1 => c.Outcome == Outcome.Answered,
                2 => c.IsMissed && c.Channel == v.Item2,
                3 => period.Contains(DateOnly.FromDateTime(c.ReceivedAt)),
                4 => c.Channel == v.Item2 && period.Contains(DateOnly.FromDateTime(c.ReceivedAt)) && c.Referral != Referral.None,
                _ => c.Outcome == Outcome.Answered && period.Contains(DateOnly.FromDateTime(c.ReceivedAt)) && c.ReceivedAt.Year == v.Item3,
            }).ToList();
            if (!filtered.Select(c => c.SourceLine + c.ReceivedAt.Ticks).SequenceEqual(expected.Select(c => c.SourceLine + c.ReceivedAt.Ticks)))
                return false;
            foreach (var breakdown in Breakdowns)
            {
                var table = filtered.CountBy(breakdown);
                var labels = table.RowKeys.ToList();
                var counts = table.Rows.Select(t => t.Value).ToList();
                var naive = expected.GroupBy(c => Step(breakdown, c)).ToDictionary(g => g.Key, g => g.Count());
                if (naive.Keys.Any(k => !labels.Contains(k)) || labels.Select((l, i) => counts[i] != naive.GetValueOrDefault(l)).Any(bad => bad))
                    return false;
            }
            return filtered.Total().Value == expected.Count && filtered.CountCallers().Value == expected.Select(c => c.CallerKey).OfType<string>().Distinct().Count();
        }, seed: "0N0XIzNsQ0O2", cases: 400, print: c => $"{c.Item1.Count} contacts, view {c.Item2}");
        output.WriteLine($"{cases} registers and views counted");
        Assert.Equal(400, cases);
    }
}
