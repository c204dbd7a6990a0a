using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Helpline.Notebooks.Tests.Publishing;

namespace Helpline.Notebooks.Tests.Documents;

/// <summary>
/// The Word drafts: valid Open XML (the SDK's validator), laid out as a written answer, their tables the CSV
/// downloads' cells, and readable by another program: LibreOffice converts the <c>answer</c> command's draft to a PDF
/// whose text holds the answer's figures.
/// </summary>
[Collection(nameof(DocumentsSite))]
public partial class WordDraftTests(PublishedDocuments site)
{
    [SkippableFact]
    public void Every_draft_is_valid_Open_XML()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Assert.True(site.Exit == 0, site.Log);
        foreach (var notebook in PublishedSite.Notebooks)
        {
            using var document = WordprocessingDocument.Open(site.Document($"documents/{notebook}.docx"), false);
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, $"{notebook}.docx: {string.Join("\n", errors)}");
        }
    }

    [SkippableFact]
    public void A_page_without_answer_tags_gives_every_table_as_Tabel_N_with_the_CSV_cells_and_every_chart_as_Figuur_N()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        const string notebook = "04-unanswered";
        using var document = WordprocessingDocument.Open(site.Document($"documents/{notebook}.docx"), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["Vraag", "Antwoord", "Bronnen"], paragraphs.Where(p => p is "Vraag" or "Antwoord" or "Bronnen"));
        var tables = site.Files.Tables().Where(t => t.Page == notebook).ToList();
        var words = body.Elements<Table>().ToList();
        Assert.Equal(tables.Count, words.Count);
        for (int i = 0; i < tables.Count; i++)
        {
            Assert.Contains(paragraphs, p => p.StartsWith($"Tabel {i + 1}. ", StringComparison.Ordinal));
            var cells = words[i].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
            Assert.Equal([tables[i].Header, .. tables[i].Rows], cells); // nothing the page withholds, the same marks
        }
        int charts = site.Files.Charts(notebook).Count();
        Assert.Equal(charts, document.MainDocumentPart.ImageParts.Count());
        for (int i = 1; i <= charts; i++)
            Assert.Contains(paragraphs, p => p.StartsWith($"Figuur {i}. ", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Gegevens: Stop it Now! register (synthetic", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void The_answer_command_writes_the_tagged_answer_as_the_site_releases_it()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        var (exit, log, path) = site.Answer;
        Assert.True(exit == 0, log);
        using var answer = WordprocessingDocument.Open(path, false);
        Assert.Empty(new OpenXmlValidator().Validate(answer));
        var text = answer.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        // The cells tagged 'answer': the five parts and their sentences, not the reconciliation or the follow-up.
        Assert.Contains("2. Contacts that could not be answered", text);
        Assert.DoesNotContain(text, p => p.Contains("reconciled", StringComparison.Ordinal));
        foreach (var sentence in AnswerSentences())
            Assert.Contains(sentence, text);
        // The same gate as the site: the site's own draft of the page says the same.
        using var published = WordprocessingDocument.Open(site.Document("documents/00-answer.docx"), false);
        Assert.Equal(text, published.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    [SkippableFact]
    public void The_answer_command_from_a_published_site_takes_its_released_outputs()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        var path = Path.Combine(Cli.TempFolder(), "04.docx");
        var (exit, _, log) = Cli.Run("answer", "notebooks/04-unanswered.ipynb", "--from-site", site.Folder, "-o", path);
        Assert.True(exit == 0, log);
        Assert.Contains("the whole page (no cell is tagged 'answer'), 4 tables, 4 figures", log, StringComparison.Ordinal);
        using var draft = WordprocessingDocument.Open(path, false);
        using var published = WordprocessingDocument.Open(site.Document("documents/04-unanswered.docx"), false);
        Assert.Equal(published.MainDocumentPart!.Document!.Body!.InnerText, draft.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [SkippableFact]
    public void LibreOffice_converts_the_answer_to_a_PDF_that_holds_the_answers_figures()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Skip.If(Soffice is null, "LibreOffice (Debian package libreoffice-writer-nogui) is not installed");
        Skip.IfNot(Poppler.Installed, Poppler.Missing);
        var (exit, log, path) = site.Answer;
        Assert.True(exit == 0, log);
        var output = Scratch.Folder("soffice");
        var start = new ProcessStartInfo(Soffice!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { $"-env:UserInstallation=file://{output}/profile", "--headless", "--convert-to", "pdf", "--outdir", output, path })
            start.ArgumentList.Add(arg);
        using (var process = Process.Start(start)!)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "soffice did not finish in 3 minutes");
            Assert.True(process.ExitCode == 0, stderr.Result);
        }
        var text = Regex.Replace(Poppler.Run("pdftotext", Path.Combine(output, "answer.pdf"), "-"), @"\s+", " ");
        var figures = AnswerSentences().SelectMany(s => Figure().Matches(s).Select(m => m.Value)).Distinct().ToList();
        Assert.True(figures.Count >= 10, $"only {figures.Count} figures in the answer");
        foreach (var figure in figures)
            Assert.Contains(figure, text, StringComparison.Ordinal);
        Assert.Contains("Antwoord", text, StringComparison.Ordinal);
    }

    private static string? Soffice => new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);

    /// <summary>The sentences of the answer page as the site shows them (the prose of the cells tagged 'answer').</summary>
    private IEnumerable<string> AnswerSentences() => site.Files.Prose("00-answer").Take(5);

    // A figure as the answer writes it: 1,234, 60% or ≤5.
    [GeneratedRegex(@"(≤\d+|\d[\d,]*%?)")]
    private static partial Regex Figure();
}
