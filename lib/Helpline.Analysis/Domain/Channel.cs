namespace Helpline.Analysis;

/// <summary>How a contact reached the helpline (Dutch: manier van contactname).</summary>
public enum Channel : byte
{
    Phone,
    Chat,
    Email,
}
