using System.Buffers.Binary;
using System.Xml.Linq;
using Helpline.Notebooks.Tests.Publishing;

namespace Helpline.Notebooks.Tests.Documents;

/// <summary>Every chart as a PNG at twice its size and an SVG, with its title and source line, linked under the chart.</summary>
[Collection(nameof(DocumentsSite))]
public class ChartImageTests(PublishedDocuments site)
{
    [SkippableFact]
    public void Every_chart_has_a_PNG_at_2x_and_an_SVG_with_its_title_and_source_linked_from_its_page()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Assert.True(site.Exit == 0, site.Log);
        int charts = 0;
        foreach (var notebook in PublishedSite.Notebooks)
        {
            var page = File.ReadAllText(site.Document(notebook + ".html"));
            int n = 0;
            foreach (var figure in site.Files.Charts(notebook))
            {
                n++;
                var png = site.Document($"documents/{notebook}/figure-{n}.png");
                var bytes = File.ReadAllBytes(png);
                Assert.Equal("\x89PNG", System.Text.Encoding.Latin1.GetString(bytes, 0, 4));
                Assert.Equal(1800, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16))); // 900 CSS pixels, drawn at 2x
                Assert.True(bytes.Length > 20_000, $"{png}: {bytes.Length} bytes, a blank image?");

                var svg = XDocument.Load(site.Document($"documents/{notebook}/figure-{n}.svg"));
                Assert.Equal("svg", svg.Root!.Name.LocalName);
                var text = string.Join(' ', svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
                var title = System.Net.WebUtility.HtmlDecode(SiteFiles.Title(figure).Split("<br>")[0]);
                Assert.Contains(title, text, StringComparison.Ordinal);
                Assert.Contains("Source: Stop it Now! register", text, StringComparison.Ordinal);
                // The source line has a band of its own under the drawing, where no legend or axis title can cover it.
                var band = Assert.Single(svg.Root.Elements(), e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "source-line");
                double drawing = (double)svg.Root.Elements().First(e => e.Name.LocalName == "rect").Attribute("height")!;
                Assert.Equal(drawing, (double)band.Elements().Single(e => e.Name.LocalName == "rect").Attribute("y")!);
                Assert.Equal((double)svg.Root.Attribute("height")!, drawing + (double)band.Elements().Single(e => e.Name.LocalName == "rect").Attribute("height")!);
                Assert.StartsWith("Source: Stop it Now! register", band.Value, StringComparison.Ordinal);
                Assert.DoesNotContain("Source:", string.Concat(svg.Root.Elements().Where(e => e != band).Select(e => e.Value)), StringComparison.Ordinal);
                Assert.True(svg.Descendants().Count(e => e.Name.LocalName is "path" or "rect") > 10, $"{notebook} figure {n}: nothing drawn");

                Assert.Contains($"href=\"documents/{notebook}/figure-{n}.png\"", page, StringComparison.Ordinal);
                Assert.Contains($"href=\"documents/{notebook}/figure-{n}.svg\"", page, StringComparison.Ordinal);
                charts++;
            }
            Assert.False(File.Exists(site.Document($"documents/{notebook}/figure-{n + 1}.png")), $"{notebook}: more images than charts");
        }
        Assert.True(charts >= 10, $"only {charts} charts");
    }

    [SkippableFact]
    public void Pages_link_their_documents_beside_each_table_and_the_index_lists_them()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        var index = File.ReadAllText(site.Document("index.html"));
        foreach (var notebook in PublishedSite.Notebooks)
        {
            var page = File.ReadAllText(site.Document(notebook + ".html"));
            bool tables = site.Files.Tables().Any(t => t.Page == notebook);
            foreach (var file in new[] { $"documents/{notebook}.pdf", $"documents/{notebook}.docx" }.Concat(tables ? [$"documents/{notebook}.xlsx"] : []))
            {
                Assert.True(File.Exists(site.Document(file)), file);
                Assert.Contains($"href=\"{file}\"", page, StringComparison.Ordinal);
                Assert.Contains($"href=\"{file}\"", index, StringComparison.Ordinal);
            }
            // Each table's CSV link has the workbook beside it.
            Assert.Equal(System.Text.RegularExpressions.Regex.Count(page, "Download CSV</a>"),
                         System.Text.RegularExpressions.Regex.Count(page, $"Download CSV</a> &middot; <a href=\"documents/{notebook}.xlsx\""));
        }
    }
}
