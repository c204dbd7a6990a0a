namespace Helpline.Analysis;

/// <summary>A published figure next to the same figure computed from the data.</summary>
/// <param name="Computed">The recomputed figure, shown through the release gate.</param>
/// <param name="Value">Its true value, for computation.</param>
/// <param name="Agrees">Equal for exact figures; within the published rounding for rounded ones; within 5% for approximate ones.</param>
public sealed record ReconciliationRow(PublishedFigure Figure, IReleasedValue Computed, double Value, double Difference, bool Agrees);
