namespace Helpline.Analysis;

/// <summary>A published figure next to the same figure computed from the data.</summary>
/// <param name="Agrees">Equal for exact figures; within the published rounding for rounded ones; within 5% for approximate ones.</param>
public sealed record ReconciliationRow(PublishedFigure Figure, double Computed, double Difference, bool Agrees);
