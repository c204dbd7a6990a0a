namespace Helpline.Analysis;

/// <summary>A loaded register and what loading did to the file.</summary>
public sealed record RegisterLoad(Register Contacts, CleaningReport Report);
