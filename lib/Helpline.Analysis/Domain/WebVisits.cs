namespace Helpline.Analysis;

/// <summary>Visitors of one site in one month.</summary>
/// <param name="Month">The first day of the month.</param>
public readonly record struct WebVisits(DateOnly Month, Site Site, int Visitors, int? ReturningVisitors, int SourceLine = 0);
