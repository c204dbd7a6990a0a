using System.Net;

namespace Helpline.Analysis;

/// <summary>
/// A sentence a code cell writes, so that every number in the narrative is computed, never typed, and passes the
/// release gate: <c>Prose.Paragraph($"The helpline answered {answered.Total()} contacts in 2020.")</c>.
/// </summary>
public sealed class Prose : IPageOutput
{
    private readonly Func<Release, string> _html;
    private readonly IReadOnlyList<Statistic> _statistics;

    private Prose(Func<Release, string> html, IReadOnlyList<Statistic> statistics)
    {
        _html = html;
        _statistics = statistics;
    }

    /// <summary>A paragraph whose numbers are counts, shares or means of the register, or public numbers.</summary>
    public static Prose Paragraph(ProseText text) =>
        new(release => $"<p class=\"prose\">{WebUtility.HtmlEncode(text.Render(release))}</p>", text.Statistics);

    /// <summary>What a published source says, marked as a quote: the figures' exact wording, with their source.</summary>
    public static Prose Quote(params PublishedFigure[] figures)
    {
        var sources = figures.Select(f => f.Source).Distinct().ToList();
        var quote = string.Join(" ", figures.Select(f => f.Quote));
        return new(_ => $"<blockquote class=\"quote\">{WebUtility.HtmlEncode(quote)}<footer>{WebUtility.HtmlEncode(string.Join("; ", sources))}</footer></blockquote>", []);
    }

    IEnumerable<Statistic> IPageOutput.Statistics => _statistics;

    IEnumerable<CountTable> IPageOutput.Tables => [];

    PageContent IPageOutput.Render(Release release) => new(_html(release));

    public override string ToString() => "a sentence of the page (shown through the release gate)";
}
