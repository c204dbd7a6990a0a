namespace Helpline.Analysis;

/// <summary>
/// Something a notebook may put on a page: a count table, a chart, a sentence, a reconciliation, the data banner.
/// Only the library makes them (the members are internal), so every number a page shows comes from a statistic the
/// release gate has seen: the host refuses any other output of a cell.
/// </summary>
public interface IPageOutput
{
    /// <summary>Every register statistic the output shows.</summary>
    internal IEnumerable<Statistic> Statistics { get; }

    /// <summary>The count tables whose lines (rows and columns with their totals) the output shows whole.</summary>
    internal IEnumerable<CountTable> Tables { get; }

    /// <summary>The output as the page shows it once the gate has decided what is released.</summary>
    internal PageContent Render(Release release);

    /// <summary>Where each statistic shows: its row and column in a table (null elsewhere), for the ledger.</summary>
    internal IEnumerable<(Statistic Statistic, string? Row, string? Column)> Places => Statistics.Select(s => (s, (string?)null, (string?)null));
}
