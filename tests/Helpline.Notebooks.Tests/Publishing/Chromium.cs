using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>Opens a page in headless Chromium (Debian's <c>chromium</c>) as a reader would, and reports what it saw.</summary>
internal static partial class Chromium
{
    public static string? Executable =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public sealed record PageCheck(string Dom, int ChartsDrawn, IReadOnlyList<string> ConsoleLines, IReadOnlyList<string> ExternalRequests)
    {
        /// <summary>The thickness in pixels of every bar drawn (a vertical bar's width, a horizontal bar's height).</summary>
        public IReadOnlyList<double> BarThickness =>
        [
            .. BarPath().Matches(Dom).Select(m =>
            {
                double D(string g) => double.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
                return m.Groups["v"].Success ? Math.Abs(D("h") - D("x")) : Math.Abs(D("v2") - D("y"));
            }),
        ];
    }

    // A bar: M x,y V .. H h V .. Z (vertical) or M x,y H .. V v2 H .. Z (horizontal).
    [GeneratedRegex(@"<g class=""point""><path d=""M(?<x>[-\d.]+),(?<y>[-\d.]+)(?:(?<v>V[-\d.]+H(?<h>[-\d.]+)V)|H[-\d.]+V(?<v2>[-\d.]+)H)")]
    private static partial Regex BarPath();

    [GeneratedRegex(@"INFO:CONSOLE[^\]]*\] (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex ConsoleLine();

    public static PageCheck Open(string page)
    {
        var profile = Scratch.Folder("chromium");
        var netLog = Path.Combine(profile, "net-log.json");
        var start = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
            // Any request to the network goes to a closed port, and is logged.
            "--proxy-server=127.0.0.1:9", $"--log-net-log={netLog}", "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish {page} in 2 minutes");
        }
        var consoleLines = ConsoleLine().Matches(log.Result).Select(m => m.Groups["message"].Value).ToList();
        return new PageCheck(dom.Result, Regex.Count(dom.Result, "js-plotly-plot"), consoleLines, PageRequests(netLog));
    }

    /// <summary>Requests the page itself made (its isolation key is the file), leaving out the browser's own.</summary>
    private static List<string> PageRequests(string netLog)
    {
        if (!File.Exists(netLog))
            return [];
        var text = File.ReadAllText(netLog).TrimEnd();
        if (!text.EndsWith('}'))
            text = text.TrimEnd(',') + "]}"; // a log cut short when the browser exits is still readable
        var log = JsonNode.Parse(text)!;
        int startJob = (int)log["constants"]!["logEventTypes"]!["URL_REQUEST_START_JOB"]!;
        return [.. log["events"]!.AsArray()
            .Where(e => (int?)e!["type"] == startJob)
            .Select(e => e!["params"])
            .Where(p => ((string?)p?["network_isolation_key"] ?? "").StartsWith("file://", StringComparison.Ordinal))
            .Select(p => (string?)p!["url"] ?? "")
            .Where(u => !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal))];
    }
}
