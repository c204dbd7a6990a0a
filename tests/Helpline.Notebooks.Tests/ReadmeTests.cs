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

    private static string Text(JsonNode cell) =>
        string.Join("\n", cell["outputs"]!.AsArray().Select(o => o!["data"]?["text/html"] is JsonNode html ? Join(html) : o["text"] is JsonNode text ? Join(text) : ""));

    private static string Join(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";

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
                NotebookCell.Code(followUp, "follow-up").Json,
                NotebookCell.Code("chatIn2020", "table").Json),
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
            var sentence = Text(executed["cells"]![1]!);
            var table = Text(executed["cells"]![2]!);
            var register = Helpline.Analysis.Register.Load();
            var chat = register.Answered().On(Channel.Chat).In(Period.Year(2020));
            var callers = register.On(Channel.Phone).With(Outcome.Closed).In(Period.Year(2020)).Select(c => c.CallerKey).OfType<string>().Distinct().Count();
            // Both counts are far above the threshold: the gate shows them as they are.
            Assert.Contains($"the chat answered {chat.Count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} contacts", sentence);
            Assert.Contains($"{callers.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} different numbers", sentence);
            for (int month = 1; month <= 12; month++)
                Assert.Contains($"2020-{month:00}", table);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
