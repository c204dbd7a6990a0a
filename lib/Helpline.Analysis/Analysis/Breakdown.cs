using System.Globalization;

namespace Helpline.Analysis;

/// <summary>
/// An axis to count contacts along: by month, year, weekday or hour of arrival, or by one of the register's
/// categories. Time axes list every step of the register's scope, so months without contacts show as zero; category
/// axes list the values the register keeps (after <c>Referred()</c>, no <c>none</c> column). Each step knows which
/// contacts it holds, so every count of a table has a definition the release gate can reason about.
/// </summary>
public sealed class Breakdown
{
    private readonly Func<Period, Definition, Axis> _axis;

    private Breakdown(string name, Func<Period, Definition, Axis> axis)
    {
        Name = name;
        _axis = axis;
    }

    /// <summary>The column name the breakdown gives a table, e.g. <c>month</c>.</summary>
    public string Name { get; }

    /// <summary>Year and month of arrival, as <c>2020-03</c>.</summary>
    public static Breakdown Month { get; } = new("month", (scope, _) =>
    {
        int first = scope.Start.Year * 12 + scope.Start.Month - 1;
        int last = scope.End.Year * 12 + scope.End.Month - 1;
        var months = Enumerable.Range(first, Math.Max(0, last - first + 1)).ToArray();
        return new Axis(
            [.. months.Select(m => $"{m / 12:D4}-{m % 12 + 1:D2}")],
            [.. months.Select(m => Days(Period.Month(m / 12, m % 12 + 1).Intersect(scope)))],
            (r, selected, into) => PlaceByStretch(r, selected, into, ticks =>
            {
                var day = new DateTime(ticks);
                var start = new DateTime(day.Year, day.Month, 1);
                return (day.Year * 12 + day.Month - 1 - first, start.Ticks, start.AddMonths(1).Ticks);
            }));
    });

    public static Breakdown Year { get; } = new("year", (scope, _) =>
    {
        int first = scope.Start.Year;
        var years = Enumerable.Range(first, Math.Max(0, scope.End.Year - first + 1)).ToArray();
        return new Axis(
            [.. years.Select(y => y.ToString(CultureInfo.InvariantCulture))],
            [.. years.Select(y => Days(Period.Year(y).Intersect(scope)))],
            (r, selected, into) => PlaceByStretch(r, selected, into, ticks =>
            {
                int year = new DateTime(ticks).Year;
                return (year - first, new DateTime(year, 1, 1).Ticks, new DateTime(year + 1, 1, 1).Ticks);
            }));
    });

