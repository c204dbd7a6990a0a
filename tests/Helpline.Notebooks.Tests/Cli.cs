using System.Diagnostics;
using Helpline.Analysis;

namespace Helpline.Notebooks.Tests;

/// <summary>Runs the command-line program as a user would: its own process, its exit code, its stderr.</summary>
internal static class Cli
{
    public static string Program => Path.Combine(
        Path.GetDirectoryName(typeof(Cli).Assembly.Location)!.Replace("Helpline.Notebooks.Tests", "Helpline.Notebooks", StringComparison.Ordinal),
        "Helpline.Notebooks.dll");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = DataPaths.Default.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"helpline {string.Join(' ', args)} did not finish in 10 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string TempFolder() => Scratch.Folder("tests");

    /// <summary>Copies a folder and everything in it, as a published site is copied to be changed by a test.</summary>
    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
