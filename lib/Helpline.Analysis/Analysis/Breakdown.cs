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
        return new Axis(labels, (r, i) =>
        {
            var day = new DateTime(r.Ticks[i]);
            return day.Year * 12 + day.Month - 1 - first;
        });
    });

    public static Breakdown Year { get; } = new("year", scope =>
    {
        int first = scope.Start.Year;
        var labels = Enumerable.Range(first, Math.Max(0, scope.End.Year - first + 1))
            .Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new Axis(labels, (r, i) => new DateTime(r.Ticks[i]).Year - first);
    });

    /// <summary>Day of the week, Monday first.</summary>
    public static Breakdown Weekday { get; } = new("weekday", _ => new Axis(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        (r, i) => ((int)new DateTime(r.Ticks[i]).DayOfWeek + 6) % 7));

    /// <summary>Hour of arrival, 0 to 23, as <c>15:00</c>.</summary>
    public static Breakdown Hour { get; } = new("hour", _ => new Axis(
        [.. Enumerable.Range(0, 24).Select(h => $"{h:D2}:00")],
        (r, i) => (int)(r.Ticks[i] / TimeSpan.TicksPerHour % 24)));

    public static Breakdown Channel { get; } = Of("channel", Categories.Channels, r => r.Channel);

    public static Breakdown Outcome { get; } = Of("outcome", Categories.Outcomes, r => r.Outcome);

    public static Breakdown Requester { get; } = Of("requester", Categories.Requesters, r => r.Requester);

    public static Breakdown Gender { get; } = Of("gender", Categories.Genders, r => r.Gender);

    public static Breakdown AgeBand { get; } = Of("age_band", Categories.AgeBands, r => r.AgeBand);

    public static Breakdown Referral { get; } = Of("referral", Categories.Referrals, r => r.Referral);

    /// <summary>Whether a missed contact's caller key was seen before: <c>new</c>, <c>known</c> or <c>no key</c>.</summary>
    public static Breakdown Caller { get; } = new("caller", _ => new Axis(
        ["new", "known", "no key"],
        (r, i) => r.Caller[i] < 0 ? 2 : r.NewCaller[i] ? 0 : 1));

    internal Axis For(Period scope) => _axis(scope);

    public override string ToString() => Name;

    /// <param name="column">The category's column: one byte a contact.</param>
    private static Breakdown Of<T>(string name, CategoryTable<T> table, Func<RegisterColumns, byte[]> column) where T : struct, Enum
    {
        var values = table.Values;
        var labels = values.Select(table.Code).ToArray();
        var index = new int[values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];
        for (int i = 0; i < values.Count; i++)
            index[Convert.ToInt32(values[i], CultureInfo.InvariantCulture)] = i;
        return new Breakdown(name, _ => new Axis(labels, (r, i) => index[column(r)[i]]));
    }

    /// <summary>The labels of an axis in order, and where the contact at a position falls on it (outside: below 0 or past the end).</summary>
    internal sealed record Axis(string[] Labels, Func<RegisterColumns, int, int> IndexAt);
}
