namespace Helpline.Analysis;

/// <summary>What happened to a contact attempt.</summary>
public enum Outcome : byte
{
    /// <summary>A counsellor took the contact (beantwoord).</summary>
    Answered,
    /// <summary>The line or chat was open but every counsellor was in a conversation (bezet).</summary>
    Busy,
    /// <summary>The contact came in outside opening hours (buiten openingsuren).</summary>
    Closed,
}
