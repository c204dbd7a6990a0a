using System.Net;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Helpline.Notebooks.Documents;

/// <summary>
/// The installed Chromium (Debian's <c>chromium</c>), started once and driven over the DevTools protocol
/// (PuppeteerSharp, which never downloads a browser when given one): prints written pages to A4 PDF and draws their
/// charts as PNG and SVG from the figures the page itself drew. Requests to the network go to a closed port.
/// </summary>
internal sealed class PageRenderer : IAsyncDisposable
{
    /// <summary>A4 less the left and right margins (12 mm each), in CSS pixels: pages are laid out at the width they print at, so charts size to the paper.</summary>
    public const int PrintWidth = 703;

    /// <summary>Chart images are drawn this wide (CSS pixels), at twice the resolution for the PNG.</summary>
    public const int ImageWidth = 900;

    private const string Margin = "12mm";

    // A page loads plotly.js (3.6 MB) and draws every chart before it prints. Puppeteer's 30 s default for loading was
    // exceeded on 2 cores busy with other publishes: a slow machine makes a publish slower, not a failed one.
    private const int PageTimeoutMs = 180_000;

    private readonly IBrowser _browser;
    private readonly string _profile;
    private readonly System.Threading.Channels.Channel<IPage> _tabs = System.Threading.Channels.Channel.CreateUnbounded<IPage>();

