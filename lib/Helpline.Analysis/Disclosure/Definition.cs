using System.Globalization;
using System.Numerics;
using System.Text;

namespace Helpline.Analysis;

/// <summary>
/// Which contacts a count counts: the days, and on every other axis the values kept (a bit a value). The release gate
/// reads it to see how counts overlap; the ledger (<c>release.json</c>) prints it so that anyone can redo the arithmetic.
/// A definition with every axis whole and month-aligned days is not sensitive: contacts per month and channel.
/// </summary>
public sealed record Definition
{
    internal const byte AllChannels = 0b111, AllOutcomes = 0b111, AllRequesters = 0b11_1111, AllGenders = 0b1111,
        AllAgeBands = 0xFF, AllReferrals = 0b11_1111, AllCallers = 0b111, AllWeekdays = 0b111_1111;

    internal const uint AllHours = 0xFF_FFFF;

    /// <summary>Every contact there is.</summary>
    public static Definition All { get; } = new();

    /// <summary>First day counted; null: no limit.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day counted (included); null: no limit.</summary>
    public DateOnly? To { get; init; }

    public byte Channels { get; init; } = AllChannels;

    public byte Outcomes { get; init; } = AllOutcomes;

    public byte Requesters { get; init; } = AllRequesters;

    public byte Genders { get; init; } = AllGenders;

    public byte AgeBands { get; init; } = AllAgeBands;

    public byte Referrals { get; init; } = AllReferrals;

    /// <summary>Whether the caller's key was seen before: bit 0 new, bit 1 known, bit 2 no key.</summary>
    public byte Callers { get; init; } = AllCallers;

    /// <summary>Bit 0 Monday ... bit 6 Sunday.</summary>
    public byte Weekdays { get; init; } = AllWeekdays;

    /// <summary>Bit h: arrived in hour h (0-23).</summary>
    public uint Hours { get; init; } = AllHours;

    /// <summary>The text of a custom predicate (<see cref="Register.Where"/>): a filter the gate cannot reason about.</summary>
    public string? Opaque { get; init; }

    /// <summary>The axes finer than a month and a channel that this definition cuts along.</summary>
    public SensitiveAxes Sensitive =>
        (IsMonthAligned ? 0 : SensitiveAxes.Day)
        | (Weekdays == AllWeekdays ? 0 : SensitiveAxes.Weekday)
        | (Hours == AllHours ? 0 : SensitiveAxes.Hour)
        | (Requesters == AllRequesters ? 0 : SensitiveAxes.Requester)
        | (Genders == AllGenders ? 0 : SensitiveAxes.Gender)
        | (AgeBands == AllAgeBands ? 0 : SensitiveAxes.AgeBand)
        | (Referrals == AllReferrals ? 0 : SensitiveAxes.Referral)
        | (Callers == AllCallers ? 0 : SensitiveAxes.Caller)
        | (Opaque is null ? 0 : SensitiveAxes.Opaque);

    public bool IsSensitive => Sensitive != SensitiveAxes.None;

    /// <summary>True when the days are whole months (or unlimited): a cut no finer than the month.</summary>
    public bool IsMonthAligned => (From is not { } from || from.Day == 1) && (To is not { } to || to.Day == DateTime.DaysInMonth(to.Year, to.Month));

    /// <summary>No contact can match: days that end before they start, or an axis with no value kept.</summary>
    public bool IsEmpty => From > To || Channels == 0 || Outcomes == 0 || Requesters == 0 || Genders == 0 || AgeBands == 0
        || Referrals == 0 || Callers == 0 || Weekdays == 0 || Hours == 0;

    /// <summary>The contacts both definitions count.</summary>
    public Definition Intersect(Definition other) => new()
    {
        From = Later(From, other.From),
        To = Earlier(To, other.To),
        Channels = (byte)(Channels & other.Channels),
        Outcomes = (byte)(Outcomes & other.Outcomes),
        Requesters = (byte)(Requesters & other.Requesters),
        Genders = (byte)(Genders & other.Genders),
        AgeBands = (byte)(AgeBands & other.AgeBands),
        Referrals = (byte)(Referrals & other.Referrals),
        Callers = (byte)(Callers & other.Callers),
        Weekdays = (byte)(Weekdays & other.Weekdays),
        Hours = Hours & other.Hours,
        Opaque = Opaque is null ? other.Opaque : other.Opaque is null ? Opaque : $"{Opaque} && {other.Opaque}",
    };

