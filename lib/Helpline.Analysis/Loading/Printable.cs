using System.Globalization;
using System.Text;

namespace Helpline.Analysis;

/// <summary>
/// Text from a file as a message may print it: control characters (escape sequences, bells, NUL, C1 codes) and the
/// marks that turn text around (bidirectional overrides) written as <c>\x1B</c> or <c>\u202E</c>, so that a header
/// or a cell cannot drive the terminal it is printed on; cut at a length a line can hold.
/// </summary>
public static class Printable
{
    /// <summary>The text, escaped and cut at <paramref name="max"/> characters (with an ellipsis).</summary>
    public static string Of(ReadOnlySpan<char> text, int max = 120)
    {
        bool cut = text.Length > max;
        if (cut)
            text = text[..max];
        if (!NeedsEscape(text))
            return cut ? string.Concat(text, "...") : text.ToString();
        var escaped = new StringBuilder(text.Length + 16);
        var c = CultureInfo.InvariantCulture;
        foreach (var ch in text)
        {
            if (!IsUnsafe(ch))
                escaped.Append(ch);
            else if (ch < 0x100)
                escaped.Append(c, $"\\x{(int)ch:X2}");
            else
                escaped.Append(c, $"\\u{(int)ch:X4}");
        }
        return cut ? escaped.Append("...").ToString() : escaped.ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (IsUnsafe(ch))
                return true;
        }
        return false;
    }

    /// <summary>C0 and C1 controls, DEL, bidirectional marks and overrides.</summary>
    private static bool IsUnsafe(char ch) =>
        char.IsControl(ch) || ch is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
