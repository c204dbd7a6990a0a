namespace Helpline.Analysis;

/// <summary>A synthetic register and its web statistics, as <see cref="SyntheticRegister"/> makes them.</summary>
public sealed record SyntheticData(IReadOnlyList<Contact> Contacts, IReadOnlyList<WebVisits> Visits);
