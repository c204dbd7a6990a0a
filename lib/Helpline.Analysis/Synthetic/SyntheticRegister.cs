using System.Globalization;
using System.Text;

namespace Helpline.Analysis;

/// <summary>
/// Makes the synthetic register the repository ships in place of the confidential one (data contract,
/// section 6): May 2017 to December 2023, from a fixed seed, with the totals of <see cref="CalibrationPlan"/>
/// exact and a plausible month-by-month shape. Answered and busy phone and chat contacts fall inside opening
/// hours, closed ones outside.
/// </summary>
public static class SyntheticRegister
{
    /// <summary>Keys of the published figures the synthetic data reproduces (see data/published/figures.csv).</summary>
    public static IReadOnlyList<string> CalibratedFigureKeys => CalibrationPlan.CalibratedFigureKeys;

    public static SyntheticData Generate(OpeningHours openingHours, SyntheticOptions options = default)
    {
        options = options == default ? new SyntheticOptions() : options;
        var random = new Random(options.Seed);
        var contacts = new List<Contact>();
        var months = Months(CalibrationPlan.Start, CalibrationPlan.End).ToList();

        foreach (var (year, plan) in CalibrationPlan.Answered)
        {
            var yearMonths = months.Where(m => m.Year == year).ToList();
            var answered = new List<Contact>();
            foreach (var (channel, total) in new[] { (Channel.Phone, plan.Phone), (Channel.Chat, plan.Chat), (Channel.Email, plan.Email) })
            {
                var channelMonths = yearMonths.Where(m => channel != Channel.Chat || m >= CalibrationPlan.ChatStart).ToList();
                var perMonth = Apportion.Split(total, [.. channelMonths.Select(m => CalibrationPlan.Interest(m.Year, m.Month) * Ramp(channel, m))]);
                for (int i = 0; i < channelMonths.Count; i++)
                {
                    for (int k = 0; k < perMonth[i]; k++)
                        answered.Add(new Contact(Moment(random, openingHours, channel, channelMonths[i], open: true), channel, Outcome.Answered));
                }
            }
            AssignRequesters(random, answered, CalibrationPlan.Requesters[year]);
            AssignReferrals(random, answered, CalibrationPlan.Referrals[year]);
            contacts.AddRange(answered.Select(c => WithProfile(random, c)));
        }

        foreach (var window in CalibrationPlan.Missed)
        {
            var windowMonths = months.Where(m => m >= new DateOnly(window.From.Year, window.From.Month, 1) && m <= window.To).ToList();
            foreach (var (channel, outcome, total) in new[]
            {
                (Channel.Phone, Outcome.Busy, window.PhoneBusy), (Channel.Phone, Outcome.Closed, window.PhoneClosed),
                (Channel.Chat, Outcome.Busy, window.ChatBusy), (Channel.Chat, Outcome.Closed, window.ChatClosed),
            })
            {
                var perMonth = Apportion.Split(total, [.. windowMonths.Select(m => CalibrationPlan.Interest(m.Year, m.Month) * Ramp(channel, m))]);
                for (int i = 0; i < windowMonths.Count; i++)
                {
                    for (int k = 0; k < perMonth[i]; k++)
                        contacts.Add(new Contact(Moment(random, openingHours, channel, windowMonths[i], open: outcome == Outcome.Busy), channel, outcome));
                }
            }
        }

        var ordered = contacts.Select((c, i) => (c, i)).OrderBy(p => p.c.ReceivedAt).ThenBy(p => p.i).Select(p => p.c).ToList();
        AssignCallerKeys(random, ordered);
        return new SyntheticData(ordered, WebVisits());
    }

    /// <summary>Writes the register and web statistics as the canonical CSV the loaders read (UTF-8, LF, comma).</summary>
    public static void Write(SyntheticData data, string registerPath, string webVisitsPath)
    {
        File.WriteAllText(registerPath, RegisterText(data.Contacts), new UTF8Encoding(false));
        File.WriteAllText(webVisitsPath, WebVisitsText(data.Visits), new UTF8Encoding(false));
    }

