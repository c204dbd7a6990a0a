using Helpline.Notebooks.Documents;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Tests.Publishing;

namespace Helpline.Notebooks.Tests.Documents;

[Collection(nameof(DocumentsSite))]
public class DocumentInputsTests(PublishedDocuments site)
{
    private const string Notebook = """
        {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# A page"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        """;

    [Fact]
    public void The_hash_changes_with_the_written_page_the_released_notebook_and_the_site_assets()
    {
        var site = Site();
        var (page, run) = Page(site, Notebook);
        var first = DocumentInputs.Of(site).Hash(page, run);

        Assert.Equal(first, DocumentInputs.Of(site).Hash(page, run));

        File.AppendAllText(Path.Combine(site, "a-page.html"), " ");
        var pageChanged = DocumentInputs.Of(site).Hash(page, run);
        Assert.NotEqual(first, pageChanged);

        var (_, otherRun) = Page(site, Notebook.Replace("# A page", "# A page, changed", StringComparison.Ordinal));
        Assert.NotEqual(pageChanged, DocumentInputs.Of(site).Hash(page, otherRun));

        File.AppendAllText(Path.Combine(site, "assets", "site.css"), "p { }");
        Assert.NotEqual(pageChanged, DocumentInputs.Of(site).Hash(page, run));
    }

    [Fact]
    public void Documents_are_kept_only_when_recorded_with_the_same_hash_and_every_file_is_there()
    {
        var site = Site();
        var (page, run) = Page(site, Notebook);
        var inputs = DocumentInputs.Of(site);
        var hash = inputs.Hash(page, run);
        Assert.False(inputs.Kept(page, hash)); // nothing recorded

        Directory.CreateDirectory(Path.Combine(site, DocumentPaths.Folder));
        foreach (var file in new[] { DocumentPaths.Pdf("a-page"), DocumentPaths.Word("a-page") })
            File.WriteAllText(Path.Combine(site, file), "made");
        inputs.Record([("a-page", hash), ("other-page", "0123")]);

        var read = DocumentInputs.Of(site);
        Assert.True(read.Kept(page, hash));
        Assert.False(read.Kept(page, hash.Replace(hash[0], hash[0] == 'a' ? 'b' : 'a')));
        File.Delete(Path.Combine(site, DocumentPaths.Word("a-page")));
        Assert.False(DocumentInputs.Of(site).Kept(page, hash));
        Assert.Contains("other-page 0123", File.ReadAllLines(Path.Combine(site, DocumentPaths.Folder, DocumentInputs.RecordFile)));
    }

    [SkippableFact]
    public void A_forced_publish_keeps_the_documents_of_unchanged_pages_and_makes_those_recorded_otherwise_or_missing_a_file_and_the_next_starts_no_browser()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Assert.True(site.Exit == 0, site.Log);
        var copy = Path.Combine(Cli.TempFolder(), "site");
        Cli.CopyFolder(site.Folder, copy);
        var record = Path.Combine(copy, DocumentPaths.Folder, DocumentInputs.RecordFile);
        var recorded = File.ReadAllLines(record);
        // 05-referrals' documents recorded as made from other inputs; 02-help-requests missing a figure.
        File.WriteAllLines(record, recorded.Select(l => l.StartsWith("05-referrals ", StringComparison.Ordinal) ? "05-referrals " + new string('0', 64) : l));
        File.Delete(Path.Combine(copy, DocumentPaths.Figure("02-help-requests", 1, "png")));
        var start = DateTime.UtcNow;

        // Twice in one process: the second publish, forced on the site as the first left it, keeps every page's documents.
        var (exit, _, log) = Cli.Run("publish", "--force", "--runs", "2", "--output", copy);

        Assert.True(exit == 0, log);
        var summaries = log.Split('\n').Where(l => l.StartsWith("documents: ", StringComparison.Ordinal)).ToList();
        Assert.True(summaries.Count == 2, log);
        Assert.StartsWith("documents: 2 PDF", summaries[0]);
        Assert.EndsWith("; 8 pages' documents kept (made before from the same page, notebook, assets, program and browser)", summaries[0]);
        Assert.StartsWith("documents: 0 PDF", summaries[1]);
        Assert.EndsWith("; 10 pages' documents kept (made before from the same page, notebook, assets, program and browser); Chromium not started", summaries[1]);
        Assert.Equal(recorded, File.ReadAllLines(record)); // made again from the same inputs: recorded as before
        // The second publish took every linked group's decision from the first, and released what a fresh process did.
        var gates = log.Split('\n').Where(l => l.StartsWith("release gate: ", StringComparison.Ordinal)).ToList();
        Assert.True(gates.Count == 2 && !gates[0].Contains("settled before", StringComparison.Ordinal), log);
        Assert.Matches(@"; (\d+) of \1 components settled before in this process, not solved again$", gates[1]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Folder, "release.json")), File.ReadAllBytes(Path.Combine(copy, "release.json")));
        string[] remade = ["05-referrals", "02-help-requests"];
        var documents = Path.Combine(site.Folder, DocumentPaths.Folder);
        foreach (var file in Directory.EnumerateFiles(documents, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != DocumentInputs.RecordFile))
        {
            var relative = Path.GetRelativePath(site.Folder, file);
            var now = Path.Combine(copy, relative);
            Assert.True(File.Exists(now), relative);
            if (remade.Any(p => relative.StartsWith(Path.Combine(DocumentPaths.Folder, p), StringComparison.Ordinal)))
                Assert.True(File.GetLastWriteTimeUtc(now) >= start, $"{relative} was not made again");
            else
            {
                Assert.True(File.GetLastWriteTimeUtc(now) < start, $"{relative} was made again");
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(now));
            }
        }
    }

    private static string Site()
    {
        var site = Cli.TempFolder();
        Directory.CreateDirectory(Path.Combine(site, "assets"));
        File.WriteAllText(Path.Combine(site, "assets", "site.css"), "body { }");
        File.WriteAllText(Path.Combine(site, "a-page.html"), "<html><body><h1>A page</h1></body></html>");
        return site;
    }

    private static (PageModel Page, NotebookRun Run) Page(string site, string json)
    {
        var notebook = IpynbNotebook.Parse(Path.Combine(site, "a-page.ipynb"), json);
        return (PageModel.From(notebook), new NotebookRun(notebook.Path, notebook, [], null, TimeSpan.Zero));
    }
}
