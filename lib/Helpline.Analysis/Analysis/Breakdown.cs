using System.Globalization;

namespace Helpline.Analysis;

/// <summary>
/// An axis to count contacts along: by month, year, weekday or hour of arrival, or by one of the register's
/// categories. Time axes list every step of the register's scope, so months without contacts show as zero.
/// </summary>
public sealed class Breakdown
{
    private readonly Func<Period, Axis> _axis;

    private Breakdown(string name, Func<Period, Axis> axis)
    {
        Name = name;
        _axis = axis;
    }

    /// <summary>The column name the breakdown gives a table, e.g. <c>month</c>.</summary>
    public string Name { get; }

    /// <summary>Year and month of arrival, as <c>2020-03</c>.</summary>
    public static Breakdown Month { get; } = new("month", scope =>
    {
        int first = scope.Start.Year * 12 + scope.Start.Month - 1;
        int last = scope.End.Year * 12 + scope.End.Month - 1;
        var labels = Enumerable.Range(first, Math.Max(0, last - first + 1))
            .Select(m => $"{m / 12:D4}-{m % 12 + 1:D2}").ToArray();
        return new Axis(labels, (r, selected, into) => PlaceByStretch(r, selected, into, ticks =>
        {
            var day = new DateTime(ticks);
            var start = new DateTime(day.Year, day.Month, 1);
            return (day.Year * 12 + day.Month - 1 - first, start.Ticks, start.AddMonths(1).Ticks);
        }));
    });

    public static Breakdown Year { get; } = new("year", scope =>
    {
        int first = scope.Start.Year;
        var labels = Enumerable.Range(first, Math.Max(0, scope.End.Year - first + 1))
            .Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new Axis(labels, (r, selected, into) => PlaceByStretch(r, selected, into, ticks =>
        {
            int year = new DateTime(ticks).Year;
            return (year - first, new DateTime(year, 1, 1).Ticks, new DateTime(year + 1, 1, 1).Ticks);
        }));
    });

    /// <summary>Day of the week, Monday first.</summary>
    public static Breakdown Weekday { get; } = new("weekday", _ => new Axis(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        (r, selected, into) => PlaceEach(r.Ticks, selected, into, static ticks => (int)(ticks / TimeSpan.TicksPerDay % 7)))); // day 0 of DateTime was a Monday

    /// <summary>Hour of arrival, 0 to 23, as <c>15:00</c>.</summary>
    public static Breakdown Hour { get; } = new("hour", _ => new Axis(
        [.. Enumerable.Range(0, 24).Select(h => $"{h:D2}:00")],
        (r, selected, into) => PlaceEach(r.Ticks, selected, into, static ticks => (int)(ticks / TimeSpan.TicksPerHour % 24))));

    public static Breakdown Channel { get; } = Of("channel", Categories.Channels, r => r.Channel);

    public static Breakdown Outcome { get; } = Of("outcome", Categories.Outcomes, r => r.Outcome);

    public static Breakdown Requester { get; } = Of("requester", Categories.Requesters, r => r.Requester);

    public static Breakdown Gender { get; } = Of("gender", Categories.Genders, r => r.Gender);

    public static Breakdown AgeBand { get; } = Of("age_band", Categories.AgeBands, r => r.AgeBand);

    public static Breakdown Referral { get; } = Of("referral", Categories.Referrals, r => r.Referral);

    /// <summary>Whether a contact's caller key was seen before: <c>new</c>, <c>known</c> or <c>no key</c>.</summary>
    public static Breakdown Caller { get; } = new("caller", _ => new Axis(
        ["new", "known", "no key"],
        (r, selected, into) =>
        {
            for (int k = 0; k < into.Length; k++)
            {
                int p = selected is null ? k : selected[k];
                into[k] = r.Caller[p] < 0 ? 2 : r.NewCaller[p] ? 0 : 1;
            }
        }));

    internal Axis For(Period scope) => _axis(scope);

    public override string ToString() => Name;

    /// <param name="column">The category's column: one byte a contact.</param>
    private static Breakdown Of<T>(string name, CategoryTable<T> table, Func<RegisterColumns, byte[]> column) where T : struct, Enum
    {
        var values = table.Values;
        var labels = values.Select(table.Code).ToArray();
        var index = new int[256];
        Array.Fill(index, -1);
        for (int i = 0; i < values.Count; i++)
            index[Convert.ToInt32(values[i], CultureInfo.InvariantCulture)] = i;
        return new Breakdown(name, _ => new Axis(labels, (r, selected, into) =>
        {
            var bytes = column(r);
            for (int k = 0; k < into.Length; k++)
                into[k] = index[bytes[selected is null ? k : selected[k]]];
        }));
    }

    /// <summary>Each contact placed by its arrival alone.</summary>
    private static void PlaceEach(long[] ticks, int[]? selected, Span<int> into, Func<long, int> step)
    {
        for (int k = 0; k < into.Length; k++)
            into[k] = step(ticks[selected is null ? k : selected[k]]);
    }

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
    /// The labels of an axis in order, and how to place contacts on it: for the contact at each position of
    /// <c>selected</c> (null: every contact), its step (outside the axis: below 0 or past the end).
    /// </summary>
    internal sealed record Axis(string[] Labels, Axis.Placer Place)
    {
        internal delegate void Placer(RegisterColumns columns, int[]? selected, Span<int> into);
    }
}
