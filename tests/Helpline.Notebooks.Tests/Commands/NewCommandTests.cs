using System.Text.Json.Nodes;
using Helpline.Analysis;
using Helpline.Notebooks.Commands;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Tests.Commands;

public class NewCommandTests
{
    private static string Source(JsonNode cell) => string.Concat(cell["source"]!.AsArray().Select(l => (string?)l));

    [Fact]
    public void The_scaffold_has_the_shipped_notebooks_setup_parameters_and_data_cells_and_their_kernel()
    {
        var folder = Cli.TempFolder();
        var path = NewCommand.Write("Hoeveel oproepen kwamen er in 2023 binnen?", folder, new NewCommand.Source("12", new DateOnly(2024, 3, 1), "A. Lid", "B. Minister"));
        var scaffold = IpynbNotebook.Load(path);
        var shipped = IpynbNotebook.Load(Path.Combine(DataPaths.Default.Root, "notebooks", "08-trends.ipynb"));
        Assert.Equal(shipped.Root["metadata"]!["kernelspec"]!.ToJsonString(), scaffold.Root["metadata"]!["kernelspec"]!.ToJsonString());
        Assert.Equal(shipped.Root["metadata"]!["language_info"]!.ToJsonString(), scaffold.Root["metadata"]!["language_info"]!.ToJsonString());
        foreach (var notebook in Directory.GetFiles(Path.Combine(DataPaths.Default.Root, "notebooks"), "*.ipynb").Select(IpynbNotebook.Load))
        {
            Assert.Equal(NewCommand.SetupCode, notebook.Cells[1].Source);
            // 09-capacity adds its handling times after the common parameters.
            Assert.StartsWith(NewCommand.ParametersCode, notebook.Cells[2].Source, StringComparison.Ordinal);
            Assert.True(notebook.Cells[2].HasTag(NotebookParameters.Tag), notebook.Name);
            Assert.Equal(NewCommand.DataCode, notebook.Cells[3].Source);
        }
        Assert.Equal(NewCommand.SetupCode, scaffold.Cells[1].Source);
        Assert.Equal(NewCommand.ParametersCode, scaffold.Cells[2].Source);
        Assert.True(scaffold.Cells[2].HasTag(NotebookParameters.Tag));
        Assert.Equal(NewCommand.DataCode, scaffold.Cells[3].Source);
        var question = scaffold.Cells[0].Source;
        Assert.StartsWith("# Hoeveel oproepen kwamen er in 2023 binnen?", question, StringComparison.Ordinal);
        Assert.Contains("**Written question nr. 12.** *\"Hoeveel oproepen kwamen er in 2023 binnen?\"*", question);
        Assert.Contains("*English: (the question in English.)*", question);
        Assert.Contains("Source: Flemish Parliament, written question nr. 12 of 1 March 2024 by A. Lid, answered by B. Minister.", question);
        Assert.Contains(scaffold.Cells, c => c.Source == NewCommand.ReconciliationCode);
        Assert.Contains(scaffold.Cells, c => c.IsMarkdown && c.Source.StartsWith("## Answering a follow-up", StringComparison.Ordinal));
        Assert.Equal("00-hoeveel-oproepen-kwamen-er-in-2023.ipynb", Path.GetFileName(path));
    }

    [Fact]
    public void A_scaffold_takes_the_next_free_number_and_never_overwrites()
    {
        var folder = Cli.TempFolder();
        File.WriteAllText(Path.Combine(folder, "07-website.ipynb"), "{}");
        var path = NewCommand.Write("Hoeveel chats?", folder, new NewCommand.Source(null, null, null, null));
        Assert.Equal("08-hoeveel-chats.ipynb", Path.GetFileName(path));
        var written = File.ReadAllText(path);
        var e = Assert.Throws<NotebookException>(() => NewCommand.Write("Hoeveel  chats?", folder, new NewCommand.Source(null, null, null, null)));
        Assert.Contains("refusing to overwrite", e.Message);
        Assert.Equal(written, File.ReadAllText(path));
        Assert.Contains("Source: (who asked", written);
    }

    [Fact]
    public void A_slug_is_the_questions_first_words_in_lower_case_without_accents()
    {
        Assert.Equal("hoeveel-oproepen-werden-geweigerd-in-het", NewCommand.Slug("Hoeveel oproepen wérden geweigerd in het jaar 2023, per kanaal?"));
        Assert.Equal("question", NewCommand.Slug("?!"));
    }

    [Theory]
    [InlineData(91, 'a')]
    [InlineData(120, '質')]
    public void A_long_question_without_spaces_gets_a_shortened_title_and_a_whole_notebook(int length, char letter)
    {
        var folder = Cli.TempFolder();
        var question = new string(letter, length);
        var path = NewCommand.Write(question, folder, new NewCommand.Source(null, null, null, null));
        var heading = IpynbNotebook.Load(path).Cells[0].Source.Split('\n')[0];
        Assert.Equal("# " + new string(letter, 90) + " ...", heading);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_title_is_cut_at_its_last_space_and_never_inside_a_character()
    {
        Assert.Equal("Hoeveel oproepen", NewCommand.Shortened("Hoeveel oproepen kwamen", 20));
        var emoji = new string('a', 89) + "\U0001F4DE" + "bbb"; // a telephone: two UTF-16 units at 89 and 90
        Assert.Equal(new string('a', 89), NewCommand.Shortened(emoji, 90));
    }
}
