namespace Helpline.Analysis;

/// <summary>A row removed because an earlier row of the file holds the very same values.</summary>
public readonly record struct DuplicateRow(int Line, int FirstLine);
