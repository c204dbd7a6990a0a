using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Helpline.Analysis;
using Helpline.Notebooks.Documents;
using Helpline.Notebooks.Hosting;
using Markdig;

namespace Helpline.Notebooks.Publishing;

/// <summary>
/// Writes the static site: an index, one page per executed notebook, the executed <c>.ipynb</c> beside it, every
/// displayed table as a CSV download, and plotly.js once for all pages. Nothing on a page depends on the clock,
/// so the same notebooks and data give the same bytes.
/// </summary>
internal sealed partial class SiteWriter(string folder)
{
    public const string PlotlyFile = "assets/plotly-2.28.0.min.js";
    public const string CssFile = "assets/site.css";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>When set, pages link their documents (PDF, XLSX, Word draft, chart images), which <see cref="DocumentWriter"/> writes after them.</summary>
    public bool Documents { get; init; }

    /// <summary>When set, pages poll this URL and reload when its text changes (the <c>watch</c> loop).</summary>
    public string? ReloadUrl { get; init; }

    /// <summary>The whole site: assets, a page per run, the index, and the release ledger.</summary>
    /// <param name="succeededOnly">Write the pages of the runs that succeeded only, and leave the others' pages as they
    /// are (<c>publish --partial</c>); the index lists every notebook that has a page.</param>
    public void WriteAll(IEnumerable<NotebookRun> runs, string ledger, bool notForPublication = false, bool succeededOnly = false)
    {
        NotForPublication = notForPublication;
        WriteAssets();
        var list = runs.ToList();
        foreach (var run in list.Where(r => r.Succeeded || !succeededOnly))
            WritePage(run);
        WriteIndex(list.Select(r => r.Executed).Where(n => File.Exists(Path.Combine(Folder, n.Name + ".html"))));
        WriteIfChanged(Path.Combine(Folder, Ledger.FileName), ledger);
    }

    /// <summary>Pages built with disclosure control off: each says, at the top, that it is not for publication.</summary>
    public bool NotForPublication { get; private set; }

