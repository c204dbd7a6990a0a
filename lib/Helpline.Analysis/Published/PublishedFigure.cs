namespace Helpline.Analysis;

/// <summary>One figure a public source states, with its exact wording.</summary>
/// <param name="Key">Stable name, e.g. <c>a2.phone_busy</c> (answer 232, part 2).</param>
/// <param name="Value">Null for figures that are a date or a statement, not a number.</param>
/// <param name="Qualifier"><c>exact</c>, <c>rounded</c>, <c>approximate</c> or <c>derived</c>.</param>
public sealed record PublishedFigure(
    string Key,
    string Metric,
    string Channel,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    double? Value,
    string Unit,
    string Qualifier,
    string Source,
    string SourcePart,
    string Quote)
{
    /// <summary>The period the figure covers; all time when the source gives none.</summary>
    public Period Period => PeriodStart is { } start && PeriodEnd is { } end ? new Period(start, end) : Period.All;
}
