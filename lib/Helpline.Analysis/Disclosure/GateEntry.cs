namespace Helpline.Analysis;

/// <summary>One statistic of the pages as the gate works on it: its state, and whether the gate may withhold it.</summary>
internal sealed class GateEntry(Statistic statistic)
{
    public Statistic Statistic { get; } = statistic;

    public Definition Definition => Statistic.Definition;

    public int Value => Statistic.Value;

    public CellState State { get; set; }

    /// <summary>Shown whatever happens: not a sensitive count (contacts per month and channel), or a published figure.</summary>
    public bool Fixed { get; set; }

    /// <summary>The count tables that show it (for the line rule and to prefer cells of the same table).</summary>
    public List<CountTable> Tables { get; } = [];

    /// <summary>The narrowest range published shares give it (<see cref="Statistic.PublishedRange"/>), if any.</summary>
    public (int Low, int High)? PublishedRange { get; set; }

    public bool IsWithheld => State != CellState.Shown;

    /// <summary>The gate may still withhold it.</summary>
    public bool CanWithhold => !Fixed && State == CellState.Shown;

    public SensitiveAxes Axes => Definition.Sensitive | (Statistic.Kind == StatisticKind.Callers ? SensitiveAxes.Caller : SensitiveAxes.None);

    public override string ToString() => $"{Statistic} = {Value} ({State})";
}