    private PageRenderer(IBrowser browser, string profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>The browser: <c>HELPLINE_CHROMIUM</c> if set, else Debian's chromium; null when none is installed.</summary>
    public static string? Executable =>
        Environment.GetEnvironmentVariable("HELPLINE_CHROMIUM") is { Length: > 0 } named && File.Exists(named) ? named
            : Installed.FirstOrDefault(File.Exists);

    private static readonly string[] Installed = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>Starts the browser with <paramref name="tabs"/> tabs; each renders one page at a time and is reused
    /// page after page, rather than a new tab (and renderer process) a page.</summary>
    public static async Task<PageRenderer> LaunchAsync(int tabs = 1)
    {
        var executable = Executable ?? throw new InvalidOperationException("no Chromium installed (Debian: apt-get install chromium)");
        var profile = Directory.CreateTempSubdirectory("helpline-documents-").FullName;
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            UserDataDir = profile,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--proxy-server=127.0.0.1:9",
                "--font-render-hinting=none",
            ],
        });
        var renderer = new PageRenderer(browser, profile);
        var pages = await browser.PagesAsync();
        for (int i = 0; i < Math.Max(1, tabs); i++)
        {
            var tab = i < pages.Length ? pages[i] : await browser.NewPageAsync();
            tab.DefaultTimeout = PageTimeoutMs;
            tab.DefaultNavigationTimeout = PageTimeoutMs;
            await tab.SetViewportAsync(new ViewPortOptions { Width = PrintWidth, Height = 1000 });
            await tab.EmulateMediaTypeAsync(MediaType.Print);
            renderer._tabs.Writer.TryWrite(tab);
        }
        return renderer;
    }

    /// <summary>
    /// Opens a written page as it prints (A4 width, print styles) and waits for every chart to be drawn; then writes
    /// each chart's PNG (2x) and SVG, with its title and the source line, and the page as a PDF.
    /// </summary>
    public async Task<IReadOnlyList<string>> RenderAsync(string htmlPath, PageModel model, string pdfPath, string imageFolder)
    {
        var page = await _tabs.Reader.ReadAsync();
        try
        {
            return await RenderAsync(page, htmlPath, model, pdfPath, imageFolder);
        }
        finally
        {
            _tabs.Writer.TryWrite(page);
        }
    }

    private static async Task<IReadOnlyList<string>> RenderAsync(IPage page, string htmlPath, PageModel model, string pdfPath, string imageFolder)
    {
        await page.GoToAsync(new Uri(htmlPath).AbsoluteUri, WaitUntilNavigation.Load);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg'))",
            new WaitForFunctionOptions { Timeout = PageTimeoutMs, PollingInterval = 50 });

        var written = new List<string>();
        var images = await page.EvaluateFunctionAsync<string[][]>(ImagesScript, model.SourceLine, ImageWidth);
        if (images.Length > 0)
            Directory.CreateDirectory(imageFolder);
        for (int i = 0; i < images.Length; i++)
        {
            var png = Path.Combine(imageFolder, DocumentPaths.FigureFile(i + 1, "png"));
            await File.WriteAllBytesAsync(png, Convert.FromBase64String(images[i][0][(images[i][0].IndexOf(',', StringComparison.Ordinal) + 1)..]));
            var svg = Path.Combine(imageFolder, DocumentPaths.FigureFile(i + 1, "svg"));
            await File.WriteAllTextAsync(svg, Uri.UnescapeDataString(images[i][1][(images[i][1].IndexOf(',', StringComparison.Ordinal) + 1)..]));
            written.Add(png);
            written.Add(svg);
        }

        // A link to a sibling file (another page, the executed notebook, a CSV) would print as the file:// address
        // of the folder the site was written in, a path of this machine: the PDF keeps the text, not the link.
        await page.EvaluateExpressionAsync(UnlinkLocalFiles);
        await page.PdfAsync(pdfPath, new PdfOptions
        {
            Format = PaperFormat.A4,
            PrintBackground = true,
            // Chromium's own header and footer carry the date, the file:// address and the title: replaced by a
            // footer with the page's title and its page numbers, and no header.
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate =
                "<div style=\"font: 8px sans-serif; color: #555; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between;\">" +
                $"<span>{WebUtility.HtmlEncode(model.Title)}</span><span>page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>",
            MarginOptions = new MarginOptions { Top = Margin, Bottom = "16mm", Left = Margin, Right = Margin },
        });
        written.Add(pdfPath);
        return written;
    }

    private const string UnlinkLocalFiles = "document.querySelectorAll('a[href]').forEach(a => { if (a.protocol !== 'http:' && a.protocol !== 'https:' && a.protocol !== 'mailto:') a.removeAttribute('href'); })";

    // Each chart again from the figure the page drew (its data and layout, so what the page withholds stays
    // withheld), at a fixed size, with the source line in a band of its own under the drawing: Plotly's own image
    // export. The band is added to the SVG rather than drawn as an annotation, which a legend below the plot covers.
    private const string ImagesScript = """
        async (source, width) => {
          const ns = 'http://www.w3.org/2000/svg';
          const out = [];
          for (const gd of document.querySelectorAll('.chart')) {
            const layout = JSON.parse(JSON.stringify(gd.layout));
            layout.width = width;
            layout.height = layout.height || 440;
            if (layout.title && typeof layout.title === 'object' && (layout.title.x || 0) === 0) layout.title.x = 0.012;
            const drawn = await Plotly.toImage({ data: gd.data, layout: layout }, { format: 'svg', width: width, height: layout.height });
            const svg = new DOMParser().parseFromString(decodeURIComponent(drawn.slice(drawn.indexOf(',') + 1)), 'image/svg+xml').documentElement;
            // The source line, wrapped to the image's width in the chart's font.
            const family = (gd._fullLayout && gd._fullLayout.font && gd._fullLayout.font.family) || 'sans-serif';
            const measure = document.createElement('canvas').getContext('2d');
            measure.font = '11px ' + family;
            const lines = [];
            for (const word of source.split(' ')) {
              const joined = lines.length ? lines[lines.length - 1] + ' ' + word : word;
              if (lines.length && measure.measureText(joined).width <= width - 20) lines[lines.length - 1] = joined;
              else lines.push(word);
            }
            const band = 8 + 15 * lines.length;
            const height = layout.height + band;
            svg.setAttribute('height', height);
            svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
            const group = document.createElementNS(ns, 'g');
            group.setAttribute('class', 'source-line');
            const background = document.createElementNS(ns, 'rect');
            for (const [name, value] of [['x', 0], ['y', layout.height], ['width', width], ['height', band], ['fill', '#fff']])
              background.setAttribute(name, value);
            group.appendChild(background);
            const text = document.createElementNS(ns, 'text');
            text.setAttribute('style', `font-family: ${family}; font-size: 11px; fill: #555;`);
            lines.forEach((line, i) => {
              const span = document.createElementNS(ns, 'tspan');
              span.setAttribute('x', 10);
              span.setAttribute('y', layout.height + 15 * (i + 1) - 2);
              span.textContent = line;
              text.appendChild(span);
            });
            group.appendChild(text);
            svg.appendChild(group);
            const url = 'data:image/svg+xml,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
            // The PNG is that drawing at twice its size (what Plotly's own PNG export does, without drawing the chart again).
            const image = new Image();
            image.src = url;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = 2 * width;
            canvas.height = 2 * height;
            canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
            out.push([canvas.toDataURL('image/png'), url]);
          }
          return out;
        }
        """;

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // the browser may still hold a lock file for a moment; a temporary folder left behind is harmless
        }
    }
}
