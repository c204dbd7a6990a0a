namespace Helpline.Analysis;

/// <summary>Whether a cell of a protected table is shown, and if not, why.</summary>
public enum CellState : byte
{
    Shown,
    /// <summary>A count from 1 to the threshold.</summary>
    Small,
    /// <summary>Withheld so that a small count cannot be worked out from the totals.</summary>
    Secondary,
}
