namespace Helpline.Analysis;

/// <summary>Small-count suppression settings (data contract, section 5).</summary>
public readonly record struct DisclosureOptions
{
    public DisclosureOptions()
    {
    }

    /// <summary>The lowest threshold the gate accepts: below 3, a withheld cell says too little to protect anyone.</summary>
    public const int MinimumThreshold = 3;

    /// <summary>Counts from 1 to this value are not shown (3 or more).</summary>
    public int Threshold
    {
        get => _threshold;
        init => _threshold = value >= MinimumThreshold ? value
            : throw new ArgumentOutOfRangeException(nameof(Threshold), value, $"The disclosure threshold must be {MinimumThreshold} or more (got {value}); to look at every count yourself, set suppress = false instead.");
    }

    private readonly int _threshold = 5;

    /// <summary>Off only for a researcher's own, unpublished look at the data.</summary>
    public bool Enabled { get; init; } = true;

    public static DisclosureOptions Default { get; } = new();
}
