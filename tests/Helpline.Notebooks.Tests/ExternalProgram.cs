using System.Diagnostics;

namespace Helpline.Notebooks.Tests;

/// <summary>Runs a program the tests drive as a real client (pdftotext, Python, soffice): output read to the end, killed with its children when it overruns.</summary>
internal static class ExternalProgram
{
    public static (int Exit, string Out, string Err) Run(string program, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in {timeout.TotalMinutes:0} minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
