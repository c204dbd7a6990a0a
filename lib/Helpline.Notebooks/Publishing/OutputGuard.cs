using System.Diagnostics;
using Helpline.Analysis;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Publishing;

/// <summary>
/// Pages built from a private export must not land in a folder git tracks, where a commit would publish them:
/// such a publish is refused unless the user says it is meant. Folders are judged by their real path (a symbolic link
/// from outside the repository into it is followed), and data by what the notebooks actually loaded as well as by
/// the <c>--param</c> values given.
/// </summary>
internal static class OutputGuard
{
    /// <summary>The parameter values that name a data file other than the shipped synthetic ones.</summary>
    public static IReadOnlyList<string> PrivateInputs(IReadOnlyDictionary<string, string> parameters)
    {
        var notebooks = DataPaths.Default.Notebooks;
        return Private(parameters.Values
            .Select(v => Path.IsPathRooted(v) ? v : Path.GetFullPath(Path.Combine(notebooks, v)))
            .Where(File.Exists));
    }

    /// <summary>The data files the loaders of this process opened, other than the shipped synthetic ones.</summary>
    public static IReadOnlyList<string> PrivateLoaded() => Private(LoadedFiles.All);

    private static string[] Private(IEnumerable<string> files)
    {
        var shipped = new[] { DataPaths.Default.Register, DataPaths.Default.WebVisits }.Select(RealPath.Of).ToHashSet(StringComparer.Ordinal);
        return [.. files.Select(RealPath.Of).Where(p => !shipped.Contains(p)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Before anything runs: refuses a private <c>--param</c> file with an output folder git tracks.</summary>
    public static void Check(string output, IReadOnlyDictionary<string, string> parameters, bool allowTracked) =>
        Check(output, PrivateInputs(parameters), allowTracked);

    /// <summary>After the notebooks ran, before a page is written: judges the data they loaded, whatever path named it.</summary>
    public static void CheckLoaded(string output, bool allowTracked) => Check(output, PrivateLoaded(), allowTracked);

    /// <summary>Throws when the output folder is inside the repository and not ignored by git, and an input is private.</summary>
    public static void Check(string output, IReadOnlyList<string> inputs, bool allowTracked)
    {
        if (inputs.Count == 0 || allowTracked)
            return;
        var root = RealPath.Of(DataPaths.Default.Root);
        var full = RealPath.Of(output);
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != root)
            return;
        if (IsIgnoredByGit(root, full))
            return;
        throw new NotebookException(
            $"refusing to publish pages built from {string.Join(", ", inputs.Select(Path.GetFileName))} into {full}, a folder git tracks: " +
            "a commit would publish them. Use the default site/ (ignored by git), a folder outside the repository, or --allow-tracked-output if this is meant.");
    }

    private static bool IsIgnoredByGit(string root, string path)
    {
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "check-ignore", "-q", "--no-index", Path.Combine(path, "index.html") })
                start.ArgumentList.Add(arg);
            using var git = Process.Start(start)!;
            git.WaitForExit();
            return git.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git: only the folders the repository ignores by design count as safe.
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            return relative is "site" || relative.StartsWith("site/", StringComparison.Ordinal) || relative.StartsWith("artifacts/", StringComparison.Ordinal) || relative.StartsWith("data/private/", StringComparison.Ordinal);
        }
    }
}
