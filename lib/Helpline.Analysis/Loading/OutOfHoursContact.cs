namespace Helpline.Analysis;

/// <summary>
/// An answered phone or chat contact that starts outside the opening hours of its date: impossible by how the
/// helpline works, so it is kept but reported (data contract, section 1).
/// </summary>
public readonly record struct OutOfHoursContact(int Line, Channel Channel, DateTime ReceivedAt);
