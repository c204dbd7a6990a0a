using System.Diagnostics;
using System.Globalization;
using Helpline.Notebooks.Commands;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Documents;

/// <summary>
/// Writes every page's documents into the site's <c>documents/</c> folder once its pages are written: the page as
/// an A4 PDF and its charts as PNG and SVG (one Chromium for the whole publish, a tab a page, pages side by side),
/// its tables as an XLSX workbook, and a Word draft. All from the released notebook and the written page, so a
/// document shows exactly what its page shows.
/// </summary>
internal sealed class DocumentWriter : IAsyncDisposable
{
    private readonly Lazy<Task<PageRenderer>>? _browser;

    private DocumentWriter(string site, Lazy<Task<PageRenderer>>? browser)
    {
        Folder = Path.GetFullPath(site);
        _browser = browser;
    }

    /// <summary>The site folder documents go into: publish points it at its staging copy.</summary>
    public string Folder { get; set; }

    /// <summary>Whether documents are written (asked for, and a browser is installed): pages link them only then.</summary>
    public bool On => _browser is not null;

    /// <summary>Documents need a browser for PDF and images: without one, publish writes the site alone.</summary>
    public static bool Available => PageRenderer.Executable is not null;

    /// <summary>
    /// Starts the browser now, with <paramref name="tabs"/> tabs, so that it is up by the time the pages are written
    /// (publish starts it before running the notebooks). Without a browser, says so and writes nothing.
    /// </summary>
    /// <param name="launchNow">False when every page is expected to keep its documents: the browser then starts only
    /// if a page needs documents after all.</param>
    public static DocumentWriter Start(string site, bool wanted, int tabs, bool launchNow = true)
    {
        if (wanted && !Available)
            HostOutput.Error.WriteLine("no Chromium found (Debian: apt-get install chromium): the site is written without its documents; --no-documents says so without this warning");
        var browser = wanted && Available ? new Lazy<Task<PageRenderer>>(() => PageRenderer.LaunchAsync(tabs)) : null;
        if (launchNow)
            _ = browser?.Value;
        return new DocumentWriter(site, browser);
    }

    /// <summary>Whether the browser was started, now or when a page needed it.</summary>
    internal bool Started => _browser is { IsValueCreated: true };

    /// <summary>What was written, for the closing summary.</summary>
    public sealed record Summary(int Pages, int Pdfs, int Workbooks, int Drafts, int Charts, long Bytes, TimeSpan Elapsed)
    {
        /// <summary>Pages whose documents were kept: made before from the same inputs.</summary>
        public int Kept { get; init; }

        /// <summary>Whether Chromium was started: not when it was left for later and every page kept its documents.</summary>
        public bool Started { get; init; } = true;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"documents: {Pdfs} PDF, {Workbooks} XLSX, {Drafts} Word drafts, {Charts} charts as PNG and SVG ({Bytes / 1024.0 / 1024.0:F1} MB) in {Elapsed.TotalSeconds:F1} s") +
            (Kept > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {Kept} page{(Kept == 1 ? "'s" : "s'")} documents kept (made before from the same page, notebook, assets, program and browser)") : "") +
            (Started ? "" : "; Chromium not started");
    }

    /// <summary>Writes the documents of the given runs' pages (already written to the site), a page a tab, and prints what it wrote.</summary>
    public async Task WriteAsync(IReadOnlyList<NotebookRun> runs, CancellationToken cancel)
    {
        if (_browser is null)
            return;
        var clock = Stopwatch.StartNew();
        var all = runs.Select(r => PageModel.From(r.Executed)).ToList();
        var root = Path.Combine(Folder, DocumentPaths.Folder);
        Directory.CreateDirectory(root);
        // A page whose documents were made from the same page, notebook, assets, program and browser keeps them.
        var inputs = DocumentInputs.Of(Folder);
        var hashes = all.Zip(runs, (page, run) => (Page: page.Name, Hash: inputs.Hash(page, run))).ToList();
        var pages = all.Where((page, i) => !inputs.Kept(page, hashes[i].Hash)).ToList();
        foreach (var page in pages)
            Clear(page.Name);

        // Workbooks need no browser: written while Chromium starts and prints.
        var workbooks = Task.Run(() =>
        {
            foreach (var page in pages.Where(p => p.Tables.Any()))
                WorkbookWriter.Write(page, Path.Combine(Folder, DocumentPaths.Workbook(page.Name)));
        }, cancel);

        // The renderer hands each page a free tab; the pages with the most charts go first.
        await Task.WhenAll(pages.OrderByDescending(p => p.Charts.Count()).Select(WritePageAsync));
        await workbooks;
        inputs.Record(hashes);

        long bytes = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        HostOutput.Error.WriteLine(new Summary(pages.Count, pages.Count, pages.Count(p => p.Tables.Any()), pages.Count, pages.Sum(p => p.Charts.Count()), bytes, clock.Elapsed) { Kept = all.Count - pages.Count, Started = Started });
    }

    /// <summary>One page's PDF, chart images and Word draft (which embeds the PNGs).</summary>
    public async Task WritePageAsync(PageModel page)
    {
        var images = Path.Combine(Folder, DocumentPaths.Folder, page.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(images)!);
        try
        {
            var renderer = await (_browser ?? throw new InvalidOperationException("documents are off")).Value;
            await renderer.RenderAsync(Path.Combine(Folder, page.Name + ".html"), page, Path.Combine(Folder, DocumentPaths.Pdf(page.Name)), images);
        }
        catch (PuppeteerSharp.PuppeteerException e)
        {
            throw new NotebookException($"{page.Name}: Chromium could not print the page or draw its charts (publish --no-documents writes the site without documents)", e);
        }
        WordWriter.Write(page, images, Path.Combine(Folder, DocumentPaths.Word(page.Name)));
    }

    private void Clear(string page)
    {
        foreach (var file in new[] { DocumentPaths.Pdf(page), DocumentPaths.Workbook(page), DocumentPaths.Word(page) }.Select(f => Path.Combine(Folder, f)))
        {
            if (File.Exists(file))
                File.Delete(file);
        }
        var images = Path.Combine(Folder, DocumentPaths.Folder, page);
        if (Directory.Exists(images))
            Directory.Delete(images, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not { IsValueCreated: true })
            return;
        PageRenderer renderer;
        try
        {
            renderer = await _browser.Value;
        }
        catch (Exception e) when (e is PuppeteerSharp.PuppeteerException or InvalidOperationException or IOException)
        {
            return; // a browser that did not start has been reported where it was awaited, or was never needed
        }
        await renderer.DisposeAsync();
    }
}