    public Definition Within(Period period) => this with { From = Later(From, period.Start), To = Earlier(To, period.End) };

    /// <summary>Whether a contact is counted (used by tests and by the gate to place contacts; counting itself runs on columns).</summary>
    public bool Matches(in Contact contact) => Matches(contact.ReceivedAt.Ticks, (byte)contact.Channel, (byte)contact.Outcome,
        (byte)contact.Requester, (byte)contact.Gender, (byte)contact.AgeBand, (byte)contact.Referral,
        contact.CallerKey is null ? 2 : contact.IsNewCaller ? 0 : 1) && Opaque is null;

    internal bool Matches(long ticks, byte channel, byte outcome, byte requester, byte gender, byte ageBand, byte referral, int callerClass)
    {
        var day = DateOnly.FromDayNumber((int)(ticks / TimeSpan.TicksPerDay));
        return (From is not { } from || day >= from) && (To is not { } to || day <= to)
            && Has(Channels, channel) && Has(Outcomes, outcome) && Has(Requesters, requester) && Has(Genders, gender)
            && Has(AgeBands, ageBand) && Has(Referrals, referral) && Has(Callers, callerClass)
            && Has(Weekdays, (int)(ticks / TimeSpan.TicksPerDay % 7)) && (Hours & (1u << (int)(ticks / TimeSpan.TicksPerHour % 24))) != 0;
    }

    /// <summary>The definition as the ledger writes it: only the axes it cuts, values by their register codes.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        if (From is not null || To is not null)
            text.Append(c, $"days {From?.ToString("yyyy-MM-dd", c) ?? "..."}..{To?.ToString("yyyy-MM-dd", c) ?? "..."}; ");
        foreach (var (axis, values) in Axes())
            text.Append(axis).Append(' ').AppendJoin(',', values).Append("; ");
        if (Opaque is not null)
            text.Append("where ").Append(Opaque).Append("; ");
        return text.Length == 0 ? "every contact" : text.ToString(0, text.Length - 2);
    }

    /// <summary>The axes this definition restricts, each with the codes it keeps (e.g. <c>requester: self</c>).</summary>
    public IEnumerable<(string Axis, IReadOnlyList<string> Values)> Axes()
    {
        if (Channels != AllChannels)
            yield return ("channel", Codes(Channels, Categories.Channels));
        if (Outcomes != AllOutcomes)
            yield return ("outcome", Codes(Outcomes, Categories.Outcomes));
        if (Requesters != AllRequesters)
            yield return ("requester", Codes(Requesters, Categories.Requesters));
        if (Genders != AllGenders)
            yield return ("gender", Codes(Genders, Categories.Genders));
        if (AgeBands != AllAgeBands)
            yield return ("age_band", Codes(AgeBands, Categories.AgeBands));
        if (Referrals != AllReferrals)
            yield return ("referral", Codes(Referrals, Categories.Referrals));
        if (Callers != AllCallers)
            yield return ("caller", [.. CallerClasses.Where((_, i) => Has(Callers, i))]);
        if (Weekdays != AllWeekdays)
            yield return ("weekday", [.. WeekdayNames.Where((_, i) => Has(Weekdays, i))]);
        if (Hours != AllHours)
            yield return ("hour", [.. Enumerable.Range(0, 24).Where(h => (Hours & (1u << h)) != 0).Select(h => h.ToString(CultureInfo.InvariantCulture))]);
    }

    /// <summary>How many values an axis keeps (for tests and the ledger).</summary>
    internal static int Width(uint mask) => BitOperations.PopCount(mask);

    internal static readonly string[] CallerClasses = ["new", "known", "no key"];

    internal static readonly string[] WeekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    internal static bool Has(uint mask, int bit) => (mask & (1u << bit)) != 0;

    private static string[] Codes<T>(byte mask, CategoryTable<T> table) where T : struct, Enum =>
        [.. table.Values.Where(v => Has(mask, Convert.ToInt32(v, CultureInfo.InvariantCulture))).Select(table.Code)];

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
