namespace Helpline.Analysis;

/// <summary>Whether a released count is shown, and if not, why.</summary>
public enum CellState : byte
{
    Shown,
    /// <summary>A count from 1 to the threshold (<c>≤5</c>).</summary>
    Small,
    /// <summary>Withheld so that a small count cannot be worked out from the totals (<c>x</c>).</summary>
    Secondary,
    /// <summary>Not broken down: the group is so small that any part of it shown, or even marked <c>≤5</c>, would
    /// narrow a small count (<c>..</c>).</summary>
    TooFew,
}
