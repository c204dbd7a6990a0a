using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Helpline.Analysis;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Tests;

/// <summary>The README's code runs as written (Sep's convention: docs that cannot drift).</summary>
public partial class ReadmeTests
{
    [GeneratedRegex(@"A follow-up question takes.*?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FollowUpBlock();

    [GeneratedRegex(@"```csharp\n(?<code>#r .*?)```", RegexOptions.Singleline)]
    private static partial Regex SetupBlock();

    [Fact]
    public void The_README_setup_cell_and_follow_up_code_run_in_a_notebook()
    {
        var readme = File.ReadAllText(Path.Combine(DataPaths.Default.Root, "README.md"));
        var setup = SetupBlock().Match(readme).Groups["code"].Value;
        var followUp = FollowUpBlock().Match(readme).Groups["code"].Value;
        Assert.NotEqual("", setup);
        Assert.NotEqual("", followUp);

        // One level under the root, like notebooks/, so the setup cell's relative path holds; not notebooks/ itself,
        // which the publish tests list while this runs.
        var folder = Path.Combine(DataPaths.Default.Root, $".readme-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var json = new JsonObject
        {
            ["cells"] = new JsonArray(
                NotebookCell.Code(setup, "setup").Json,
                NotebookCell.Code(followUp + "\nConsole.WriteLine($\"{chatIn2020.Rows.Count} {numbersLost} {whenMissed.SuppressedCells}\");", "follow-up").Json),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(folder, "readme.ipynb");
        File.WriteAllText(path, json.ToJsonString());
        try
        {
            var output = Cli.TempFolder();
            var (exit, _, err) = Cli.Run("run", path, "--output", output);
            Assert.True(exit == 0, err);
            var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, Path.GetFileName(path))))!;
            var printed = ((string?)executed["cells"]![1]!["outputs"]![0]!["text"])!.Split(' ');
            Assert.Equal("12", printed[0]);
            var closedCallers2020 = Helpline.Analysis.Register.Load().On(Channel.Phone).With(Outcome.Closed).In(Period.Year(2020));
            Assert.Equal(closedCallers2020.Select(c => c.CallerKey).OfType<string>().Distinct().Count().ToString(System.Globalization.CultureInfo.InvariantCulture), printed[1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
