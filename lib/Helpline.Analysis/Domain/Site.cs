namespace Helpline.Analysis;

/// <summary>A web property of the helpline.</summary>
public enum Site : byte
{
    /// <summary>The Stop it Now! website.</summary>
    Website,
    /// <summary>The self-help module 'Stoppen is Mogelijk', online since 14 December 2018.</summary>
    SelfHelp,
}
