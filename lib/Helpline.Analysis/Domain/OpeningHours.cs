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

    /// <summary>
    /// What if: the same schedule with one more weekly slot from a date on, e.g.
    /// <c>OpeningHours.Shipped().Add(Channel.Phone, DayOfWeek.Thursday, 18, 21, from: new DateOnly(2019, 1, 1))</c>.
    /// The schedule itself is not changed. Compare the two with <see cref="CapacityTables.Reached"/>.
    /// </summary>
    public OpeningHours Add(Channel channel, DayOfWeek day, int opens, int closes, DateOnly from) =>
        Add(channel, day, Hour(opens), Hour(closes), from);

    /// <summary>One more weekly slot from a date on, at any minute (<c>new TimeOnly(9, 30)</c>); see <see cref="Add(Channel, DayOfWeek, int, int, DateOnly)"/>.</summary>
    public OpeningHours Add(Channel channel, DayOfWeek day, TimeOnly opens, TimeOnly closes, DateOnly from)
    {
        if (channel == Channel.Email)
            throw new ArgumentException("E-mail has no opening hours: it is always received.", nameof(channel));
        if (closes <= opens && closes != TimeOnly.MinValue)
            throw new ArgumentException($"A slot closes after it opens: {opens:HH:mm}-{closes:HH:mm}.", nameof(closes));
        // 24:00 is written as 00:00 of the next day; a slot ends within its day.
        var end = closes == TimeOnly.MinValue ? TimeOnly.MaxValue : closes;
        return new(Slots.Append(new OpeningSlot(channel, day, opens, end, from)));
    }

    /// <summary>
    /// What if: the slot of a channel that opens on this day at this hour is closed from a date on (its validity ends the
    /// day before; a slot that only starts later is dropped). Throws, listing the channel's slots, when there is none.
    /// </summary>
    public OpeningHours Remove(Channel channel, DayOfWeek day, TimeOnly opens, DateOnly from)
    {
        var matching = Slots.Where(s => s.Channel == channel && s.Day == day && s.Opens == opens && (s.ValidTo is null || s.ValidTo >= from)).ToList();
        if (matching.Count == 0)
            throw new ArgumentException($"No {channel.Code()} slot opens on {day} at {opens:HH:mm} on or after {from:yyyy-MM-dd}; its slots: "
                + string.Join("; ", Slots.Where(s => s.Channel == channel).Select(Describe)) + ".", nameof(opens));
        return new(Slots.SelectMany(s => !matching.Contains(s) ? [s]
            : s.ValidFrom >= from ? []
            : new[] { s with { ValidTo = from.AddDays(-1) } }));
    }

    /// <summary>What if: the slot that opens on this day at this hour opens instead on another day and hour from a date
    /// on, for as long as before (<see cref="Remove"/> then <see cref="Add(Channel, DayOfWeek, TimeOnly, TimeOnly, DateOnly)"/>).</summary>
    public OpeningHours Move(Channel channel, DayOfWeek day, TimeOnly opens, DayOfWeek toDay, TimeOnly toOpens, DateOnly from)
    {
        var slot = Slots.FirstOrDefault(s => s.Channel == channel && s.Day == day && s.Opens == opens && (s.ValidTo is null || s.ValidTo >= from));
        var removed = Remove(channel, day, opens, from);
        return removed.Add(channel, toDay, toOpens, toOpens.Add(Length(slot)), from);
    }

    /// <summary>How many hours a channel is open over a period, slot by slot and day by day (e-mail: every hour).</summary>
    public double OpenHours(Channel channel, Period period)
    {
        if (period.IsEmpty)
            return 0;
        if (channel == Channel.Email)
            return (period.End.DayNumber - period.Start.DayNumber + 1) * 24.0;
        double hours = 0;
        foreach (var slot in Slots.Where(s => s.Channel == channel))
        {
            var from = slot.ValidFrom > period.Start ? slot.ValidFrom : period.Start;
            var to = slot.ValidTo is { } end && end < period.End ? end : period.End;
            if (to < from)
                continue;
            // Days of the slot's weekday between from and to.
            int first = from.DayNumber + ((int)slot.Day - (int)from.DayOfWeek + 7) % 7;
            int days = first > to.DayNumber ? 0 : (to.DayNumber - first) / 7 + 1;
            hours += days * Length(slot).TotalHours;
        }
        return hours;
    }

    /// <summary>Whether the channel is open during a minute of the week (0 Monday 00:00 ... 10079) on a day.</summary>
    internal bool IsOpen(Channel channel, DayOfWeek day, int minute, DateOnly on)
    {
        if (channel == Channel.Email)
            return true;
        var time = new TimeOnly(minute / 60, minute % 60);
        foreach (var slot in Slots)
        {
            if (slot.Channel == channel && slot.Day == day && slot.IsValidOn(on) && time >= slot.Opens && time < slot.Closes)
                return true;
        }
        return false;
    }

    public override string ToString() => string.Join("; ", Slots.Select(Describe));

    private static string Describe(OpeningSlot s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Channel.Code()} {s.Day} {s.Opens:HH:mm}-{(s.Closes == TimeOnly.MaxValue ? "24:00" : s.Closes.ToString("HH:mm", CultureInfo.InvariantCulture))} from {s.ValidFrom:yyyy-MM-dd}{(s.ValidTo is { } to ? $" to {to:yyyy-MM-dd}" : "")}");

    /// <summary>How long a slot is open; one that closes at midnight (<see cref="TimeOnly.MaxValue"/>) runs to 24:00.</summary>
    private static TimeSpan Length(OpeningSlot slot) => (slot.Closes == TimeOnly.MaxValue ? TimeSpan.FromHours(24) : slot.Closes.ToTimeSpan()) - slot.Opens.ToTimeSpan();

    private static TimeOnly Hour(int hour) => hour is >= 0 and <= 24
        ? (hour == 24 ? TimeOnly.MinValue : new TimeOnly(hour, 0))
        : throw new ArgumentOutOfRangeException(nameof(hour), $"An hour runs from 0 to 24: {hour}.");

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
