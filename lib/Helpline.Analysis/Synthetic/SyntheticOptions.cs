namespace Helpline.Analysis;

/// <summary>How to make a synthetic register.</summary>
public readonly record struct SyntheticOptions
{
    public SyntheticOptions()
    {
    }

    /// <summary>The seed; the shipped files are made with the default.</summary>
    public int Seed { get; init; } = 232;
}
