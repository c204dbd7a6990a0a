using Helpline.Notebooks.Documents;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Tests.Publishing;

namespace Helpline.Notebooks.Tests.Documents;

[Collection(nameof(DocumentsSite))]
public class DocumentWriterTests(PublishedDocuments site)
{
    [SkippableFact]
    public async Task A_browser_left_for_later_starts_only_when_a_page_needs_its_documents_and_then_makes_them()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Assert.True(site.Exit == 0, site.Log);
        var copy = Path.Combine(Cli.TempFolder(), "site");
        Cli.CopyFolder(site.Folder, copy);
        var notebook = IpynbNotebook.Load(Path.Combine(copy, "05-referrals.ipynb"));
        var run = new NotebookRun(notebook.Path, notebook, [], null, TimeSpan.Zero);
        var page = PageModel.From(notebook);
        var pdf = Path.Combine(copy, DocumentPaths.Pdf(page.Name));
        var inputs = DocumentInputs.Of(copy);
        inputs.Record([(page.Name, inputs.Hash(page, run))]);
        var made = File.GetLastWriteTimeUtc(pdf);

        await using (var documents = DocumentWriter.Start(copy, wanted: true, tabs: 1, launchNow: false))
        {
            await documents.WriteAsync([run], CancellationToken.None);
            Assert.False(documents.Started, "the page kept its documents, yet Chromium was started");
            Assert.Equal(made, File.GetLastWriteTimeUtc(pdf));
        }

        inputs.Record([(page.Name, new string('0', 64))]);
        await using (var documents = DocumentWriter.Start(copy, wanted: true, tabs: 1, launchNow: false))
        {
            Assert.False(documents.Started);
            await documents.WriteAsync([run], CancellationToken.None);
            Assert.True(documents.Started);
        }
        Assert.True(File.GetLastWriteTimeUtc(pdf) > made, "the page's PDF was not made again");
        Assert.StartsWith("%PDF", File.ReadAllText(pdf)[..8], StringComparison.Ordinal);
        Assert.Equal(DocumentInputs.Of(copy).Hash(page, run), File.ReadAllLines(Path.Combine(copy, DocumentPaths.Folder, DocumentInputs.RecordFile)).Single(l => l.StartsWith(page.Name + " ", StringComparison.Ordinal))[(page.Name.Length + 1)..]);
    }
}
