namespace Helpline.Analysis;

/// <summary>The axes finer than a month and a channel (data contract, section 5): a count that cuts along one of them is sensitive.</summary>
[Flags]
public enum SensitiveAxes : ushort
{
    None = 0,
    /// <summary>Days that are not whole months.</summary>
    Day = 1 << 0,
    Weekday = 1 << 1,
    Hour = 1 << 2,
    Requester = 1 << 3,
    Gender = 1 << 4,
    AgeBand = 1 << 5,
    Referral = 1 << 6,
    /// <summary>Whether the caller's number was seen before.</summary>
    Caller = 1 << 7,
    /// <summary>A custom predicate: nothing is known of what it selects.</summary>
    Opaque = 1 << 8,
}
