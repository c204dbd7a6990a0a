using Helpline.Notebooks.Tests.Publishing;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Helpline.Notebooks.Tests.Documents;

/// <summary>
/// What the PDF's text cannot show, asked of Chromium laid out for print at A4 width: no chart toolbar (it printed
/// over the titles), no scrolling box (a scrollbar printed across a table), nothing wider than the paper, no
/// navigation or code.
/// </summary>
[Collection(nameof(DocumentsSite))]
public class PrintStylesheetTests(PublishedDocuments site)
{
    [SkippableFact]
    public async Task In_print_no_toolbar_scrollbar_navigation_or_overflow_remains()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Assert.True(site.Exit == 0, site.Log);
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9"],
        });
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 703, Height = 1000 }); // A4 less 12 mm margins
        await page.EmulateMediaTypeAsync(MediaType.Print);
        foreach (var notebook in new[] { "04-unanswered", "00-answer" })
        {
            await page.GoToAsync(new Uri(site.Document(notebook + ".html")).AbsoluteUri);
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg'))");
            var seen = await page.EvaluateFunctionAsync<string[]>("""
                () => {
                  const shown = e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
                  const out = [];
                  for (const e of document.querySelectorAll('.modebar-container, .modebar, header.site, footer.site, details.code, .download, .documents'))
                    if (shown(e)) out.push('shown: ' + e.className);
                  for (const e of document.querySelectorAll('.output, table, .chart'))
                    if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth) out.push('scrolls: ' + e.className);
                  if (document.documentElement.scrollWidth > 703) out.push('page is ' + document.documentElement.scrollWidth + ' px wide');
                  return out;
                }
                """);
            Assert.True(seen.Length == 0, $"{notebook}: {string.Join("; ", seen)}");
        }
    }
}
