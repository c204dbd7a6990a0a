namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>A publish replaces the site only when every notebook ran; <c>--partial</c> publishes the pages that did.</summary>
public class StagedPublishTests
{
    private const string Good = "var threshold = 5;";

    [Fact]
    public void A_failing_cell_leaves_the_last_good_site_as_it_was()
    {
        var folder = Cli.TempFolder();
        var site = Path.Combine(folder, "site");
        var notebook = Notebooks.Write(folder, "alpha", Good, "var twice = threshold * 2;");
        var (exit, _, err) = Cli.Run("publish", notebook, "--output", site);
        Assert.True(exit == 0, err);
        // As a table of the last good run would have left it.
        Directory.CreateDirectory(Path.Combine(site, "data", "alpha"));
        File.WriteAllText(Path.Combine(site, "data", "alpha", "table-1.csv"), "year,contacts\n2020,450\n");
        var before = Notebooks.Snapshot(site);

        Notebooks.Write(folder, "alpha", Good, "throw new InvalidOperationException(\"broken on purpose\");");
        (exit, _, err) = Cli.Run("publish", notebook, "--output", site);

        Assert.Equal(2, exit);
        Assert.Contains("alpha: cell 3 failed", err);
        Assert.Contains("InvalidOperationException: broken on purpose", err);
        Assert.Contains("site left as it was", err);
        Assert.Equal(before, Notebooks.Snapshot(site));
        Assert.Equal(["site"], Directory.GetDirectories(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void With_partial_the_pages_that_ran_are_published_and_the_others_left_as_they_were()
    {
        var folder = Cli.TempFolder();
        var site = Path.Combine(folder, "site");
        var alpha = Notebooks.Write(folder, "alpha", Good, "var twice = threshold * 2;");
        var beta = Notebooks.Write(folder, "beta", Good, "var thrice = threshold * 3;");
        var (exit, _, err) = Cli.Run("publish", alpha, beta, "--output", site);
        Assert.True(exit == 0, err);
        var betaPage = File.ReadAllText(Path.Combine(site, "beta.html"));

        Notebooks.Write(folder, "alpha", Good, "var twice = threshold * 2 + 1;");
        Notebooks.Write(folder, "beta", Good, "throw new InvalidOperationException(\"broken on purpose\");");
        (exit, _, err) = Cli.Run("publish", alpha, beta, "--output", site, "--partial");

        Assert.Equal(2, exit);
        Assert.Contains("beta: cell 3 failed", err);
        Assert.Contains("threshold * 2 + 1", File.ReadAllText(Path.Combine(site, "alpha.html")));
        Assert.Equal(betaPage, File.ReadAllText(Path.Combine(site, "beta.html")));
        Assert.Contains("href=\"beta.html\"", File.ReadAllText(Path.Combine(site, "index.html")));
    }
}
