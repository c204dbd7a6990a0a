using System.Globalization;
using nietras.SeparatedValues;

namespace Helpline.Analysis;

/// <summary>
/// The helpline's opening hours: weekly slots per channel, each with validity dates. E-mail has no hours: it is
/// always received and answered within 48 hours. The schedule of the answer ships as data in
/// <c>data/reference/opening-hours.csv</c>.
/// </summary>
public sealed class OpeningHours
{
    public OpeningHours(IEnumerable<OpeningSlot> slots) => Slots = [.. slots];

    public IReadOnlyList<OpeningSlot> Slots { get; }

    /// <summary>The day the helpline opened: the first day any slot is valid (no slot: every day is allowed).</summary>
    public DateOnly Opened => Slots.Count == 0 ? DateOnly.MinValue : Slots.Min(s => s.ValidFrom);

    /// <summary>The schedule shipped with the repository (<see cref="DataPaths.OpeningHours"/>).</summary>
    public static OpeningHours Shipped() => Load(DataPaths.Default.OpeningHours);

    /// <summary>True when the channel takes contacts at that moment; e-mail always does.</summary>
    public bool IsOpen(Channel channel, DateTime moment)
    {
        if (channel == Channel.Email)
            return true;
        foreach (var slot in Slots)
        {
            if (slot.Channel == channel && slot.Contains(moment))
                return true;
        }
        return false;
    }

    /// <summary>The slots of a channel valid on a day, in opening order.</summary>
    public IEnumerable<OpeningSlot> SlotsOn(Channel channel, DateOnly day) =>
        Slots.Where(s => s.Channel == channel && s.Day == day.DayOfWeek && s.IsValidOn(day)).OrderBy(s => s.Opens);

    /// <summary>Reads <c>channel,day,opens,closes,valid_from,valid_to</c> (day in English, times HH:mm).</summary>
    public static OpeningHours Load(string path)
    {
        if (!File.Exists(path))
            throw new RegisterFormatException(path, "the opening-hours file does not exist");
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var slots = new List<OpeningSlot>();
        var c = CultureInfo.InvariantCulture;
        foreach (var row in reader)
        {
            try
            {
                if (!Categories.Channels.TryParse(row["channel"].Span, out var channel, out _))
                    throw new FormatException($"unknown channel '{row["channel"].ToString()}'");
                var validTo = row["valid_to"].Span.Trim();
                slots.Add(new OpeningSlot(
                    channel,
                    Enum.Parse<DayOfWeek>(row["day"].Span.Trim(), ignoreCase: true),
                    TimeOnly.ParseExact(row["opens"].Span.Trim(), "HH:mm", c),
                    TimeOnly.ParseExact(row["closes"].Span.Trim(), "HH:mm", c),
                    DateOnly.ParseExact(row["valid_from"].Span.Trim(), "yyyy-MM-dd", c),
                    validTo.IsEmpty ? null : DateOnly.ParseExact(validTo, "yyyy-MM-dd", c)));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new RegisterFormatException(path, $"line {row.LineNumberFrom}: {e.Message}");
            }
        }
        return new OpeningHours(slots);
    }
}
