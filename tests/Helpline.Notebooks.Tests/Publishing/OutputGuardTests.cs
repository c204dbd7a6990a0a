using Helpline.Analysis;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Publishing;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>Pages from a private export never land in a folder git tracks, however the folder or the export is named.</summary>
public class OutputGuardTests
{
    private static string PrivateExport()
    {
        var path = Path.Combine(Cli.TempFolder(), "private.csv");
        File.Copy(Path.Combine(DataPaths.Default.Root, "tests", "Helpline.Notebooks.Tests", "Fixtures", "small-register.csv"), path);
        return path;
    }

    [Fact]
    public void A_symlink_from_outside_the_repository_into_it_does_not_get_past_the_guard()
    {
        var outside = Cli.TempFolder();
        var link = Path.Combine(outside, "link-to-notebooks");
        File.CreateSymbolicLink(link, DataPaths.Default.Notebooks);
        var values = new Dictionary<string, string> { ["register"] = PrivateExport() };

        var refused = Assert.Throws<NotebookException>(() => OutputGuard.Check(Path.Combine(link, "..", "link-to-notebooks", "leak"), values, allowTracked: false));
        Assert.Contains("refusing to publish pages built from private.csv", refused.Message);
        Assert.Contains(Path.Combine(DataPaths.Default.Notebooks, "leak"), refused.Message);
    }

    [Fact]
    public void Publish_through_a_symlink_into_a_tracked_folder_is_refused_and_writes_nothing()
    {
        var outside = Cli.TempFolder();
        var link = Path.Combine(outside, "link-to-notebooks");
        File.CreateSymbolicLink(link, DataPaths.Default.Notebooks);
        var leak = Path.Combine(DataPaths.Default.Notebooks, $"leak-{Guid.NewGuid():N}");
        try
        {
            var (exit, _, err) = Cli.Run("publish", "--param", $"register={PrivateExport()}", "--output", Path.Combine(link, Path.GetFileName(leak)));
            Assert.Equal(1, exit);
            Assert.Contains("refusing to publish pages built from private.csv", err);
            Assert.False(Directory.Exists(leak));
        }
        finally
        {
            if (Directory.Exists(leak))
                Directory.Delete(leak, recursive: true);
        }
    }

    [Fact]
    public void A_private_path_written_into_a_notebooks_parameters_cell_is_judged_by_the_data_it_loaded()
    {
        var folder = Cli.TempFolder();
        var library = Path.Combine(DataPaths.Default.Root, "artifacts", "bin", "Helpline.Analysis", "debug", "Helpline.Analysis.dll");
        var notebook = Notebooks.Write(folder, "sneaky", $"#r \"{library}\"\nvar register = @\"{PrivateExport()}\";",
            "var loaded = Helpline.Analysis.Register.Load(register).Count;");
        var tracked = Path.Combine(DataPaths.Default.Root, "notebooks", $"leak-{Guid.NewGuid():N}");
        try
        {
            var (exit, _, err) = Cli.Run("publish", notebook, "--output", tracked);
            Assert.True(exit == 1, err);
            Assert.Contains("refusing to publish pages built from private.csv", err);
            Assert.False(Directory.Exists(tracked));
        }
        finally
        {
            if (Directory.Exists(tracked))
                Directory.Delete(tracked, recursive: true);
        }
    }
}
