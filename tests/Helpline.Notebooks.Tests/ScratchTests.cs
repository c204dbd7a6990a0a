using System.Diagnostics;
using System.Globalization;

namespace Helpline.Notebooks.Tests;

public class ScratchTests
{
    [Fact]
    public void A_folder_of_a_run_whose_process_is_gone_is_removed_and_a_live_or_kept_one_is_left()
    {
        var temp = Scratch.Folder("leftovers");
        int dead = DeadProcessId(), alsoDead = DeadProcessId();
        string Run(int pid) => Path.Combine(temp, "helpline-test-run-" + pid.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(Run(dead), "tests-1234abcd", "site"));
        File.WriteAllText(Path.Combine(Run(dead), "tests-1234abcd", "site", "index.html"), "<html></html>");
        Directory.CreateDirectory(Run(Environment.ProcessId));
        Directory.CreateDirectory(Run(alsoDead));
        File.WriteAllText(Path.Combine(Run(alsoDead), "KEPT"), "kept\n");
        Directory.CreateDirectory(Path.Combine(temp, "helpline-test-run-notanumber"));

        Assert.Equal(1, Scratch.RemoveLeftovers(temp));

        string[] left = [Path.GetFileName(Run(alsoDead)), Path.GetFileName(Run(Environment.ProcessId)), "helpline-test-run-notanumber"];
        Assert.Equal(left.Order(StringComparer.Ordinal), Directory.GetDirectories(temp).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_tests_folders_are_made_inside_the_runs_own_folder_named_after_its_process()
    {
        var folder = Scratch.Folder("tests");
        Assert.Equal(Scratch.Root, Path.GetDirectoryName(folder));
        Assert.Equal("helpline-test-run-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Path.GetFileName(Scratch.Root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        Assert.NotEqual(folder, Scratch.Folder("tests"));
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.Id;
    }
}
