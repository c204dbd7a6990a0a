namespace Helpline.Analysis;

/// <summary>Loaded web statistics and what loading did to the file.</summary>
public sealed record WebStatisticsLoad(WebStatistics Visits, CleaningReport Report);
