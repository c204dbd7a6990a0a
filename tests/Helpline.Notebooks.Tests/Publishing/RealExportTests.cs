using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Helpline.Analysis;
using Helpline.Notebooks.Tests.Corpus;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>Publishes every notebook on the messy full export, as a researcher would on the real register.</summary>
public sealed class RealExportSite
{
    public RealExportSite()
    {
        Export = Path.Combine(DataPaths.Default.Root, "tests", "Helpline.Notebooks.Tests", "Corpus", MessyExport.FileName);
        Folder = Cli.TempFolder();
        (Exit, _, Log) = Cli.Run("publish", "--param", $"register={Export}", "--output", Folder);
    }

    public string Export { get; }

    public string Folder { get; }

    public int Exit { get; }

    public string Log { get; }
}

public class RealExportTests(RealExportSite site) : IClassFixture<RealExportSite>
{
    [Fact]
    public void Publishing_on_a_messy_export_succeeds()
    {
        Assert.True(site.Exit == 0, site.Log);
    }

    [Fact]
    public void Every_page_names_the_export_and_its_SHA_256_and_none_says_synthetic()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(site.Export)));
        foreach (var page in PublishedSite.Notebooks)
        {
            var html = File.ReadAllText(Path.Combine(site.Folder, page + ".html"));
            Assert.Contains("<div class=\"banner real\"><strong>Real export.</strong>", html);
            Assert.Contains(sha, html);
            Assert.Contains(MessyExport.FileName, html);
            Assert.Contains("18,464 rows read, 18,442 kept, 4 rejected, 18 duplicates removed", html);
            Assert.DoesNotContain("banner synthetic", html);
        }
    }

    [Fact]
    public void No_page_download_or_executed_notebook_holds_an_identifier_or_a_moment_finer_than_the_day()
    {
        // Straight from the export (identifiers are ASCII, so Latin-1 reads them as Windows-1252 would): the register keeps none.
        var secrets = File.ReadLines(site.Export, System.Text.Encoding.Latin1).Skip(1).Select(line => line.Split(';'))
            .Where(cells => cells.Length > 7).SelectMany(cells => new[] { cells[0], cells[7] }).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        Assert.True(secrets.Count > 18_000);
        var moment = new Regex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\d{1,2}[/-]\d{1,2}[/-]\d{4} \d{1,2}:\d{2}");
        foreach (var file in Directory.GetFiles(site.Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".js", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match token in Regex.Matches(text, @"\b(C\d{6}|k[0-9a-f]{12})\b"))
                Assert.False(secrets.Contains(token.Value), $"{Path.GetFileName(file)} holds {token.Value} from the export");
            Assert.False(moment.IsMatch(text), $"{Path.GetFileName(file)} holds a moment: {moment.Match(text).Value}");
        }
    }

    [Fact]
    public void Pages_from_a_private_export_are_refused_in_a_folder_git_tracks_by_publish_and_by_watch()
    {
        var tracked = Path.Combine(DataPaths.Default.Root, "notebooks", "published-by-mistake");
        foreach (var verb in new[] { "publish", "watch" })
        {
            var (exit, _, err) = Cli.Run(verb, "--param", $"register={site.Export}", "--output", tracked);
            Assert.Equal(1, exit);
            Assert.Contains("refusing to publish pages built from full-export-semicolon-1252.csv", err);
            Assert.False(Directory.Exists(tracked));
        }
    }
}
