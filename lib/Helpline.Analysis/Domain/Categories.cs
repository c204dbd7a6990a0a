namespace Helpline.Analysis;

/// <summary>
/// Codes and labels of every category: the codes are the register's canonical values (<c>phone</c>,
/// <c>close_environment</c>); the labels are what pages show, in English with the answer's Dutch term.
/// </summary>
public static class Categories
{
    internal static readonly CategoryTable<Channel> Channels = new CategoryTable<Channel>("channel")
        .Add(Channel.Phone, "phone", "Phone (telefoon)", "telefoon", "tel", "tel.", "telephone")
        .Add(Channel.Chat, "chat", "Chat")
        .Add(Channel.Email, "email", "E-mail", "e-mail", "mail");

    internal static readonly CategoryTable<Outcome> Outcomes = new CategoryTable<Outcome>("outcome")
        .Add(Outcome.Answered, "answered", "Answered (beantwoord)", "beantwoord", "ja")
        .Add(Outcome.Busy, "busy", "Busy (bezet)", "bezet", "in gesprek")
        .Add(Outcome.Closed, "closed", "Closed (buiten openingsuren)", "gesloten", "buiten openingsuren");

    internal static readonly CategoryTable<Requester> Requesters = new CategoryTable<Requester>("requester", Requester.Unknown)
        .Add(Requester.Self, "self", "Own feelings or behaviour (eigen gevoelens)", "zelf", "eigen gevoelens", "eigen gedrag")
        .Add(Requester.CloseEnvironment, "close_environment", "Close social environment (dichte sociale omgeving)", "naaste", "dichte sociale omgeving")
        .Add(Requester.WiderEnvironment, "wider_environment", "Wider environment (ruimere omgeving)", "ruimere omgeving")
        .Add(Requester.Professional, "professional", "Professional (hulpverlener)", "hulpverlener")
        .Add(Requester.Other, "other", "Other (andere)", "andere", "informatief", "maatschappelijk")
        .Add(Requester.Unknown, "unknown", "Unknown (onbekend)", "onbekend");

    internal static readonly CategoryTable<Gender> Genders = new CategoryTable<Gender>("gender", Gender.Unknown)
        .Add(Gender.Male, "male", "Male (man)", "m", "man")
        .Add(Gender.Female, "female", "Female (vrouw)", "v", "f", "vrouw")
        .Add(Gender.Other, "other", "Other (x)", "x")
        .Add(Gender.Unknown, "unknown", "Unknown (onbekend)", "onbekend");

    internal static readonly CategoryTable<AgeBand> AgeBands = new CategoryTable<AgeBand>("age_band", AgeBand.Unknown)
        .Add(AgeBand.Under18, "<18", "Under 18")
        .Add(AgeBand.From18To25, "18-25", "18-25")
        .Add(AgeBand.From26To35, "26-35", "26-35")
        .Add(AgeBand.From36To45, "36-45", "36-45")
        .Add(AgeBand.From46To55, "46-55", "46-55")
        .Add(AgeBand.From56To65, "56-65", "56-65")
        .Add(AgeBand.Over65, "65+", "Over 65")
        .Add(AgeBand.Unknown, "unknown", "Unknown (onbekend)", "onbekend");

    internal static readonly CategoryTable<Referral> Referrals = new CategoryTable<Referral>("referral", Referral.None)
        .Add(Referral.None, "none", "Not referred", "geen")
        .Add(Referral.SpecialisedCentre, "specialised_centre", "Specialised centre (CAW, CGG, UFC)", "caw", "cgg", "ufc", "behandelcentrum")
        .Add(Referral.PrivateTherapist, "private_therapist", "Private therapist (privétherapeut)", "privétherapeut", "privetherapeut")
        .Add(Referral.VictimSupport, "victim_support", "Victim support (slachtofferhulp)", "slachtofferhulp")
        .Add(Referral.RelationshipTherapy, "relationship_therapy", "Relationship therapy (relatietherapie)", "relatietherapie")
        .Add(Referral.Other, "other", "Other (andere)", "andere");

    internal static readonly CategoryTable<Site> Sites = new CategoryTable<Site>("site")
        .Add(Site.Website, "website", "Website")
        .Add(Site.SelfHelp, "selfhelp", "Self-help module (Stoppen is Mogelijk)", "stoppen is mogelijk", "zelfhulpmodule", "self-help");

    /// <summary>The register's canonical code, e.g. <c>phone</c>.</summary>
    public static string Code(this Channel value) => Channels.Code(value);
    public static string Code(this Outcome value) => Outcomes.Code(value);
    public static string Code(this Requester value) => Requesters.Code(value);
    public static string Code(this Gender value) => Genders.Code(value);
    public static string Code(this AgeBand value) => AgeBands.Code(value);
    public static string Code(this Referral value) => Referrals.Code(value);
    public static string Code(this Site value) => Sites.Code(value);

    /// <summary>The label pages show, e.g. <c>Phone (telefoon)</c>.</summary>
    public static string Label(this Channel value) => Channels.Label(value);
    public static string Label(this Outcome value) => Outcomes.Label(value);
    public static string Label(this Requester value) => Requesters.Label(value);
    public static string Label(this Gender value) => Genders.Label(value);
    public static string Label(this AgeBand value) => AgeBands.Label(value);
    public static string Label(this Referral value) => Referrals.Label(value);
    public static string Label(this Site value) => Sites.Label(value);
}
