using System.Diagnostics;
using System.Globalization;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Documents;

/// <summary>
/// Writes every page's documents into the site's <c>documents/</c> folder once its pages are written: the page as
/// an A4 PDF and its charts as PNG and SVG (one Chromium for the whole publish, a tab a page, pages side by side),
/// its tables as an XLSX workbook, and a Word draft. All from the released notebook and the written page, so a
/// document shows exactly what its page shows.
/// </summary>
internal sealed class DocumentWriter(string site)
{
    public string Folder { get; } = Path.GetFullPath(site);

    /// <summary>Documents need a browser for PDF and images: without one, publish writes the site alone.</summary>
    public static bool Available => PageRenderer.Executable is not null;

    /// <summary>What was written, for the closing summary.</summary>
    public sealed record Summary(int Pages, int Pdfs, int Workbooks, int Drafts, int Charts, long Bytes, TimeSpan Elapsed)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"documents: {Pdfs} PDF, {Workbooks} XLSX, {Drafts} Word drafts, {Charts} charts as PNG and SVG ({Bytes / 1024.0 / 1024.0:F1} MB) in {Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Writes the documents of the given runs' pages (already written to the site), <paramref name="tabs"/> pages at a time.</summary>
    public async Task<Summary> WriteAsync(IReadOnlyList<NotebookRun> runs, int tabs, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var pages = runs.Select(r => PageModel.From(r.Executed)).ToList();
        var root = Path.Combine(Folder, DocumentPaths.Folder);
        Directory.CreateDirectory(root);
        foreach (var page in pages)
            Clear(page.Name);

        // Workbooks need no browser: written while Chromium starts and prints.
        var workbooks = Task.Run(() =>
        {
            foreach (var page in pages.Where(p => p.Tables.Any()))
                WorkbookWriter.Write(page, Path.Combine(Folder, DocumentPaths.Workbook(page.Name)));
        }, cancel);

        await using (var renderer = await PageRenderer.LaunchAsync())
        {
            using var gate = new SemaphoreSlim(Math.Max(1, tabs));
            await Task.WhenAll(pages.Select(async page =>
            {
                await gate.WaitAsync(cancel);
                try
                {
                    await WritePageAsync(renderer, page);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        await workbooks;

        long bytes = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        return new Summary(pages.Count, pages.Count, pages.Count(p => p.Tables.Any()), pages.Count, pages.Sum(p => p.Charts.Count()), bytes, clock.Elapsed);
    }

    /// <summary>One page's PDF, chart images and Word draft (which embeds the PNGs).</summary>
    public async Task WritePageAsync(PageRenderer renderer, PageModel page)
    {
        var images = Path.Combine(Folder, DocumentPaths.Folder, page.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(images)!);
        await renderer.RenderAsync(Path.Combine(Folder, page.Name + ".html"), page, Path.Combine(Folder, DocumentPaths.Pdf(page.Name)), images);
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
}
