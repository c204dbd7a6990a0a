using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Helpline.Analysis;
using Helpline.Notebooks.Commands;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Tests;

/// <summary>The README's code runs as written (Sep's convention: docs that cannot drift).</summary>
public partial class ReadmeTests
{
    [GeneratedRegex(@"```csharp\n(?<code>#r .*?)```", RegexOptions.Singleline)]
    private static partial Regex SetupBlock();

    [GeneratedRegex(@"```(?<language>csharp|sh)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"^\| [^|]+ \| .+ \| `(?<example>.+)` \|$", RegexOptions.Multiline)]
    private static partial Regex VocabularyRow();

    [GeneratedRegex(@"-- new ""(?<question>[^""]+)""(?<options>.*)")]
    private static partial Regex NewCommandLine();

    [GeneratedRegex(@"--(?<name>[a-z-]+) (?:""(?<value>[^""]*)""|(?<value>\S+))")]
    private static partial Regex CommandOption();

    private static readonly string Readme = File.ReadAllText(Path.Combine(DataPaths.Default.Root, "README.md"));

    private static string Section(string heading)
    {
        int start = Readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no '{heading}'");
        int end = Readme.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        return Readme[start..(end < 0 ? Readme.Length : end)];
    }

    private static List<(string Language, string Code)> Blocks(string section) =>
        [.. Block().Matches(section).Select(m => (m.Groups["language"].Value, m.Groups["code"].Value))];

    private static string Setup() => SetupBlock().Match(Readme).Groups["code"].Value;

    private static string Text(JsonNode cell) =>
        string.Join("\n", cell["outputs"]!.AsArray().Select(o => o!["data"]?["text/html"] is JsonNode html ? Join(html) : o["text"] is JsonNode text ? Join(text) : o["evalue"] is JsonNode error ? Join(error) : ""));

    private static string Join(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";

    /// <summary>A folder one level under the root, like notebooks/, so the setup cell's relative path holds; not
    /// notebooks/ itself, which the publish tests list while this runs.</summary>
    private static string Folder()
    {
        var folder = Path.Combine(DataPaths.Default.Root, $".readme-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Runs cells as one notebook with <c>run</c>; returns the executed cells and the host's messages.</summary>
    private static (JsonArray Cells, string Log) RunCells(params string[] cells)
    {
        var folder = Folder();
        try
        {
            var json = new JsonObject
            {
                ["cells"] = new JsonArray([.. cells.Select((code, i) => NotebookCell.Code(code, $"cell-{i}").Json)]),
                ["metadata"] = new JsonObject(),
                ["nbformat"] = 4,
                ["nbformat_minor"] = 5,
            };
            var path = Path.Combine(folder, "readme.ipynb");
            File.WriteAllText(path, json.ToJsonString());
            var output = Cli.TempFolder();
            var (exit, _, err) = Cli.Run("run", path, "--output", output);
            Assert.True(exit == 0, err);
            var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "readme.ipynb")))!;
            return (executed["cells"]!.AsArray(), err);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_README_setup_cell_and_follow_up_code_run_in_a_notebook()
    {
        var followUp = Blocks(Section("### A question in three lines"))[0].Code;
        Assert.NotEqual("", Setup());
        var (cells, _) = RunCells(Setup(), followUp, "chatIn2020");
        var sentence = Text(cells[1]!);
        var table = Text(cells[2]!);
        var register = Helpline.Analysis.Register.Load();
        var chat = register.Answered().On(Channel.Chat).In(Period.Year(2020));
        var callers = register.On(Channel.Phone).With(Outcome.Closed).In(Period.Year(2020)).Select(c => c.CallerKey).OfType<string>().Distinct().Count();
        // Both counts are far above the threshold: the gate shows them as they are.
        Assert.Contains($"the chat answered {chat.Count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} contacts", sentence);
        Assert.Contains($"{callers.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} different numbers", sentence);
        for (int month = 1; month <= 12; month++)
            Assert.Contains($"2020-{month:00}", table);
    }

    [Fact]
    public void Every_question_of_the_README_takes_at_most_three_lines_and_shows_a_protected_result()
    {
        var blocks = Blocks(Section("### A question in three lines")).Where(b => b.Language == "csharp").Select(b => b.Code).ToList();
        Assert.True(blocks.Count >= 6, "the section shows a question of each kind");
        foreach (var block in blocks.Skip(1))
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)).ToList();
            Assert.True(lines.Count <= 3, $"more than three lines:\n{block}");
        }
        var (cells, _) = RunCells([Setup(), .. blocks]);
        for (int i = 2; i < cells.Count; i++)
        {
            var shown = Text(cells[i]!);
            Assert.True(shown.Contains("<table class=\"data\"", StringComparison.Ordinal) || shown.Contains("<p class=\"prose\"", StringComparison.Ordinal), $"block {i} shows no table or sentence:\n{blocks[i - 1]}\n{shown}");
        }
        Assert.Contains("2020-Q1", Text(cells[2]!));
    }

    [Fact]
    public void Every_example_of_the_vocabulary_table_runs_in_a_cell()
    {
        var table = Readme[Readme.IndexOf("<!-- vocabulary: start -->", StringComparison.Ordinal)..Readme.IndexOf("<!-- vocabulary: end -->", StringComparison.Ordinal)];
        var examples = VocabularyRow().Matches(table).Select(m => m.Groups["example"].Value.Replace("\\|", "|", StringComparison.Ordinal)).ToList();
        Assert.True(examples.Count >= 50, $"{examples.Count} examples");
        // Every public breakdown of the library is listed in the table.
        foreach (var breakdown in typeof(Breakdown).GetProperties().Where(p => p.PropertyType == typeof(Breakdown)))
            Assert.Contains($"Breakdown.{breakdown.Name}", table);
        foreach (var filter in new[] { "Answered()", "Missed()", "With(", "On(", "From(", "Referred()", "ReferredTo(", "WithGender(", "WithAge(", "WithCaller(", "OnDays(", "AtHours(", "In(", "Where(", "Total()", "CountCallers()", "PerMonth()", "PerWeek()", "MeanPerRow()", "WithShares()", "SharesOfRows()", "ShareOf(", "Share.Of(" })
            Assert.Contains(filter, table);
        var preamble = "var register = Register.Load();\nvar table = register.Answered().CountBy(Breakdown.Year, Breakdown.Requester);\nvar shipped = OpeningHours.Shipped();";
        // run exits 2 at the first failing cell (a compiler error, an exception, an output the wall refuses).
        var (cells, _) = RunCells([Setup(), preamble, .. examples]);
        Assert.Equal(examples.Count + 2, cells.Count);
        Assert.All(cells, cell => Assert.DoesNotContain(cell!["outputs"]!.AsArray(), o => (string?)o!["output_type"] == "error"));
    }

    [Fact]
    public void The_walk_through_scaffolds_a_question_fills_two_cells_runs_and_publishes_its_page()
    {
        var section = Section("### From the question to a published page");
        var blocks = Blocks(section);
        var command = NewCommandLine().Match(blocks.First(b => b.Language == "sh").Code);
        Assert.True(command.Success);
        var named = Regex.Match(section, @"writes `notebooks/(?<name>[^`]+\.ipynb)`").Groups["name"].Value;
        var (answer, reconciliation) = (blocks.Where(b => b.Language == "csharp").ElementAt(0).Code, blocks.Where(b => b.Language == "csharp").ElementAt(1).Code);

        // A copy of notebooks/, so the scaffold takes the next number after the shipped ones and notebooks/ stays as it is.
        var folder = Folder();
        try
        {
            foreach (var shipped in Directory.GetFiles(Path.Combine(DataPaths.Default.Root, "notebooks"), "*.ipynb"))
                File.Copy(shipped, Path.Combine(folder, Path.GetFileName(shipped)));
            var args = new List<string> { "new", command.Groups["question"].Value, "--folder", folder };
            foreach (Match option in CommandOption().Matches(command.Groups["options"].Value))
                args.AddRange(["--" + option.Groups["name"].Value, option.Groups["value"].Value]);
            var (exit, stdout, err) = Cli.Run([.. args]);
            Assert.True(exit == 0, err);
            var path = Path.Combine(folder, named);
            Assert.Equal(path, stdout.Trim());

            var again = Cli.Run([.. args]);
            Assert.Equal(1, again.Exit);
            Assert.Contains("refusing to overwrite", again.Err);

            var notebook = JsonNode.Parse(File.ReadAllText(path))!;
            foreach (var cell in notebook["cells"]!.AsArray())
            {
                var source = string.Concat(cell!["source"]!.AsArray().Select(l => (string?)l));
                if (source == NewCommand.AnswerCode)
                    cell["source"] = IpynbNotebook.Lines(answer.TrimEnd());
                else if (source == NewCommand.ReconciliationCode)
                    cell["source"] = IpynbNotebook.Lines(reconciliation.TrimEnd());
            }
            File.WriteAllText(path, notebook.ToJsonString());

            var site = Cli.TempFolder();
            (exit, _, err) = Cli.Run("publish", path, "--output", site);
            Assert.True(exit == 0, err);
            var name = Path.GetFileNameWithoutExtension(named);
            Assert.Contains($"href=\"{name}.html\"", File.ReadAllText(Path.Combine(site, "index.html")));
            var page = File.ReadAllText(Path.Combine(site, name + ".html"));
            Assert.Contains("Hoeveel chats kwamen er in 2020 per kwartaal binnen", page);
            Assert.Contains("written question nr. 1234 of 1 March 2024 by Jan Peeters, answered by Hilde Crevits", page);
            Assert.Contains("2020-Q4", page);
            Assert.Contains("b.contacts_2020", page);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
