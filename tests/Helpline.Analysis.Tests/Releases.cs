namespace Helpline.Analysis.Tests;

/// <summary>
/// Releases for tests: everything shown (what a page draws when the gate withholds nothing), some counts withheld by
/// hand, or what the gate itself decides. A hand-made release should withhold as the gate would: never one count alone
/// in a line whose total the output shows, since the total minus the other counts gives it back.
/// </summary>
internal static class Releases
{
    /// <summary>Disclosure control on, and every statistic of the outputs shown.</summary>
    public static Release ShowingAll(params IPageOutput[] outputs) => Withholding(outputs);

    /// <summary>Disclosure control on, every statistic of the outputs shown but the given counts, withheld with their state.</summary>
    public static Release Withholding(IEnumerable<IPageOutput> outputs, params (Tally Count, CellState State)[] withheld)
    {
        var states = new Dictionary<(RegisterColumns, StatisticKind, Definition), CellState>();
        foreach (var statistic in outputs.SelectMany(o => o.Statistics))
            states[statistic.Key] = CellState.Shown;
        foreach (var (count, state) in withheld)
            states[count.Statistic.Key] = state;
        return new Release(DisclosureOptions.Default, states);
    }

    /// <summary>What the release gate decides for the outputs together, under the shipped opening hours.</summary>
    public static Release Decided(params IPageOutput[] outputs) => Gate.Decide(outputs, Shipped.Hours);
}
