namespace Helpline.Analysis;

/// <summary>Who asked for help and about whom (Dutch: soort hulpvraag).</summary>
public enum Requester : byte
{
    /// <summary>Worried about their own sexual feelings or behaviour towards minors (eigen gevoelens).</summary>
    Self,
    /// <summary>Worried about someone in their close social environment (dichte sociale omgeving).</summary>
    CloseEnvironment,
    /// <summary>Worried about someone in their wider environment (ruimere omgeving).</summary>
    WiderEnvironment,
    /// <summary>A professional asking for advice (hulpverlener).</summary>
    Professional,
    /// <summary>Informative or societal questions (andere).</summary>
    Other,
    /// <summary>Not recorded; always so for unanswered contacts.</summary>
    Unknown,
}
