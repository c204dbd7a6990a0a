namespace Helpline.Analysis;

/// <summary>Where a help-seeker was referred to (doorverwezen naar).</summary>
public enum Referral : byte
{
    None,
    /// <summary>A specialised treatment centre: CAW, CGG or the Universitair Forensisch Centrum.</summary>
    SpecialisedCentre,
    PrivateTherapist,
    VictimSupport,
    RelationshipTherapy,
    Other,
}
