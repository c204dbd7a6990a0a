using System.Globalization;

namespace Helpline.Analysis;

/// <summary>
/// The days a contact can have happened on: from the day the helpline opened (its first opening hours) to today in
/// Brussels. A date outside is a typing or export error (0001, 1900, 2099, 9999), refused with its reason rather than
/// stretching every table over centuries.
/// </summary>
internal readonly record struct Plausible(DateOnly Opened, DateOnly Today)
{
    /// <summary>Brussels' clock: UTC+1, UTC+2 from the last Sunday of March to the last Sunday of October (EU rule since
    /// 1996). Written out, so that today is the same on a machine without time-zone data.</summary>
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.CreateCustomTimeZone("Europe/Brussels", TimeSpan.FromHours(1), "Brussels", "CET", "CEST",
    [
        TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
    ]);

    public static Plausible Window(OpeningHours openingHours, TimeProvider clock) =>
        new(openingHours.Opened, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Brussels).DateTime));

    private static readonly Lazy<OpeningHours> Shipped = new(OpeningHours.Shipped);

    /// <summary>The web statistics' window: the shipped schedule's first month to this month.</summary>
    public static Plausible Window(TimeProvider clock) => Window(Shipped.Value, clock);

    /// <summary>Why a contact cannot be of this day; null when it can.</summary>
    public string? Refuse(DateOnly day)
    {
        var c = CultureInfo.InvariantCulture;
        if (day < Opened)
            return $"{day.ToString("yyyy-MM-dd", c)} is before the helpline opened on {Opened.ToString("yyyy-MM-dd", c)}";
        if (day > Today)
            return $"{day.ToString("yyyy-MM-dd", c)} is after today ({Today.ToString("yyyy-MM-dd", c)})";
        return null;
    }

    /// <summary>Why a month of web statistics cannot be; null when it can.</summary>
    public string? RefuseMonth(DateOnly month)
    {
        var c = CultureInfo.InvariantCulture;
        if (month.Year < Opened.Year || (month.Year == Opened.Year && month.Month < Opened.Month))
            return $"{month.ToString("yyyy-MM", c)} is before the helpline opened ({Opened.ToString("yyyy-MM", c)})";
        if (month.Year > Today.Year || (month.Year == Today.Year && month.Month > Today.Month))
            return $"{month.ToString("yyyy-MM", c)} is after this month ({Today.ToString("yyyy-MM", c)})";
        return null;
    }
}
