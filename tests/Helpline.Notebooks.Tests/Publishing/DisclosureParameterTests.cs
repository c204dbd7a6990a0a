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

    [Fact]
    public void Without_suppression_publish_refuses_a_site_folder_unless_told_and_then_stamps_every_page()
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
    }
}
