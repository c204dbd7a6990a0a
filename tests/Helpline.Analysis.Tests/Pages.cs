using System.Globalization;

namespace Helpline.Analysis.Tests;

/// <summary>A table as its page's CSV download writes it under a release: what a reader of the site gets.</summary>
internal static class Pages
{
    public static string Csv(IPageOutput output, Release release) =>
        output.Render(release).Csv ?? throw new InvalidOperationException($"{output} has no CSV download.");

    /// <summary>One column of the download, row by row (the fields of these tables hold no separator or quote).</summary>
    public static IReadOnlyList<string> Column(IPageOutput output, Release release, string column)
    {
        var lines = Csv(output, release).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.DoesNotContain('"', line));
        int j = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(j >= 0, $"no column '{column}' in {lines[0]}");
        return [.. lines.Skip(1).Select(line => line.Split(',')[j])];
    }

    /// <summary>A column of counts, every count shown.</summary>
    public static IReadOnlyList<int> Counts(IPageOutput output, string column) =>
        [.. Column(output, Releases.ShowingAll(output), column).Select(v => int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture))];
}
