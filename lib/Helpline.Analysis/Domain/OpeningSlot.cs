namespace Helpline.Analysis;

/// <summary>One weekly opening slot of a channel, valid between two dates (both included; no end: still valid).</summary>
public readonly record struct OpeningSlot(
    Channel Channel,
    DayOfWeek Day,
    TimeOnly Opens,
    TimeOnly Closes,
    DateOnly ValidFrom,
    DateOnly? ValidTo = null)
{
    public bool IsValidOn(DateOnly day) => day >= ValidFrom && (ValidTo is null || day <= ValidTo.Value);

    /// <summary>Opening &lt;= moment &lt; closing, on a day the slot is valid (data contract, section 1).</summary>
    public bool Contains(DateTime moment)
    {
        var time = TimeOnly.FromDateTime(moment);
        return moment.DayOfWeek == Day && IsValidOn(DateOnly.FromDateTime(moment)) && time >= Opens && time < Closes;
    }
}
