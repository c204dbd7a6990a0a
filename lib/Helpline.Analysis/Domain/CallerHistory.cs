namespace Helpline.Analysis;

/// <summary>Whether the number (or chat id) of a contact was seen before in the register (data contract, section 1).</summary>
public enum CallerHistory : byte
{
    /// <summary>The caller key appears in no earlier row.</summary>
    New,
    /// <summary>The caller key appears in an earlier row.</summary>
    Known,
    /// <summary>The contact has no caller key.</summary>
    NoKey,
}
