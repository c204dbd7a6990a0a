using Helpline.Notebooks.Commands;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Tests.Commands;

public class RunCommandTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("publish")]
    public void An_output_folder_that_holds_a_notebook_to_run_is_refused_before_it_runs(string verb)
    {
        var folder = Cli.TempFolder();
        var notebook = Path.Combine(folder, "parameters.ipynb");
        File.Copy(Cli.Fixture("parameters.ipynb"), notebook);
        var before = File.ReadAllBytes(notebook);

        var (exit, _, err) = Cli.Run(verb, notebook, "--output", folder);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {folder}: holds parameters.ipynb, which is to be run, and its executed copy would replace it: choose another --output", err.Trim());
        Assert.Equal(before, File.ReadAllBytes(notebook));
        Assert.Equal([notebook], Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("publish")]
    public void An_output_that_is_a_file_or_the_root_folder_is_refused_before_anything_runs(string verb)
    {
        var file = Path.Combine(Cli.TempFolder(), "site");
        File.WriteAllText(file, "a file, not a folder\n");

        var (exit, _, err) = Cli.Run(verb, Cli.Fixture("parameters.ipynb"), "--output", file);
        Assert.Equal(1, exit);
        Assert.Equal($"error: {file}: is a file; --output takes a folder", err.Trim());
        Assert.Equal("a file, not a folder\n", File.ReadAllText(file));

        (exit, _, err) = Cli.Run(verb, Cli.Fixture("parameters.ipynb"), "--output", "/");
        Assert.Equal(1, exit);
        Assert.Equal("error: /: is the root folder; give --output a folder of its own", err.Trim());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Fewer_than_one_job_is_refused(string jobs)
    {
        var (exit, _, err) = Cli.Run("run", Cli.Fixture("parameters.ipynb"), "--output", Cli.TempFolder(), "--jobs", jobs);
        Assert.Equal(1, exit);
        Assert.Contains("--jobs must be 1 or more", err);
    }

    [Fact]
    public void Two_notebooks_of_one_name_are_refused_naming_both()
    {
        var folder = Cli.TempFolder();
        var first = Path.Combine(folder, "a", "same.ipynb");
        var second = Path.Combine(folder, "b", "same.ipynb");
        foreach (var path in new[] { first, second })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(Cli.Fixture("parameters.ipynb"), path);
        }

        var e = Assert.Throws<NotebookException>(() => RunCommand.Resolve([first, second]));

        Assert.Equal($"{first} and {second}: two notebooks named same.ipynb; each writes same.ipynb and its page, so one would replace the other: rename one", e.Message);
    }

    [Fact]
    public void A_notebook_named_twice_or_through_a_link_is_run_once_under_the_name_it_was_given_first()
    {
        var folder = Cli.TempFolder();
        var notebook = Path.Combine(folder, "parameters.ipynb");
        File.Copy(Cli.Fixture("parameters.ipynb"), notebook);
        var link = Path.Combine(folder, "link.ipynb");
        File.CreateSymbolicLink(link, notebook);

        Assert.Equal([link], RunCommand.Resolve([link, notebook, Path.Combine(folder, ".", "parameters.ipynb")]));
    }
}
