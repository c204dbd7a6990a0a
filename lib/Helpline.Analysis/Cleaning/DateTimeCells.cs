using System.Globalization;

namespace Helpline.Analysis;

/// <summary>The date and time forms of the data contract; day first where the day and month could swap.</summary>
internal static class DateTimeCells
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss",
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d-M-yyyy H:mm", "d-M-yyyy H:mm:ss",
    ];

    private static readonly string[] DateFormats = ["yyyy-M-d", "d/M/yyyy", "d-M-yyyy"];

    private static readonly string[] TimeFormats = ["H:mm", "H:mm:ss", "H'u'mm", "H'u'"];

    public static bool TryParseMoment(ReadOnlySpan<char> cell, out DateTime moment) =>
        DateTime.TryParseExact(cell, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out moment);

    public static bool TryParseDate(ReadOnlySpan<char> cell, out DateOnly day) =>
        DateOnly.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static bool TryParseTime(ReadOnlySpan<char> cell, out TimeOnly time) =>
        TimeOnly.TryParseExact(cell, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
