using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>The disclosure parameters cannot switch protection off behind a page that still promises it.</summary>
public class DisclosureParameterTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("2")]
    public void A_threshold_below_3_is_refused_before_anything_runs(string threshold)
    {
        var folder = Cli.TempFolder();
        var (exit, _, err) = Cli.Run("publish", "--param", $"threshold={threshold}", "--output", folder, "notebooks/05-referrals.ipynb");
        Assert.Equal(1, exit);
        Assert.Contains("threshold", err);
        Assert.False(File.Exists(Path.Combine(folder, "05-referrals.html")));
    }

    [SkippableFact]
    public void Without_suppression_publish_refuses_a_site_folder_unless_told_and_then_stamps_every_page_and_document()
    {
        var folder = Cli.TempFolder();
        var (exit, _, err) = Cli.Run("publish", "--param", "suppress=false", "--output", folder, "notebooks/05-referrals.ipynb");
        Assert.Equal(1, exit);
        Assert.Contains("--not-for-publication", err);
        Assert.False(File.Exists(Path.Combine(folder, "05-referrals.html")));

        (exit, _, err) = Cli.Run("publish", "--param", "suppress=false", "--not-for-publication", "--output", folder, "notebooks/05-referrals.ipynb");
        Assert.True(exit == 0, err);
        var page = File.ReadAllText(Path.Combine(folder, "05-referrals.html"));
        Assert.Contains("Not for publication", page);

        // A document travels without its page: each says it first, and the workbook does not claim the gate's release.
        Skip.If(Chromium.Executable is null, Documents.PublishedDocuments.NoChromium);
        var documents = Path.Combine(folder, "documents");
        const string Stamp = "Not for publication. Disclosure control is off (suppress = false): small counts are shown. This page is for the researcher's own look only.";
        foreach (var figure in Directory.GetFiles(Path.Combine(documents, "05-referrals"), "figure-*.svg"))
        {
            var line = XDocument.Load(figure).Descendants().Single(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "source-line")
                .Descendants().Where(e => e.Name.LocalName == "tspan").Select(e => e.Value);
            Assert.StartsWith(Stamp, string.Join(' ', line), StringComparison.Ordinal);
        }
        using (var draft = WordprocessingDocument.Open(Path.Combine(documents, "05-referrals.docx"), false))
        {
            var paragraphs = draft.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Equal(Stamp, paragraphs[1]);
        }
        var notes = MiniExcel.Query(Path.Combine(documents, "05-referrals.xlsx"), useHeaderRow: false, sheetName: "Notes")
            .Cast<IDictionary<string, object?>>().Select(r => string.Join(" ", r.Values)).ToList();
        Assert.Contains(notes, n => n.Contains(Stamp, StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Contains("passed the site's release gate", StringComparison.Ordinal));
        if (Documents.Poppler.Installed)
            Assert.Contains("Not for publication", Documents.Poppler.Run("pdftotext", "-f", "1", "-l", "1", Path.Combine(documents, "05-referrals.pdf"), "-"), StringComparison.Ordinal);
    }
}
