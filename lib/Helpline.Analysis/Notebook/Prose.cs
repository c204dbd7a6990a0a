using System.Net;

namespace Helpline.Analysis;

/// <summary>A sentence a code cell writes, so that every number in the narrative is computed, never typed.</summary>
public sealed record Prose(string Html)
{
    /// <summary>A paragraph from plain text (HTML-encoded).</summary>
    public static Prose Paragraph(string text) => new($"<p class=\"prose\">{WebUtility.HtmlEncode(text)}</p>");

    /// <summary>A quote from a published source, marked as such.</summary>
    public static Prose Quote(string text, string source) =>
        new($"<blockquote class=\"quote\">{WebUtility.HtmlEncode(text)}<footer>{WebUtility.HtmlEncode(source)}</footer></blockquote>");

    public override string ToString() => Html;
}
