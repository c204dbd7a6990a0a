using System.Diagnostics;
using System.Globalization;

namespace Helpline.Notebooks.Tests;

/// <summary>
/// The one folder a test run writes its files in (sites, exports, browser profiles, drawn pages): removed when the last
/// test has finished, and a run killed before that is cleared by the next. <c>HELPLINE_KEEP_TEST_FILES=1</c> keeps it.
/// </summary>
internal static class Scratch
{
    private const string KeepVariable = "HELPLINE_KEEP_TEST_FILES";
    private const string Prefix = "helpline-test-run-";
    private const string KeptMarker = "KEPT";
    private static readonly Lazy<string> root = new(CreateRoot);

    /// <summary>This run's folder, named after its process: <c>helpline-test-run-PID</c> in the temporary folder.</summary>
    public static string Root => root.Value;

    /// <summary>A new empty folder of this run's; <paramref name="kind"/> starts its name, to tell what wrote it.</summary>
    public static string Folder(string kind)
    {
        var folder = Path.Combine(Root, kind + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string CreateRoot()
    {
        RemoveLeftovers(Path.GetTempPath());
        var folder = Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        if (Keep)
            File.WriteAllText(Path.Combine(folder, KeptMarker), $"kept because {KeepVariable}=1; delete this folder when done\n");
        return folder;
    }

    private static bool Keep => Environment.GetEnvironmentVariable(KeepVariable) == "1";

    /// <summary>Removes this run's folder, once every test has finished (<see cref="ScratchCleanup"/>), unless it is kept.</summary>
    public static void RemoveOwn()
    {
        if (root.IsValueCreated && !Keep)
            TryDelete(root.Value);
    }

    /// <summary>Removes the folders of runs whose process is gone, unless they were kept on purpose; returns how many.</summary>
    public static int RemoveLeftovers(string temp)
    {
        int removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(temp, Prefix + "*"))
        {
            // A live process with that number may be another run, or a new process that took a dead run's number: left alone.
            if (int.TryParse(Path.GetFileName(folder)[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && !IsRunning(pid) && !File.Exists(Path.Combine(folder, KeptMarker)) && TryDelete(folder))
            {
                removed++;
            }
        }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // the next run tries again
        }
    }
}
