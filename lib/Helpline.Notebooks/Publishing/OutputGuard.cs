using System.Diagnostics;
using Helpline.Analysis;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Publishing;

/// <summary>
/// Pages built from a private export must not land in a folder git tracks, where a commit would publish them:
/// such a publish is refused unless the user says it is meant.
/// </summary>
internal static class OutputGuard
{
    /// <summary>The parameter values that name a data file other than the shipped synthetic ones.</summary>
    public static IReadOnlyList<string> PrivateInputs(IReadOnlyDictionary<string, string> parameters)
    {
        var shipped = new[] { DataPaths.Default.Register, DataPaths.Default.WebVisits }.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var notebooks = DataPaths.Default.Notebooks;
        return [.. parameters.Values
            .Select(v => Path.IsPathRooted(v) ? v : Path.GetFullPath(Path.Combine(notebooks, v)))
            .Where(p => File.Exists(p) && !shipped.Contains(p))];
    }

    /// <summary>Throws when the output folder is inside the repository and not ignored by git, and the input is private.</summary>
    public static void Check(string output, IReadOnlyDictionary<string, string> parameters, bool allowTracked)
    {
        var inputs = PrivateInputs(parameters);
        if (inputs.Count == 0 || allowTracked)
            return;
        var root = DataPaths.Default.Root;
        var full = Path.GetFullPath(output);
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
