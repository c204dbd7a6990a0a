namespace Helpline.Analysis;

/// <summary>What a released statistic counts.</summary>
public enum StatisticKind : byte
{
    /// <summary>Contacts (attempts, answered or not, as the definition says).</summary>
    Contacts,
    /// <summary>Different callers (caller keys) among the contacts of the definition.</summary>
    Callers,
}