    /// <summary>Year and quarter of arrival, as <c>2020-Q1</c> (January to March); each step is three whole months.</summary>
    public static Breakdown Quarter { get; } = new("quarter", (scope, _) =>
    {
        int first = scope.Start.Year * 4 + (scope.Start.Month - 1) / 3;
        int last = scope.End.Year * 4 + (scope.End.Month - 1) / 3;
        var quarters = Enumerable.Range(first, Math.Max(0, last - first + 1)).ToArray();
        return new Axis(
            [.. quarters.Select(q => $"{q / 4:D4}-Q{q % 4 + 1}")],
            [.. quarters.Select(q => Days(Period.Months(q / 4, q % 4 * 3 + 1, q / 4, q % 4 * 3 + 3).Intersect(scope)))],
            (r, selected, into) => PlaceByStretch(r, selected, into, ticks =>
            {
                var day = new DateTime(ticks);
                var start = new DateTime(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
                return (day.Year * 4 + (day.Month - 1) / 3 - first, start.Ticks, start.AddMonths(3).Ticks);
            }));
    });

    /// <summary>
    /// ISO 8601 week of arrival, as <c>2020-W01</c>: Monday to Sunday, numbered in its ISO year, so a week may start in
    /// one month or year and end in the next (2019-W01 runs from 31 December 2018). The first and last week are cut to
    /// the register's scope. A cut finer than a month: a sensitive breakdown.
    /// </summary>
    public static Breakdown IsoWeek { get; } = new("iso_week", (scope, _) =>
    {
        if (scope.IsEmpty)
            return new Axis([], [], (_, _, into) => into.Fill(-1));
        int firstMonday = MondayOf(scope.Start.DayNumber);
        int weeks = (MondayOf(scope.End.DayNumber) - firstMonday) / 7 + 1;
        var mondays = Enumerable.Range(0, weeks).Select(w => DateOnly.FromDayNumber(firstMonday + 7 * w)).ToArray();
        return new Axis(
            [.. mondays.Select(m => $"{ISOWeek.GetYear(m.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(m.ToDateTime(TimeOnly.MinValue)):D2}")],
            [.. mondays.Select(m => Days(new Period(m, m.AddDays(6)).Intersect(scope)))],
            (r, selected, into) => PlaceByStretch(r, selected, into, ticks =>
            {
                int monday = MondayOf((int)(ticks / TimeSpan.TicksPerDay));
                return ((monday - firstMonday) / 7, monday * TimeSpan.TicksPerDay, (monday + 7) * TimeSpan.TicksPerDay);
            }));
    });

    /// <summary>The labels of <see cref="DayPart"/>, in order: six hours each from midnight.</summary>
    public static IReadOnlyList<string> DayParts { get; } = ["night", "morning", "afternoon", "evening"];

    /// <summary>
    /// Part of the day of arrival: <c>night</c> 00:00-06:00, <c>morning</c> 06:00-12:00, <c>afternoon</c> 12:00-18:00,
    /// <c>evening</c> 18:00-24:00. Each step is a set of hours (as <see cref="Register.AtHours"/>): a sensitive breakdown.
    /// </summary>
    public static Breakdown DayPart { get; } = new("day_part", (_, kept) =>
    {
        var parts = Enumerable.Range(0, 4).Where(p => (kept.Hours & DayPartHours(p)) != 0).ToArray();
        return Stepped(parts, p => DayParts[p], p => Definition.All with { Hours = DayPartHours(p) },
            static (r, p) => (int)(r.Ticks[p] / TimeSpan.TicksPerHour % 24) / 6);
    });

    /// <summary>Day of the week, Monday first.</summary>
    public static Breakdown Weekday { get; } = new("weekday", (_, kept) =>
    {
        var days = Enumerable.Range(0, 7).Where(d => Definition.Has(kept.Weekdays, d)).ToArray();
        return Stepped(days, d => Definition.WeekdayNames[d], d => Definition.All with { Weekdays = (byte)(1 << d) },
            static (r, p) => (int)(r.Ticks[p] / TimeSpan.TicksPerDay % 7)); // day 0 of DateTime was a Monday
    });

    /// <summary>Hour of arrival, 0 to 23, as <c>15:00</c>.</summary>
    public static Breakdown Hour { get; } = new("hour", (_, kept) =>
    {
        var hours = Enumerable.Range(0, 24).Where(h => (kept.Hours & (1u << h)) != 0).ToArray();
        return Stepped(hours, h => $"{h:D2}:00", h => Definition.All with { Hours = 1u << h },
            static (r, p) => (int)(r.Ticks[p] / TimeSpan.TicksPerHour % 24));
    });

    public static Breakdown Channel { get; } = Of("channel", Categories.Channels, r => r.Channel, d => d.Channels, (d, m) => d with { Channels = m });

    public static Breakdown Outcome { get; } = Of("outcome", Categories.Outcomes, r => r.Outcome, d => d.Outcomes, (d, m) => d with { Outcomes = m });

    public static Breakdown Requester { get; } = Of("requester", Categories.Requesters, r => r.Requester, d => d.Requesters, (d, m) => d with { Requesters = m });

    public static Breakdown Gender { get; } = Of("gender", Categories.Genders, r => r.Gender, d => d.Genders, (d, m) => d with { Genders = m });

    public static Breakdown AgeBand { get; } = Of("age_band", Categories.AgeBands, r => r.AgeBand, d => d.AgeBands, (d, m) => d with { AgeBands = m });

    public static Breakdown Referral { get; } = Of("referral", Categories.Referrals, r => r.Referral, d => d.Referrals, (d, m) => d with { Referrals = m });

    /// <summary>Whether a contact's caller key was seen before: <c>new</c>, <c>known</c> or <c>no key</c>.</summary>
    public static Breakdown Caller { get; } = new("caller", (_, kept) =>
    {
        var classes = Enumerable.Range(0, 3).Where(c => Definition.Has(kept.Callers, c)).ToArray();
        return Stepped(classes, c => Definition.CallerClasses[c], c => Definition.All with { Callers = (byte)(1 << c) },
            static (r, p) => CallerClass(r, p));
    });

    internal Axis For(Period scope, Definition kept) => _axis(scope, kept);

    public override string ToString() => Name;

    /// <summary>0 new, 1 known, 2 no key.</summary>
    internal static int CallerClass(RegisterColumns r, int p) => r.Caller[p] < 0 ? 2 : r.NewCaller[p] ? 0 : 1;

    /// <param name="column">The category's column: one byte a contact.</param>
    private static Breakdown Of<T>(string name, CategoryTable<T> table, Func<RegisterColumns, byte[]> column,
        Func<Definition, byte> mask, Func<Definition, byte, Definition> keep) where T : struct, Enum =>
        new(name, (_, kept) =>
        {
            var codes = table.Values.Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture))
                .Where(code => Definition.Has(mask(kept), code)).ToArray();
            var byCode = codes.ToDictionary(c => c, c => table.Code((T)Enum.ToObject(typeof(T), c)));
            var index = Index(codes);
            return new Axis([.. codes.Select(c => byCode[c])], [.. codes.Select(c => keep(Definition.All, (byte)(1 << c)))], (r, selected, into) =>
            {
                var bytes = column(r);
                for (int k = 0; k < into.Length; k++)
                    into[k] = index[bytes[selected is null ? k : selected[k]]];
            });
        });

    /// <summary>An axis over a few values of a small code: each contact placed by its code.</summary>
    private static Axis Stepped(int[] codes, Func<int, string> label, Func<int, Definition> step, Func<RegisterColumns, int, int> codeOf)
    {
        var index = Index(codes);
        return new Axis([.. codes.Select(label)], [.. codes.Select(step)], (r, selected, into) =>
        {
            for (int k = 0; k < into.Length; k++)
                into[k] = index[codeOf(r, selected is null ? k : selected[k])];
        });
    }

    /// <summary>For each code (0-255), its step on the axis, or -1.</summary>
    private static int[] Index(int[] codes)
    {
        var index = new int[256];
        Array.Fill(index, -1);
        for (int i = 0; i < codes.Length; i++)
            index[codes[i]] = i;
        return index;
    }

    /// <summary>Hours 6p to 6p + 6 as a mask (bit h: hour h).</summary>
    private static uint DayPartHours(int part) => 0b11_1111u << (6 * part);

    /// <summary>The day number of the Monday of a day's week (day number 0, 1 January 0001, was a Monday).</summary>
    private static int MondayOf(int dayNumber) => dayNumber - dayNumber % 7;

    private static Definition Days(Period days) => Definition.All with { From = days.Start, To = days.End };

    /// <summary>
    /// For axes whose steps are stretches of time (months, years): contacts come in order of arrival, so the step is
    /// worked out once a stretch and each contact only compared with the stretch's ends.
    /// </summary>
    private static void PlaceByStretch(RegisterColumns r, int[]? selected, Span<int> into, Func<long, (int Step, long From, long To)> stretchOf)
    {
        var ticks = r.Ticks;
        int step = -1;
        long from = long.MaxValue, to = long.MinValue;
        for (int k = 0; k < into.Length; k++)
        {
            long t = ticks[selected is null ? k : selected[k]];
            if (t < from || t >= to)
                (step, from, to) = stretchOf(t);
            into[k] = step;
        }
    }

    /// <summary>
    /// The labels of an axis in order, which contacts each step holds, and how to place contacts on it: for the contact
    /// at each position of <c>selected</c> (null: every contact), its step (outside the axis: below 0 or past the end).
    /// </summary>
    internal sealed record Axis(string[] Labels, Definition[] Steps, Axis.Placer Place)
    {
        internal delegate void Placer(RegisterColumns columns, int[]? selected, Span<int> into);
    }
}
