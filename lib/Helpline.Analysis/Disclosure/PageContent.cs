namespace Helpline.Analysis;

/// <summary>An output as a page shows it: HTML, and for a table its CSV download, for a chart its plotly figure.</summary>
public sealed record PageContent(string Html, string? Csv = null, string? FigureJson = null);
