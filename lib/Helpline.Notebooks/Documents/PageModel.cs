using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Helpline.Analysis;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Documents;

/// <summary>Something a released page shows, in page order.</summary>
internal abstract record PageItem(bool Answer);

/// <summary>A markdown cell as the notebook's author wrote it.</summary>
internal sealed record MarkdownItem(string Source, bool Answer) : PageItem(Answer);

/// <summary>A sentence or note a cell printed, as plain text (the released HTML without its tags).</summary>
internal sealed record ProseItem(string Text, bool Answer) : PageItem(Answer);

/// <summary>A table with its CSV download exactly as written (<c>data/PAGE/table-N.csv</c>), its caption and legend.</summary>
internal sealed record TableItem(int Number, string Caption, string Csv, string? Note, bool Answer) : PageItem(Answer);

/// <summary>A chart: its number on the page, its title and the released plotly figure.</summary>
internal sealed record ChartItem(int Number, string Title, string FigureJson, bool Answer) : PageItem(Answer);

/// <summary>
/// One page as the site publishes it, read from the executed notebook after the release gate has rendered every
/// output (the same notebook <see cref="Publishing.SiteWriter"/> writes): documents are made from this, never from
/// the register, so they hold what the page holds. Tables are numbered as the CSV downloads are, charts as they
/// appear on the page.
/// </summary>
internal sealed partial class PageModel
{
    /// <summary>The cell tag that marks a markdown or code cell as part of the written answer (the Word draft).</summary>
    public const string AnswerTag = "answer";

    private PageModel(IpynbNotebook notebook)
    {
        Name = notebook.Name;
        Title = notebook.Title;
        var items = new List<PageItem>();
        string heading = Title;
        bool first = true;
        foreach (var cell in notebook.Cells)
        {
            bool answer = cell.HasTag(AnswerTag);
            HasAnswerTags |= answer;
            if (cell.IsMarkdown)
            {
                if (first)
                    Question = cell.Source;
                else
                    items.Add(new MarkdownItem(cell.Source, answer));
                first = false;
                heading = LastHeading(cell.Source) ?? heading;
                continue;
            }
            if (!cell.IsCode)
                continue;
            foreach (var output in cell.Outputs)
            {
                if (output["data"] is not JsonObject data)
                    continue;
                var html = Text(data["text/html"]);
                if (html.StartsWith("<div class=\"banner", StringComparison.Ordinal))
                {
                    BannerHtml ??= html;
                    continue;
                }
                if (data["text/csv"] is { } csvNode && Text(csvNode) is { Length: > 0 } csv)
                {
                    var caption = TableCaption().Match(html) is { Success: true } m ? Plain(m.Groups[1].Value) : heading;
                    var notes = TableNote().Matches(html).Select(n => Plain(n.Groups[1].Value)).ToList();
                    var note = notes.Count > 0 ? string.Join(" ", notes) : null;
                    items.Add(new TableItem(items.OfType<TableItem>().Count() + 1, caption, csv, note, answer));
                }
                else if (data["application/vnd.plotly.v1+json"] is JsonObject figure)
                {
                    var title = (string?)figure["layout"]?["title"]?["text"] ?? heading;
                    items.Add(new ChartItem(items.OfType<ChartItem>().Count() + 1, Plain(title.Split("<br>")[0]), figure.ToJsonString(), answer));
                }
                else if (Plain(html) is { Length: > 0 } text)
                {
                    items.Add(new ProseItem(text, answer));
                }
            }
        }
        Items = items;
    }

    public string Name { get; }

    public string Title { get; }

    /// <summary>The first markdown cell: the page's title and the question it answers.</summary>
    public string Question { get; } = "";

    public string? BannerHtml { get; }

    /// <summary>Whether the author tagged cells <c>answer</c>; without tags the Word draft takes the whole page.</summary>
    public bool HasAnswerTags { get; }

    public IReadOnlyList<PageItem> Items { get; }

    public IEnumerable<TableItem> Tables => Items.OfType<TableItem>();

    public IEnumerable<ChartItem> Charts => Items.OfType<ChartItem>();

    /// <summary>The legends under the page's tables (what <c>≤5</c>, <c>x</c> and <c>..</c> mean), each once.</summary>
    public IEnumerable<string> Legends => Tables.Select(t => t.Note).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>The data a figure or table comes from, in one line: what the page's banner says.</summary>
    public string DataSource
    {
        get
        {
            var banner = BannerHtml ?? "";
            if (banner.Contains("banner synthetic", StringComparison.Ordinal))
                return "Stop it Now! register (synthetic, calibrated to the published totals)";
            if (RealExport().Match(banner) is { Success: true } real)
                return $"Stop it Now! register, export {WebUtility.HtmlDecode(real.Groups[1].Value)} (SHA-256 {real.Groups[2].Value[..12]}...)";
            var plain = Plain(banner);
            return plain.Length > 0 ? plain : "Stop it Now! register";
        }
    }

    /// <summary>Built with disclosure control off (<c>suppress = false</c>): its small counts are shown.</summary>
    public bool NotForPublication => BannerHtml?.Contains(HelplineData.NotForPublicationHtml, StringComparison.Ordinal) == true;

    /// <summary>What a document of an unprotected page says first, wherever it is pasted: the page's own stamp.</summary>
    public static string NotForPublicationLine { get; } = Plain(HelplineData.NotForPublicationHtml);

    /// <summary>The source line under a chart image or table: the data and the page it belongs to; for an unprotected
    /// page it starts by saying it is not for publication, since an image travels without its page.</summary>
    public string SourceLine => (NotForPublication ? NotForPublicationLine + " " : "") + $"Source: {DataSource}; written question 232, '{Title}'.";

    public static PageModel From(IpynbNotebook notebook) => new(notebook);

    /// <summary>Text without tags or entities, on one line.</summary>
    public static string Plain(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(BlockEdges().Replace(html, " "), "")), " ").Trim();

    private static string? LastHeading(string markdown) =>
        markdown.Split('\n').Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()).LastOrDefault(l => l.Length > 0);

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };

    [GeneratedRegex("<p class=\"table-caption\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex TableCaption();

    [GeneratedRegex("<p class=\"table-note\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex TableNote();

    [GeneratedRegex("Register <code>(.*?)</code> \\(SHA-256 <code>([0-9a-f]{12,})</code>\\)")]
    private static partial Regex RealExport();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    // The edge of a block (a line break, a paragraph, a quote's source line) parts words; an inline tag does not.
    [GeneratedRegex(@"<(br|/?(p|div|footer|blockquote|li|tr|td|th|h[1-6]))\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEdges();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
