using System.Text.Json.Nodes;

namespace Helpline.Notebooks.Tests.Hosting;

public class NotebookRunnerTests
{
    [Fact]
    public void A_cell_that_does_not_compile_fails_the_run_naming_notebook_cell_and_compiler_message()
    {
        var output = Cli.TempFolder();
        var (exit, _, err) = Cli.Run("run", Cli.Fixture("broken.ipynb"), "--output", output);

        Assert.Equal(2, exit);
        Assert.Contains("broken: cell 3 failed", err);
        Assert.Contains("| int y = \"text\";", err);
        Assert.Contains("CS0029", err);
        Assert.DoesNotContain("never reached", File.ReadAllText(Path.Combine(output, "broken.ipynb")).Replace("Console.WriteLine(\\\"never reached\\\")", ""));
    }

    [Fact]
    public void An_exception_names_its_cell_and_the_other_notebooks_still_run()
    {
        var output = Cli.TempFolder();
        var (exit, _, err) = Cli.Run("run", Cli.Fixture("throws.ipynb"), Cli.Fixture("parameters.ipynb"), "--output", output);

        Assert.Equal(2, exit);
        Assert.Contains("throws: cell 2 failed", err);
        Assert.Contains("InvalidOperationException: boom from the fixture", err);
        Assert.Contains("1 of 2 notebooks ran", err);
        Assert.True(File.Exists(Path.Combine(output, "parameters.ipynb")));
    }

    [Fact]
    public void Parameters_given_on_the_command_line_are_injected_after_the_parameters_cell_with_their_type()
    {
        var output = Cli.TempFolder();
        var (exit, _, err) = Cli.Run("run", Cli.Fixture("parameters.ipynb"), "--output", output, "--param", "threshold=9", "--param", "name=my \"file\".csv");
        Assert.True(exit == 0, err);

        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "parameters.ipynb")))!;
        var cells = notebook["cells"]!.AsArray();
        Assert.Equal("injected-parameters", (string?)cells[2]!["metadata"]!["tags"]![0]);
        Assert.Equal("threshold=9 name=my \"file\".csv ratio=0.5\n", (string?)cells[3]!["outputs"]![0]!["text"]);
        Assert.Equal("9", (string?)notebook["metadata"]!["helpline"]!["parameters"]!["threshold"]);
    }

    [Fact]
    public void A_cell_that_ends_the_process_is_said_and_exits_2_not_0()
    {
        var output = Cli.TempFolder();
        var (exit, _, err) = Cli.Run("run", Cli.Fixture("exits.ipynb"), "--output", output);

        Assert.Equal(2, exit);
        Assert.Contains("error: the process ended while exits.ipynb ran (a cell called Environment.Exit, or the program was stopped): nothing of this run was written", err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public void An_unknown_parameter_is_one_clear_error()
    {
        var (exit, _, err) = Cli.Run("run", Cli.Fixture("parameters.ipynb"), "--output", Cli.TempFolder(), "--param", "treshold=9");
        Assert.Equal(1, exit);
        Assert.Equal("error: parameters: no parameter treshold (its parameters: threshold, name, ratio, suppress)", err.Trim().Split('\n')[^1]);
    }

    [Fact]
    public void A_parameter_value_of_the_wrong_type_is_one_clear_error()
    {
        var (exit, _, err) = Cli.Run("run", Cli.Fixture("parameters.ipynb"), "--output", Cli.TempFolder(), "--param", "threshold=many");
        Assert.Equal(1, exit);
        Assert.Contains("error: parameters: parameter threshold=many is not a valid whole number", err);
    }

    [Fact]
    public void Every_verb_has_help()
    {
        foreach (var verb in new[] { "run", "publish", "watch", "synthesize" })
        {
            var (exit, output, _) = Cli.Run(verb, "--help");
            Assert.Equal(0, exit);
            Assert.Contains("Usage:", output);
        }
    }
}
