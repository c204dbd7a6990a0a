namespace Helpline.Analysis;

/// <summary>A one-breakdown count table shown with each row's share of the total (whole percent when sensitive).</summary>
public sealed class SharedCountTable : IPageOutput
{
    internal SharedCountTable(CountTable counts) => Counts = counts;

    public CountTable Counts { get; }

    /// <summary>The share of one row in the total.</summary>
    public Share this[string row] => Share.Of(Counts[row], Counts.Total);

    IEnumerable<Statistic> IPageOutput.Statistics => ((IPageOutput)Counts).Statistics;

    IEnumerable<CountTable> IPageOutput.Tables => [Counts];

    IEnumerable<(Statistic Statistic, string? Row, string? Column)> IPageOutput.Places => Counts.CellPlaces();

    PageContent IPageOutput.Render(Release release) => TableLayout.Of(Counts, release, shares: true).Render(release);
}
