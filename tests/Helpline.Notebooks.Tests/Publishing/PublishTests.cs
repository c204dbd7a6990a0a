using System.Text.RegularExpressions;

namespace Helpline.Notebooks.Tests.Publishing;

[Collection(nameof(ShippedSite))]
public class PublishTests(PublishedSite site)
{
    [Fact]
    public void Every_notebook_runs_without_a_failing_cell() =>
        Assert.True(site.Exit == 0, $"publish exited {site.Exit}:\n{site.Log}");

    [Fact]
    public void The_site_has_an_index_and_for_each_notebook_a_page_and_its_executed_notebook()
    {
        var index = File.ReadAllText(Path.Combine(site.First, "index.html"));
        Assert.NotEmpty(PublishedSite.Notebooks);
        foreach (var notebook in PublishedSite.Notebooks)
        {
            Assert.Contains($"href=\"{notebook}.html\"", index);
            Assert.True(File.Exists(Path.Combine(site.First, notebook + ".html")), notebook);
            Assert.True(File.Exists(Path.Combine(site.First, notebook + ".ipynb")), notebook);
        }
        Assert.True(File.Exists(Path.Combine(site.First, "assets", "plotly-2.28.0.min.js")));
    }

    [Fact]
    public void Publishing_twice_on_the_same_inputs_gives_byte_identical_files()
    {
        Assert.Equal(0, site.SecondExit);
        var first = Directory.GetFiles(site.First, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site.First, f)).Order(StringComparer.Ordinal).ToList();
        var second = Directory.GetFiles(site.Second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site.Second, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(first, second);
        foreach (var file in first)
            Assert.True(File.ReadAllBytes(Path.Combine(site.First, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site.Second, file))), $"{file} differs between two publishes");
    }

    [Fact]
    public void Every_displayed_table_is_offered_as_a_CSV_download()
    {
        foreach (var notebook in PublishedSite.Notebooks)
        {
            var page = File.ReadAllText(Path.Combine(site.First, notebook + ".html"));
            foreach (Match link in Regex.Matches(page, "href=\"(data/[^\"]+\\.csv)\""))
                Assert.True(File.Exists(Path.Combine(site.First, link.Groups[1].Value)), link.Groups[1].Value);
            Assert.Equal(Regex.Count(page, "<table class=\"data\""), Regex.Count(page, "Download CSV"));
        }
    }

    [Fact]
    public void Every_page_says_at_the_top_that_its_data_are_synthetic()
    {
        foreach (var notebook in PublishedSite.Notebooks)
        {
            var page = File.ReadAllText(Path.Combine(site.First, notebook + ".html"));
            int main = page.IndexOf("<main>", StringComparison.Ordinal);
            Assert.True(page.IndexOf("<div class=\"banner synthetic\">", StringComparison.Ordinal) is var at && at > main && at < main + 50, notebook);
        }
    }

    [Fact]
    public void No_page_or_download_holds_a_contact_id_or_caller_key_of_the_register()
    {
        // Straight from the file: the register itself keeps no identifier.
        var secrets = File.ReadLines(Helpline.Analysis.DataPaths.Default.Register).Skip(1).Select(line => line.Split(','))
            .SelectMany(cells => new[] { cells[0], cells[7] }).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        Assert.True(secrets.Count > 18_000);
        foreach (var file in Directory.GetFiles(site.First, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".js", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match token in Regex.Matches(text, @"\b(C\d{6}|k[0-9a-f]{12})\b"))
                Assert.False(secrets.Contains(token.Value), $"{Path.GetFileName(file)} holds {token.Value} from the register");
        }
    }

    [Fact]
    public void No_page_download_or_executed_notebook_holds_a_moment_finer_than_the_day()
    {
        var moment = new Regex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}");
        foreach (var file in Directory.GetFiles(site.First, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".js", StringComparison.Ordinal)))
            Assert.False(moment.IsMatch(File.ReadAllText(file)), $"{Path.GetFileName(file)} holds {moment.Match(File.ReadAllText(file)).Value}");
    }

    [SkippableFact]
    public void Every_page_draws_its_charts_with_visible_bars_in_headless_Chromium_with_no_console_message_and_no_request_leaving_the_machine()
    {
        Skip.If(Chromium.Executable is null, "Chromium is not installed (Debian package 'chromium'); .ci/run installs it");
        foreach (var notebook in PublishedSite.Notebooks)
        {
            var path = Path.Combine(site.First, notebook + ".html");
            var expected = Regex.Count(File.ReadAllText(path), "<div class=\"chart\"");
            var check = Chromium.Open(path);
            Assert.True(expected == check.ChartsDrawn, $"{notebook}: {check.ChartsDrawn} of {expected} charts drawn");
            Assert.True(check.BarThickness.All(t => t >= 1), $"{notebook}: a bar is drawn {check.BarThickness.DefaultIfEmpty(0).Min():F2} px thick");
            Assert.True(check.ConsoleLines.Count == 0, $"{notebook}: console said {string.Join(" | ", check.ConsoleLines)}");
            Assert.True(check.ExternalRequests.Count == 0, $"{notebook}: requested {string.Join(", ", check.ExternalRequests)}");
        }
    }
}
