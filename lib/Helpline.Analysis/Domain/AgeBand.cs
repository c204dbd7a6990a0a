namespace Helpline.Analysis;

/// <summary>Age band of the person who made contact, when they chose to say (leeftijdscategorie).</summary>
public enum AgeBand : byte
{
    Under18,
    From18To25,
    From26To35,
    From36To45,
    From46To55,
    From56To65,
    Over65,
    Unknown,
}