    public void WriteAssets()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "assets"));
        WriteIfChanged(Path.Combine(Folder, PlotlyFile), NotebookDisplay.PlotlyScript());
        using var css = Assembly.GetExecutingAssembly().GetManifestResourceStream("Helpline.Notebooks.Publishing.site.css")!;
        WriteIfChanged(Path.Combine(Folder, CssFile), new StreamReader(css).ReadToEnd());
    }

    /// <summary>Writes one notebook's page, its executed notebook and its CSV files; returns the page's path.</summary>
    public string WritePage(NotebookRun run)
    {
        var notebook = run.Executed;
        var name = notebook.Name;
        var csvFolder = Path.Combine(Folder, "data", name);
        if (Directory.Exists(csvFolder))
            Directory.Delete(csvFolder, recursive: true);
        var body = new StringBuilder();
        // The data banner says which data the page runs on: it belongs at the very top, whichever cell made it.
        var banner = notebook.Cells.SelectMany(c => c.Outputs).Select(o => o["data"]?["text/html"]).Select(Text)
            .FirstOrDefault(h => h.StartsWith("<div class=\"banner", StringComparison.Ordinal));
        if (banner is not null)
            body.Append(banner).Append('\n');
        if (NotForPublication && banner?.Contains(HelplineData.NotForPublicationHtml, StringComparison.Ordinal) != true)
            body.Append(HelplineData.NotForPublicationHtml).Append('\n');
        if (run.Parameters.Count > 0)
        {
            body.Append("<p class=\"parameters\">Parameters used: ")
                .AppendJoin(", ", run.Parameters.Select(p => $"<code>{Encode(p.Name)} = {Encode(p.Value)}</code>"))
                .Append(". <a href=\"").Append(Encode(name)).Append(".ipynb\">Executed notebook</a>.</p>\n");
        }
        if (Documents)
            body.Append(DocumentPaths.PageLinks(name, PageModel.From(notebook).Tables.Any()));
        if (run.Failure is { } failure)
            body.Append("<pre class=\"error\">").Append(Encode(failure.ToString())).Append("</pre>\n");

        int tables = 0, charts = 0;
        foreach (var cell in notebook.Cells)
        {
            if (cell.IsMarkdown)
            {
                body.Append(NotebookLink().Replace(Markdig.Markdown.ToHtml(cell.Source, Markdown), "href=\"$1.html\"")).Append('\n');
                continue;
            }
            if (!cell.IsCode)
                continue;
            body.Append("<details class=\"code\"><summary>Code</summary><pre><code class=\"language-csharp\">")
                .Append(Encode(cell.Source)).Append("</code></pre></details>\n");
            foreach (var output in cell.Outputs.Where(o => Text(o["data"]?["text/html"]) != banner))
                body.Append(Output(output, name, csvFolder, Documents, ref tables, ref charts));
        }

        var page = Layout(notebook.Title, body.ToString());
        var path = Path.Combine(Folder, name + ".html");
        WriteIfChanged(path, page);
        WriteIfChanged(Path.Combine(Folder, name + ".ipynb"), notebook.ToJson());
        return path;
    }

    public void WriteIndex(IEnumerable<IpynbNotebook> notebooks)
    {
        var body = new StringBuilder("<h1>Stop it Now! helpline: written question 232, reproduced</h1>\n");
        body.Append("<p>Flemish Parliament written question nr. 232 (18 December 2020) asked the minister for figures on Stop it Now!, ")
            .Append("the Flemish helpline for people worried about their own sexual feelings towards minors, or about someone else's. ")
            .Append("Each page below reproduces a part of the answer from the helpline's register, with its tables, charts and a reconciliation ")
            .Append("against the published figures.</p>\n<ul class=\"notebooks\">\n");
        foreach (var notebook in notebooks)
        {
            body.Append("<li><a href=\"").Append(Encode(notebook.Name)).Append(".html\">").Append(Encode(notebook.Title)).Append("</a>")
                .Append("<span class=\"summary\">").Append(Encode(notebook.Summary)).Append("</span>")
                .Append("<span class=\"files\"><a href=\"").Append(Encode(notebook.Name)).Append(".ipynb\">executed notebook</a>")
                .Append(Documents ? DocumentPaths.IndexLinks(notebook.Name, PageModel.From(notebook).Tables.Any()) : "").Append("</span></li>\n");
        }
        body.Append("</ul>\n");
        WriteIfChanged(Path.Combine(Folder, "index.html"), Layout("Written question 232, reproduced", body.ToString()));
    }

    private static string Output(JsonObject output, string name, string csvFolder, bool documents, ref int tables, ref int charts)
    {
        var type = (string?)output["output_type"];
        if (type is "stream")
            return $"<pre class=\"stream\">{Encode(Text(output["text"]))}</pre>\n";
        if (type is "error")
            return $"<pre class=\"error\">{Encode((string?)output["evalue"] ?? "")}</pre>\n";
        if (output["data"] is not JsonObject data)
            return "";
        var html = new StringBuilder("<div class=\"output\">");
        if (data["text/html"] is { } rich)
            html.Append(Text(rich));
        else if (data["text/plain"] is { } plain)
            html.Append("<pre class=\"stream\">").Append(Encode(Text(plain))).Append("</pre>");
        if (data["text/csv"] is { } csv && Text(csv).Length > 0)
        {
            tables++;
            var file = $"table-{tables}.csv";
            Directory.CreateDirectory(csvFolder);
            WriteIfChanged(Path.Combine(csvFolder, file), Text(csv));
            html.Append("<div class=\"download\"><a href=\"data/").Append(Encode(name)).Append('/').Append(file).Append("\" download>Download CSV</a>")
                .Append(documents ? DocumentPaths.TableLinks(name, tables) : "").Append("</div>");
        }
        else if (documents && data["application/vnd.plotly.v1+json"] is not null)
        {
            html.Append(DocumentPaths.ChartLinks(name, ++charts));
        }
        return html.Append("</div>\n").ToString();
    }

    private string Layout(string title, string body)
    {
        var reload = ReloadUrl is null ? "" :
            $"<script>(function () {{ var seen = null; setInterval(function () {{ fetch('{ReloadUrl}').then(function (r) {{ return r.text(); }}).then(function (v) {{ if (seen !== null && v !== seen) location.reload(); seen = v; }}).catch(function () {{}}); }}, 1000); }})();</script>\n";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <link rel="stylesheet" href="{CssFile}">
            <script src="{PlotlyFile}"></script>
            {reload}</head>
            <body>
            <header class="site"><a href="index.html">Stop it Now! &middot; question 232</a><nav><a href="index.html">All pages</a></nav></header>
            <main>
            {body}
            </main>
            <footer class="site">Built from the notebooks of this repository. Figures from the shipped register are synthetic, calibrated to published totals; see each page's banner.</footer>
            </body>
            </html>

            """;
    }

    /// <summary>A link from one notebook to another (<c>01-contacts.ipynb</c>) points at its page on the site.</summary>
    [GeneratedRegex(@"href=""(\d\d-[a-z0-9-]+)\.ipynb""")]
    private static partial Regex NotebookLink();

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Leaves a file untouched when its content is the same, so a re-publish changes nothing it need not.</summary>
    private static void WriteIfChanged(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) && File.ReadAllText(path) == content)
            return;
        File.WriteAllText(path, content, new UTF8Encoding(false));
    }
}
