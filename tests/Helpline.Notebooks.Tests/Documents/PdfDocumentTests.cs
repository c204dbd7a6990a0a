using System.Text.RegularExpressions;
using Helpline.Notebooks.Tests.Publishing;

namespace Helpline.Notebooks.Tests.Documents;

/// <summary>
/// Each page's PDF read with poppler as a reader's viewer would: A4, numbered, the banner on page 1, none of
/// Chromium's header and footer or the site's navigation, tables inside the page, and every chart drawn whole on one
/// page (its area, drawn to pixels, is not blank).
/// </summary>
[Collection(nameof(DocumentsSite))]
public partial class PdfDocumentTests(PublishedDocuments site)
{
    private const double PointsPerPixel = 0.75; // CSS pixels at 96 per inch, PDF points at 72

    [SkippableFact]
    public void Every_page_prints_to_A4_with_page_numbers_the_banner_on_page_one_and_no_browser_header_or_navigation()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Skip.IfNot(Poppler.Installed, Poppler.Missing);
        Assert.True(site.Exit == 0, site.Log);
        foreach (var notebook in PublishedSite.Notebooks)
        {
            var pdf = site.Document($"documents/{notebook}.pdf");
            Assert.True(File.Exists(pdf), pdf);
            var info = Poppler.Info(pdf);
            var sizes = PageSize().Matches(info).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(sizes);
            Assert.All(sizes, s => Assert.Contains("(A4)", s, StringComparison.Ordinal));
            var pages = Poppler.Pages(pdf);
            Assert.Contains("Synthetic data.", pages[0].Text, StringComparison.Ordinal);
            foreach (var page in pages)
            {
                Assert.Contains($"page {page.Number} of {pages.Count}", page.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("file:", page.Text, StringComparison.Ordinal);
                Assert.DoesNotMatch(BrowserDate(), page.Text);
                Assert.DoesNotContain("All pages", page.Text, StringComparison.Ordinal); // the site's navigation
                Assert.DoesNotContain("Download CSV", page.Text, StringComparison.Ordinal);
            }
        }
    }

    [SkippableFact]
    public void No_link_of_a_PDF_names_a_file_of_the_machine_that_printed_it()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Skip.IfNot(Poppler.Installed, Poppler.Missing);
        Assert.True(site.Exit == 0, site.Log);
        // Chromium resolves a page's links to its siblings against the folder it printed from: file:///home/<user>/...
        var folder = Path.GetDirectoryName(Path.GetFullPath(site.Folder))!;
        foreach (var notebook in PublishedSite.Notebooks)
        {
            var pdf = site.Document($"documents/{notebook}.pdf");
            Assert.All(Poppler.Links(pdf), link => Assert.StartsWith("https://", link, StringComparison.Ordinal));
            var bytes = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
            Assert.DoesNotContain("file:", bytes, StringComparison.Ordinal);
            Assert.DoesNotContain(folder, bytes, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Tables_stay_inside_the_page_with_every_column_printed()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Skip.IfNot(Poppler.Installed, Poppler.Missing);
        foreach (var notebook in PublishedSite.Notebooks)
        {
            var pages = Poppler.Pages(site.Document($"documents/{notebook}.pdf"));
            foreach (var page in pages)
            {
                foreach (var word in page.Words)
                    Assert.True(word.XMax <= page.Width - 20 && word.XMin >= 20, $"{notebook} page {page.Number}: '{word.Text}' runs off the page (x {word.XMin:F0} to {word.XMax:F0} of {page.Width:F0})");
            }
            // The reconciliation table is the widest: its last column, the source, prints.
            var text = string.Join(' ', pages.Select(p => p.Text));
            foreach (var (_, file, header, _) in site.Files.Tables().Where(t => t.Page == notebook))
                Assert.True(text.Contains(header[^1], StringComparison.Ordinal), $"{notebook} {file}: last column '{header[^1]}' is not printed");
        }
    }

    [SkippableFact]
    public void Every_chart_is_drawn_whole_on_one_page()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Skip.IfNot(Poppler.Installed, Poppler.Missing);
        int checkedCharts = 0;
        foreach (var notebook in PublishedSite.Notebooks)
        {
            var pdf = site.Document($"documents/{notebook}.pdf");
            var pages = Poppler.Pages(pdf);
            foreach (var figure in site.Files.Charts(notebook))
            {
                var title = SiteFiles.Title(figure).Split("<br>")[0];
                var (page, top) = Find(pages, title);
                Assert.True(page is not null, $"{notebook}: chart '{title}' is not in the PDF");
                double height = ((double?)figure["layout"]?["height"] ?? 450) * PointsPerPixel;
                double bottom = top - 25 + height; // the title sits about 25 points below the chart's top
                Assert.True(bottom <= page!.Height - 40, $"{notebook}: chart '{title}' runs past the end of page {page.Number} ({bottom:F0} of {page.Height:F0} points)");
                // A heat map keeps its rows on the page of its title.
                if (figure["data"]?[0]?["type"]?.GetValue<string>() == "heatmap")
                {
                    foreach (var row in figure["data"]![0]!["y"]!.AsArray().Select(y => y!.GetValue<string>()))
                        Assert.Contains(page.Words, w => w.Text == row && w.YMin > top && w.YMax < bottom);
                }
                // Drawn: the chart's area below its title is not blank.
                const int dpi = 40;
                var (width, rows, pixels) = Poppler.Render(pdf, page.Number, dpi);
                double scale = dpi / 72.0;
                int y0 = (int)((top + 20) * scale), y1 = Math.Min(rows, (int)(bottom * scale));
                var area = Enumerable.Range(y0, y1 - y0).SelectMany(y => pixels.AsSpan(y * width, width).ToArray()).ToList();
                double mean = area.Average(p => (double)p);
                double deviation = Math.Sqrt(area.Average(p => (p - mean) * (p - mean)));
                double inked = area.Count(p => p < 200) / (double)area.Count;
                Assert.True(deviation > 10 && inked > 0.01, $"{notebook}: chart '{title}' looks blank on page {page.Number} (deviation {deviation:F1}, ink {inked:P1})");
                checkedCharts++;
            }
        }
        Assert.True(checkedCharts >= 10, $"only {checkedCharts} charts found");
    }

    /// <summary>The page and the top of the line that holds the chart's title, word for word.</summary>
    private static (Poppler.Page? Page, double Top) Find(IReadOnlyList<Poppler.Page> pages, string title)
    {
        var words = System.Net.WebUtility.HtmlDecode(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var page in pages)
        {
            for (int i = 0; i + words.Length <= page.Words.Count; i++)
            {
                if (words.Select((w, k) => page.Words[i + k].Text == w).All(b => b))
                    return (page, page.Words[i].YMin);
            }
        }
        return (null, 0);
    }

    [GeneratedRegex(@"Page\s+\d+ size:\s+(.*)")]
    private static partial Regex PageSize();

    // Chromium's default header: the date as 12/1/26, 9:02 PM.
    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{2,4}\b")]
    private static partial Regex BrowserDate();
}
