using Helpline.Analysis;

namespace Helpline.Notebooks.Tests.Commands;

public class AnswerCommandTests
{
    private static readonly string Notebook = Path.Combine(DataPaths.Default.Root, "notebooks", "07-website.ipynb");

    [Fact]
    public void An_answer_to_be_written_over_its_notebook_is_refused_before_anything_runs()
    {
        var copy = Path.Combine(Cli.TempFolder(), "07-website.ipynb");
        File.Copy(Notebook, copy);
        var before = File.ReadAllBytes(copy);

        var (exit, _, err) = Cli.Run("answer", copy, "-o", copy);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {copy}: a Word draft is a .docx file; give --output a name ending in .docx", err.Trim());
        Assert.Equal(before, File.ReadAllBytes(copy));
    }

    [Fact]
    public void An_answer_to_be_written_as_a_folder_is_refused_with_the_file_it_could_be()
    {
        var folder = Cli.TempFolder();

        var (exit, _, err) = Cli.Run("answer", Notebook, "-o", folder);

        Assert.Equal(1, exit);
        Assert.Contains($"{folder}: is a folder; give --output the Word file to write, such as {Path.Combine(folder, "07-website.docx")}", err);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }
}
