using System.Text.Json;
using Helpline.Analysis;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>A publish with nothing changed since the last one has nothing to redo; any changed input or site file runs it again.</summary>
public class PublishInputsTests
{
    private const string Good = "var threshold = 5;";
    private const string UpToDate = "site up to date: ";
    private const string Written = "site written to ";

    [Fact]
    public void A_second_publish_with_nothing_changed_leaves_the_site_untouched_and_says_it_is_up_to_date()
    {
        var folder = Cli.TempFolder();
        var site = Path.Combine(folder, "site");
        var notebook = Notebooks.Write(folder, "alpha", Good, "var twice = threshold * 2;");
        Assert.Contains(Written, Publish(notebook, site));
        var before = Notebooks.Snapshot(site);
        var written = File.GetLastWriteTimeUtc(Path.Combine(site, "index.html"));

        var again = Publish(notebook, site);

        Assert.Contains(UpToDate, again);
        Assert.DoesNotContain("alpha: cell", again, StringComparison.Ordinal);
        Assert.Equal(before, Notebooks.Snapshot(site));
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(site, "index.html")));
        // --force runs it anyway; --runs publishes again in the same process, for benchmarks of a compiled program.
        var forced = Publish(notebook, site, "--force", "--runs", "2");
        Assert.Equal(2, forced.Split(Written).Length - 1);
        Assert.Matches(@"publish runs in one process: \d+\.\d\d \d+\.\d\d s; after the first, median \d+\.\d\d s", forced);

        // A damaged record (a hand edit, a disk that filled up) is no record: the next publish runs, and records again.
        var record = Directory.GetFiles(Path.Combine(DataPaths.Default.Root, "artifacts", "publish"), "*.json")
            .Single(f => File.ReadAllText(f).Contains(JsonEncodedText.Encode(site).ToString(), StringComparison.Ordinal));
        File.WriteAllText(record, """{"version": "one", "loaded": [1]}""");
        Assert.Contains(Written, Publish(notebook, site));
        Assert.Contains(UpToDate, Publish(notebook, site));
    }

    [Fact]
    public void A_changed_site_file_parameter_or_notebook_publishes_again()
    {
        var folder = Cli.TempFolder();
        var site = Path.Combine(folder, "site");
        var notebook = Notebooks.Write(folder, "alpha", Good, "var twice = threshold * 2;");
        Assert.Contains(Written, Publish(notebook, site));
        var index = File.ReadAllText(Path.Combine(site, "index.html"));

        File.AppendAllText(Path.Combine(site, "index.html"), "<p>edited by hand</p>");
        Assert.Contains(Written, Publish(notebook, site));
        Assert.Equal(index, File.ReadAllText(Path.Combine(site, "index.html")));

        Assert.Contains(Written, Publish(notebook, site, "--param", "threshold=7"));
        Assert.Contains(UpToDate, Publish(notebook, site, "--param", "threshold=7"));

        Notebooks.Write(folder, "alpha", Good, "var twice = threshold * 2 + 1;");
        Assert.Contains(Written, Publish(notebook, site, "--param", "threshold=7"));
    }

    [Fact]
    public void A_data_file_a_notebook_loaded_is_compared_by_its_content_not_its_name()
    {
        var folder = Cli.TempFolder();
        var site = Path.Combine(folder, "site");
        var web = Path.Combine(folder, "web.csv");
        File.Copy(DataPaths.Default.WebVisits, web);
        var notebook = Path.Combine(DataPaths.Default.Notebooks, "07-website.ipynb");
        Assert.Contains(Written, Publish(notebook, site, "--param", $"web={web}"));

        // One more visitor in the first month: the same file name, another content.
        var lines = File.ReadAllLines(web);
        var first = lines[1].Split(',');
        first[2] = (int.Parse(first[2], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lines[1] = string.Join(',', first);
        File.WriteAllLines(web, lines);

        Assert.Contains(Written, Publish(notebook, site, "--param", $"web={web}"));
    }

    [Fact]
    public void A_link_in_the_site_folder_that_leads_nowhere_stays_a_link_and_the_publish_succeeds()
    {
        var folder = Cli.TempFolder();
        var site = Path.Combine(folder, "site");
        Directory.CreateDirectory(site);
        var link = Path.Combine(site, "dangling");
        File.CreateSymbolicLink(link, Path.Combine(folder, "nowhere"));
        var notebook = Notebooks.Write(folder, "alpha", Good, "var twice = threshold * 2;");

        Assert.Contains(Written, Publish(notebook, site));

        Assert.Equal(Path.Combine(folder, "nowhere"), new FileInfo(link).LinkTarget);
        Assert.True(File.Exists(Path.Combine(site, "alpha.html")));
        Assert.Contains(UpToDate, Publish(notebook, site));
    }

    private static string Publish(string notebook, string site, params string[] more)
    {
        var (exit, _, err) = Cli.Run(["publish", notebook, "--output", site, "--no-documents", .. more]);
        Assert.True(exit == 0, err);
        return err;
    }
}