    /// <summary>
    /// Writes a register of exactly <paramref name="rows"/> rows with the shape of <paramref name="data"/>: each row
    /// is repeated as often as needed (spread evenly over the period), each copy with its own contact id and caller key,
    /// so the monthly shape, the channel mix and the share of new numbers stay as they are. For benchmarks.
    /// </summary>
    public static void WriteScaled(SyntheticData data, long rows, TextWriter writer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var contacts = data.Contacts;
        writer.Write("contact_id,received_at,channel,outcome,requester,gender,age_band,caller_key,referral\n");
        var line = new StringBuilder();
        for (int i = 0; i < contacts.Count; i++)
        {
            long copies = (i + 1) * rows / contacts.Count - i * rows / contacts.Count;
            var c = contacts[i];
            for (long copy = 0; copy < copies; copy++)
            {
                var suffix = copy == 0 ? "" : "-" + copy.ToString(CultureInfo.InvariantCulture);
                line.Clear().Append(ContactId(i)).Append(suffix).Append(',')
                    .Append(c.ReceivedAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)).Append(',')
                    .Append(c.Channel.Code()).Append(',').Append(c.Outcome.Code()).Append(',')
                    .Append(c.Requester.Code()).Append(',').Append(c.Gender.Code()).Append(',')
                    .Append(c.AgeBand.Code()).Append(',').Append(c.CallerKey).Append(suffix).Append(',')
                    .Append(c.Referral.Code()).Append('\n');
                writer.Write(line);
            }
        }
    }

    /// <summary>The contact id the generator gives the contact at <paramref name="index"/> of its list: <c>C000001</c> for the first.</summary>
    public static string ContactId(int index) => $"C{index + 1:D6}";

    public static string RegisterText(IEnumerable<Contact> contacts)
    {
        var text = new StringBuilder("contact_id,received_at,channel,outcome,requester,gender,age_band,caller_key,referral\n");
        int i = 0;
        foreach (var c in contacts)
        {
            text.Append(ContactId(i++)).Append(',')
                .Append(c.ReceivedAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)).Append(',')
                .Append(c.Channel.Code()).Append(',').Append(c.Outcome.Code()).Append(',')
                .Append(c.Requester.Code()).Append(',').Append(c.Gender.Code()).Append(',')
                .Append(c.AgeBand.Code()).Append(',').Append(c.CallerKey).Append(',')
                .Append(c.Referral.Code()).Append('\n');
        }
        return text.ToString();
    }

    public static string WebVisitsText(IEnumerable<WebVisits> visits)
    {
        var text = new StringBuilder("month,site,visitors,returning_visitors\n");
        foreach (var v in visits)
        {
            text.Append(v.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Append(',').Append(v.Site.Code()).Append(',')
                .Append(v.Visitors.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(v.ReturningVisitors?.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    private static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
            yield return m;
    }

    /// <summary>The chat grew over its first months; nothing else ramps.</summary>
    private static double Ramp(Channel channel, DateOnly month)
    {
        if (channel != Channel.Chat)
            return 1;
        int age = (month.Year - 2019) * 12 + month.Month - 6;
        return age < 0 ? 0 : Math.Min(1, 0.5 + age * 0.1);
    }

    private static readonly double[] PhoneHours = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2.5, 2, 1.5, 1.2, 0.8, 0.4];
    private static readonly double[] OnlineHours = [0.6, 0.4, 0.3, 0.2, 0.2, 0.2, 0.3, 0.6, 1, 1.5, 1.8, 2, 2, 2, 2, 2, 2, 2, 2.2, 2.5, 2.8, 2.8, 2.2, 1.2];

    /// <summary>A minute in the month: inside an opening slot when <paramref name="open"/>, else outside (e-mail: any time).</summary>
    private static DateTime Moment(Random random, OpeningHours hours, Channel channel, DateOnly month, bool open)
    {
        var first = month < CalibrationPlan.Start ? CalibrationPlan.Start : month;
        var last = month.AddMonths(1).AddDays(-1);
        int days = last.DayNumber - first.DayNumber + 1;
        if (open && channel != Channel.Email)
        {
            var slots = Enumerable.Range(0, days).Select(first.AddDays)
                .SelectMany(d => hours.SlotsOn(channel, d).Select(s => (Day: d, Slot: s))).ToList();
            if (slots.Count == 0)
                throw new InvalidOperationException($"No {channel.Code()} opening hours in {month:yyyy-MM}.");
            var weights = slots.Select(s => (s.Slot.Closes - s.Slot.Opens).TotalMinutes).ToList();
            var (day, slot) = slots[Pick(random, weights)];
            int minutes = (int)(slot.Closes - slot.Opens).TotalMinutes;
            return day.ToDateTime(slot.Opens.AddMinutes(random.Next(minutes)));
        }
        var hourWeights = channel == Channel.Phone ? PhoneHours : OnlineHours;
        while (true)
        {
            var moment = first.AddDays(random.Next(days)).ToDateTime(new TimeOnly(Pick(random, hourWeights), random.Next(60)));
            if (channel == Channel.Email || !hours.IsOpen(channel, moment))
                return moment;
        }
    }

    private static int Pick(Random random, IReadOnlyList<double> weights)
    {
        double x = random.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
                return i;
        }
        return weights.Count - 1;
    }

    private static void AssignRequesters(Random random, List<Contact> answered, int[] counts)
    {
        Requester[] order = [Requester.Self, Requester.CloseEnvironment, Requester.WiderEnvironment, Requester.Professional, Requester.Other];
        if (counts.Sum() != answered.Count)
            throw new InvalidOperationException($"The requester plan adds up to {counts.Sum()}, not the {answered.Count} answered contacts of the year.");
        var labels = order.SelectMany((r, i) => Enumerable.Repeat(r, counts[i])).ToArray();
        random.Shuffle(labels);
        for (int i = 0; i < answered.Count; i++)
            answered[i] = answered[i] with { Requester = labels[i] };
    }

    private static void AssignReferrals(Random random, List<Contact> answered, (int All, int Self) plan)
    {
        var self = answered.Select((c, i) => (c, i)).Where(p => p.c.Requester == Requester.Self).Select(p => p.i).ToArray();
        var others = answered.Select((c, i) => (c, i)).Where(p => p.c.Requester != Requester.Self).Select(p => p.i).ToArray();
        random.Shuffle(self);
        random.Shuffle(others);
        foreach (int i in self.Take(plan.Self).Concat(others.Take(plan.All - plan.Self)))
        {
            var destinations = answered[i].Requester switch
            {
                Requester.Self => new[] { (Referral.SpecialisedCentre, 0.70), (Referral.PrivateTherapist, 0.25), (Referral.Other, 0.05) },
                Requester.Professional => [(Referral.SpecialisedCentre, 0.6), (Referral.Other, 0.4)],
                Requester.Other => [(Referral.PrivateTherapist, 0.4), (Referral.Other, 0.6)],
                _ => [(Referral.VictimSupport, 0.35), (Referral.RelationshipTherapy, 0.2), (Referral.PrivateTherapist, 0.25), (Referral.SpecialisedCentre, 0.1), (Referral.Other, 0.1)],
            };
            answered[i] = answered[i] with { Referral = destinations[Pick(random, [.. destinations.Select(d => d.Item2)])].Item1 };
        }
    }

    /// <summary>Gender and age, which the anonymous line records only when the caller says (answer 1c).</summary>
    private static Contact WithProfile(Random random, Contact contact)
    {
        var gender = random.NextDouble() < 0.45 ? new[] { Gender.Male, Gender.Female, Gender.Other }[Pick(random, [0.78, 0.20, 0.02])] : Gender.Unknown;
        var age = random.NextDouble() < 0.35 ? (AgeBand)Pick(random, [0.04, 0.22, 0.25, 0.21, 0.15, 0.09, 0.04]) : AgeBand.Unknown;
        return contact with { Gender = gender, AgeBand = age };
    }

    /// <summary>
    /// Pseudonymous caller keys. Of the missed phone contacts of answer 2, exactly 60% (to the contact) come from a
    /// key no earlier row has; the others reuse an earlier key, as a caller trying again would.
    /// </summary>
    private static void AssignCallerKeys(Random random, List<Contact> ordered)
    {
        bool InAnswer2(Contact c) => c.Channel == Channel.Phone && c.IsMissed && DateOnly.FromDateTime(c.ReceivedAt) <= CalibrationPlan.Answer2End;
        int remaining = ordered.Count(InAnswer2);
        int newQuota = (int)Math.Round(remaining * CalibrationPlan.NewNumberShare, MidpointRounding.AwayFromZero);
        var seen = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);

        string Fresh()
        {
            string key;
            do
                key = "k" + random.NextInt64(0x1000_0000_0000, 0xFFFF_FFFF_FFFF).ToString("x12", CultureInfo.InvariantCulture);
            while (!used.Add(key));
            seen.Add(key);
            return key;
        }

        for (int i = 0; i < ordered.Count; i++)
        {
            var c = ordered[i];
            bool isNew;
            if (InAnswer2(c))
            {
                isNew = seen.Count == 0 || newQuota == remaining || (newQuota > 0 && random.NextDouble() < (double)newQuota / remaining);
                remaining--;
                if (isNew)
                    newQuota--;
            }
            else
            {
                double pNew = c.Channel switch { Channel.Email => 0.85, Channel.Chat => 0.75, _ => c.IsMissed ? 0.6 : 0.7 };
                isNew = seen.Count == 0 || random.NextDouble() < pNew;
            }
            ordered[i] = c with { CallerKey = isNew ? Fresh() : seen[random.Next(seen.Count)] };
        }
    }

    /// <summary>The web series is shaped by the plan alone: it needs no randomness to come out exact.</summary>
    private static List<WebVisits> WebVisits()
    {
        var visits = new List<WebVisits>();
        foreach (var (year, total) in CalibrationPlan.Website)
        {
            var yearMonths = Months(CalibrationPlan.Start, CalibrationPlan.End).Where(m => m.Year == year).ToList();
            var perMonth = Apportion.Split(total, [.. yearMonths.Select(m => CalibrationPlan.WebInterest(m.Year, m.Month) * (1 + (m.Year - 2017) * 0.02 * m.Month / 12.0))]);
            visits.AddRange(yearMonths.Select((m, i) => new WebVisits(m, Site.Website, perMonth[i], null)));
        }
        foreach (var (from, to, total, returning) in CalibrationPlan.SelfHelp)
        {
            var windowMonths = Months(from, to).ToList();
            var weights = windowMonths.Select(m => (m == new DateOnly(2018, 12, 1) ? 18.0 / 31 * 3 : 1.0) * CalibrationPlan.WebInterest(m.Year, m.Month)).ToList();
            var perMonth = Apportion.Split(total, weights);
            var returningPerMonth = Apportion.Split(returning, [.. perMonth.Select((v, i) => (double)v * Math.Min(1, (i + 2) / 6.0))]);
            visits.AddRange(windowMonths.Select((m, i) => new WebVisits(m, Site.SelfHelp, perMonth[i], Math.Min(returningPerMonth[i], perMonth[i]))));
        }
        return [.. visits.OrderBy(v => v.Month).ThenBy(v => v.Site)];
    }
}
