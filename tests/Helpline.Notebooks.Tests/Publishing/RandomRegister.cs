using System.Globalization;
using System.Text;
using Helpline.Analysis;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>
/// Seeded random contact registers that follow the data contract, written as <c>data/register/contacts.csv</c> is:
/// 20-300 rows over several years, months with a single contact, rare categories, repeat and keyless callers.
/// Answered and busy phone and chat contacts start inside the opening hours of their date, closed ones outside;
/// e-mail is always answered; busy and closed contacts have unknown requester, gender and age and no referral;
/// chat only once it has opening hours.
/// </summary>
internal static class RandomRegister
{
    private static readonly DateOnly First = new(2017, 5, 19);
    private static readonly DateOnly Last = new(2023, 12, 31);

    private static readonly (string Value, double Weight)[] Requesters =
        [("self", 50), ("close_environment", 25), ("wider_environment", 3), ("professional", 8), ("other", 6), ("unknown", 8)];

    private static readonly (string Value, double Weight)[] Genders = [("male", 60), ("female", 25), ("other", 2), ("unknown", 13)];

    private static readonly (string Value, double Weight)[] AgeBands =
        [("<18", 2), ("18-25", 10), ("26-35", 18), ("36-45", 18), ("46-55", 12), ("56-65", 6), ("65+", 2), ("unknown", 32)];

    private static readonly (string Value, double Weight)[] Referrals =
        [("none", 80), ("specialised_centre", 9), ("private_therapist", 5), ("victim_support", 2), ("relationship_therapy", 2), ("other", 2)];

    /// <summary>Writes the register of <paramref name="seed"/> to <paramref name="path"/>; the same seed always gives the same bytes.</summary>
    public static void Write(int seed, string path)
    {
        var random = new Random(seed);
        var slots = OpeningSlots();
        int count = random.Next(20, 301);
        var start = First.AddDays(random.Next(0, 365 * 2));
        var end = start.AddDays(365 * random.Next(2, 6) + random.Next(0, 365));
        if (end > Last)
            end = Last;
        // A heavy-tailed weight per month: a few busy months, many with one contact or none.
        var months = new List<DateOnly>();
        for (var m = new DateOnly(start.Year, start.Month, 1); m <= end; m = m.AddMonths(1))
            months.Add(m);
        var monthWeights = months.Select(_ => Math.Exp(2.0 * Normal(random))).ToArray();
        var keys = Enumerable.Range(0, Math.Max(3, count / 3)).Select(_ => "k" + Convert.ToHexStringLower(RandomBytes(random, 6))).ToArray();

        var rows = new List<(DateTime At, string Line)>();
        while (rows.Count < count)
        {
            var month = months[Pick(random, monthWeights)];
            var days = Enumerable.Range(0, DateTime.DaysInMonth(month.Year, month.Month))
                .Select(month.AddDays).Where(d => d >= start && d <= end).ToArray();
            if (days.Length == 0)
                continue;
            var day = days[random.Next(days.Length)];
            string channel = random.NextDouble() switch
            {
                < 0.15 => "email",
                < 0.45 when day >= new DateOnly(2019, 6, 1) => "chat",
                _ => "phone",
            };
            string outcome = channel == "email" ? "answered" : random.NextDouble() switch
            {
                < 0.45 => "answered",
                < 0.55 => "busy",
                _ => "closed",
            };
            DateTime at;
            if (channel == "email")
            {
                at = day.ToDateTime(new TimeOnly(random.Next(24), random.Next(60)));
            }
            else if (outcome == "closed")
            {
                at = day.ToDateTime(new TimeOnly(random.Next(24), random.Next(60)));
                if (IsOpen(slots, channel, at))
                    continue;
            }
            else
            {
                var open = days.SelectMany(d => slots.Where(s => s.Channel == channel && s.Day == d.DayOfWeek && s.From <= d && d <= s.To)
                    .Select(s => (Day: d, s.Opens, s.Closes))).ToArray();
                if (open.Length == 0)
                    continue;
                var (openDay, opens, closes) = open[random.Next(open.Length)];
                at = openDay.ToDateTime(opens).AddMinutes(random.Next((int)(closes - opens).TotalMinutes));
            }
            // Local times that a clock change skips or repeats are a loader's business, not this test's.
            if (at.Month is 3 or 10 && at.DayOfWeek == DayOfWeek.Sunday && at.Day > 24 && at.Hour is 2)
                continue;
            bool answered = outcome == "answered";
            string requester = answered ? Choose(random, Requesters) : "unknown";
            string gender = answered ? Choose(random, Genders) : "unknown";
            string age = answered ? Choose(random, AgeBands) : "unknown";
            string referral = answered ? Choose(random, Referrals) : "none";
            string key = random.NextDouble() < 0.1 ? "" : keys[Pick(random, [.. keys.Select((_, i) => 1.0 / (i + 1))])];
            rows.Add((at, $"{at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)},{channel},{outcome},{requester},{gender},{age},{key},{referral}"));
        }

        var text = new StringBuilder("contact_id,received_at,channel,outcome,requester,gender,age_band,caller_key,referral\n");
        int id = 0;
        foreach (var (_, line) in rows.OrderBy(r => r.At))
            text.Append(CultureInfo.InvariantCulture, $"R{seed:D4}-{++id:D3},{line}\n");
        File.WriteAllText(path, text.ToString());
    }

    private static List<(string Channel, DayOfWeek Day, TimeOnly Opens, TimeOnly Closes, DateOnly From, DateOnly To)> OpeningSlots()
    {
        var slots = new List<(string, DayOfWeek, TimeOnly, TimeOnly, DateOnly, DateOnly)>();
        foreach (var line in File.ReadAllLines(DataPaths.Default.OpeningHours).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            slots.Add((f[0], Enum.Parse<DayOfWeek>(f[1]), TimeOnly.Parse(f[2], CultureInfo.InvariantCulture), TimeOnly.Parse(f[3], CultureInfo.InvariantCulture),
                DateOnly.Parse(f[4], CultureInfo.InvariantCulture), f[5].Length == 0 ? DateOnly.MaxValue : DateOnly.Parse(f[5], CultureInfo.InvariantCulture)));
        }
        return slots;
    }

    private static bool IsOpen(List<(string Channel, DayOfWeek Day, TimeOnly Opens, TimeOnly Closes, DateOnly From, DateOnly To)> slots, string channel, DateTime at)
    {
        var day = DateOnly.FromDateTime(at);
        var time = TimeOnly.FromDateTime(at);
        return slots.Any(s => s.Channel == channel && s.Day == at.DayOfWeek && s.From <= day && day <= s.To && s.Opens <= time && time < s.Closes);
    }

    private static string Choose(Random random, (string Value, double Weight)[] values) =>
        values[Pick(random, [.. values.Select(v => v.Weight)])].Value;

    private static int Pick(Random random, double[] weights)
    {
        double x = random.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
                return i;
        }
        return weights.Length - 1;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
