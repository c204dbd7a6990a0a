using System.Globalization;

namespace Helpline.Analysis;

/// <summary>
/// What the release gate decided: for every statistic of the pages, whether it is shown. Pages, downloads, charts and
/// sentences are all rendered from one release, so a count withheld in one place is withheld everywhere.
/// </summary>
public sealed class Release
{
    private readonly IReadOnlyDictionary<(RegisterColumns, StatisticKind, Definition), CellState> _states;

    internal Release(DisclosureOptions options, IReadOnlyDictionary<(RegisterColumns, StatisticKind, Definition), CellState> states)
    {
        Options = options;
        _states = states;
    }

    public DisclosureOptions Options { get; }

    /// <summary>Disclosure control is off: every count is shown and every page says it is not for publication.</summary>
    public bool NotForPublication => !Options.Enabled;

    /// <summary>A statistic the gate has not audited is withheld when sensitive: the safe side wins.</summary>
    public CellState StateOf(Statistic statistic) =>
        NotForPublication ? CellState.Shown
        : _states.TryGetValue(statistic.Key, out var state) ? state
        : !statistic.Definition.IsSensitive ? CellState.Shown
        : statistic.Value >= 1 && statistic.Value <= Options.Threshold ? CellState.Small
        : CellState.Secondary;

    public bool IsShown(Statistic statistic) => StateOf(statistic) == CellState.Shown;

    /// <summary>The count as a page writes it: <c>1,234</c>, <c>≤5</c>, <c>x</c> or <c>..</c>.</summary>
    public string Text(Statistic statistic) => Mark(StateOf(statistic)) ?? statistic.Value.ToString("N0", NotebookDisplay.Culture);

    /// <summary>The mark of a withheld count; null for a shown one.</summary>
    public string? Mark(CellState state) => state switch
    {
        CellState.Small => string.Create(CultureInfo.InvariantCulture, $"≤{Options.Threshold}"),
        CellState.Secondary => "x",
        CellState.TooFew => "..",
        _ => null,
    };

    /// <summary>The mark of a value computed from counts of which some are withheld (a share, a rate, a sum): <c>x</c>
    /// when each of them is an <c>x</c>, else <c>..</c>. An <c>x</c> says its count is 0 or above T, which a share of a
    /// <c>≤T</c> count is not.</summary>
    public string Withheld(IEnumerable<Statistic> statistics) =>
        statistics.Any(s => StateOf(s) is CellState.TooFew or CellState.Small) ? Mark(CellState.TooFew)! : Mark(CellState.Secondary)!;

    /// <summary>The legend under a table or chart that withholds counts.</summary>
    public string Legend(IEnumerable<Statistic> statistics)
    {
        if (NotForPublication)
            return "Disclosure control is off: every count is shown. Not for publication.";
        var withheld = statistics.Select(s => s.Key).Distinct().Count(k => _states.TryGetValue(k, out var s) && s != CellState.Shown);
        return string.Create(CultureInfo.InvariantCulture,
            $"≤{Options.Threshold}: a count from 1 to {Options.Threshold}, not shown to protect anonymity; x: withheld so that such a count cannot be worked out from other figures of the site; ..: withheld with no range claimed (a group too small to break down, or a count that other figures would narrow if it claimed one). {withheld} count(s) withheld.");
    }

    /// <summary>Each statistic once, with what the gate decided: for the ledger.</summary>
    internal IReadOnlyDictionary<(RegisterColumns, StatisticKind, Definition), CellState> States => _states;
}
