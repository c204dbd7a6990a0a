namespace Helpline.Analysis;

/// <summary>
/// One number derived from a register that a page may show: what it counts (<see cref="Definition"/>), over which
/// register, and its true value. The release gate decides, for every statistic of a site at once, whether it is
/// shown; statistics with the same definition over the same register are one statistic.
/// </summary>
public sealed class Statistic
{
    internal Statistic(RegisterColumns source, StatisticKind kind, Definition definition, int value, DisclosureOptions options)
    {
        Options = options;
        Source = source;
        Kind = kind;
        Definition = definition;
        Value = value;
    }

    public StatisticKind Kind { get; }

    public Definition Definition { get; }

    /// <summary>The true value: for the gate and for computation, never for a page (a page shows what the gate releases).</summary>
    internal int Value { get; }

    /// <summary>The disclosure settings of the register it was counted from (the notebook's parameters).</summary>
    internal DisclosureOptions Options { get; }

    /// <summary>Equal to a figure a public source published: the gate shows it whatever its size, and counts it as known.</summary>
    internal bool IsPublished { get; set; }

    /// <summary>What a published share of a known total tells of it (18% of 356, rounded: 63 to 65), when the true
    /// value lies there: the gate reckons an attacker knows that range.</summary>
    internal (int Low, int High)? PublishedRange { get; set; }

    /// <summary>The register counted: statistics of different registers are not linked.</summary>
    internal RegisterColumns Source { get; }

    /// <summary>The same number over the same register: one statistic, whichever table shows it.</summary>
    internal (RegisterColumns, StatisticKind, Definition) Key => (Source, Kind, Definition);

    public override string ToString() => $"{(Kind == StatisticKind.Callers ? "callers" : "contacts")}: {Definition}";
}
