namespace Helpline.Analysis;

/// <summary>A row that was read but not kept, with where it stood and why.</summary>
/// <param name="Text">The row as it stood in the file (cut at 200 characters): for the researcher, never for a page.</param>
public readonly record struct RejectedRow(string File, int Line, string Reason, string Text)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
