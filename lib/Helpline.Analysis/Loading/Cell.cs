namespace Helpline.Analysis;

/// <summary>Reading one cell of a row: trimmed, outer quotes removed, doubled quotes undone.</summary>
internal static class Cell
{
    public static bool IsQuoted(ReadOnlySpan<char> raw) => raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"';

    /// <summary>The cell's text; allocates only for a quoted cell with escaped quotes inside.</summary>
    public static ReadOnlySpan<char> Text(ReadOnlySpan<char> raw)
    {
        raw = raw.Trim();
        if (!IsQuoted(raw))
            return raw;
        var inner = raw[1..^1];
        return (inner.Contains("\"\"", StringComparison.Ordinal) ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal).AsSpan() : inner).Trim();
    }
}
