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
        return new Axis(labels, c => c.ReceivedAt.Year * 12 + c.ReceivedAt.Month - 1 - first);
    });

    public static Breakdown Year { get; } = new("year", scope =>
    {
        int first = scope.Start.Year;
        var labels = Enumerable.Range(first, Math.Max(0, scope.End.Year - first + 1))
            .Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new Axis(labels, c => c.ReceivedAt.Year - first);
    });

    /// <summary>Day of the week, Monday first.</summary>
    public static Breakdown Weekday { get; } = new("weekday", _ => new Axis(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        c => ((int)c.ReceivedAt.DayOfWeek + 6) % 7));

    /// <summary>Hour of arrival, 0 to 23, as <c>15:00</c>.</summary>
    public static Breakdown Hour { get; } = new("hour", _ => new Axis(
        [.. Enumerable.Range(0, 24).Select(h => $"{h:D2}:00")],
        c => c.ReceivedAt.Hour));

    public static Breakdown Channel { get; } = Of("channel", Categories.Channels, c => (int)c.Channel);

    public static Breakdown Outcome { get; } = Of("outcome", Categories.Outcomes, c => (int)c.Outcome);

    public static Breakdown Requester { get; } = Of("requester", Categories.Requesters, c => (int)c.Requester);

    public static Breakdown Gender { get; } = Of("gender", Categories.Genders, c => (int)c.Gender);

    public static Breakdown AgeBand { get; } = Of("age_band", Categories.AgeBands, c => (int)c.AgeBand);

    public static Breakdown Referral { get; } = Of("referral", Categories.Referrals, c => (int)c.Referral);

    /// <summary>Whether a missed contact's caller key was seen before: <c>new</c>, <c>known</c> or <c>no key</c>.</summary>
    public static Breakdown Caller { get; } = new("caller", _ => new Axis(
        ["new", "known", "no key"],
        c => c.CallerKey is null ? 2 : c.IsNewCaller ? 0 : 1));

    internal Axis For(Period scope) => _axis(scope);

    public override string ToString() => Name;

    /// <param name="value">The category's underlying number: a cast, so no enum is boxed per contact.</param>
    private static Breakdown Of<T>(string name, CategoryTable<T> table, Func<Contact, int> value) where T : struct, Enum
    {
        var values = table.Values;
        var labels = values.Select(table.Code).ToArray();
        var index = new int[values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];
        for (int i = 0; i < values.Count; i++)
            index[Convert.ToInt32(values[i], CultureInfo.InvariantCulture)] = i;
        return new Breakdown(name, _ => new Axis(labels, c => index[value(c)]));
    }

    /// <summary>The labels of an axis in order, and where a contact falls on it (outside: below 0 or past the end).</summary>
    internal sealed record Axis(string[] Labels, Func<Contact, int> IndexOf);
}
