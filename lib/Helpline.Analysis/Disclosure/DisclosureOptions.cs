namespace Helpline.Analysis;

/// <summary>Small-count suppression settings (data contract, section 5).</summary>
public readonly record struct DisclosureOptions
{
    public DisclosureOptions()
    {
    }

    /// <summary>Counts from 1 to this value are not shown.</summary>
    public int Threshold { get; init; } = 5;

    /// <summary>Off only for a researcher's own, unpublished look at the data.</summary>
    public bool Enabled { get; init; } = true;

    public static DisclosureOptions Default { get; } = new();
}
