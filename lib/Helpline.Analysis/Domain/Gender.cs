namespace Helpline.Analysis;

/// <summary>Gender of the person who made contact, when they chose to say (geslacht).</summary>
public enum Gender : byte
{
    Male,
    Female,
    Other,
    Unknown,
}
