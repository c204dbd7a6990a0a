using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Helpline.Analysis;

namespace Helpline.Notebooks.Tests.Commands;

public class WatchCommandTests
{
    [Fact]
    public async Task Saving_a_notebook_re_renders_its_page_and_bumps_the_version_the_pages_poll()
    {
        var folder = Cli.TempFolder();
        var notebook = Publishing.Notebooks.Write(folder, "edited", "var threshold = 5;", "var twice = threshold * 2;");
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = DataPaths.Default.Root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Cli.Program, "watch", notebook, "--output", Path.Combine(folder, "site"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            // The server answers at once; the page comes once the notebook ran.
            var page = await Eventually(() => http.GetStringAsync("edited.html"), p => p.Contains("threshold * 2", StringComparison.Ordinal));
            Assert.Contains("fetch('/__version')", page);
            var first = await http.GetStringAsync("__version");

            File.WriteAllText(notebook, File.ReadAllText(notebook).Replace("threshold * 2", "threshold * 7", StringComparison.Ordinal));

            await Eventually(() => http.GetStringAsync("__version"), v => v != first);
            Assert.Contains("threshold * 7", await http.GetStringAsync("edited.html"));
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("../../etc/passwd")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> Eventually(Func<Task<string>> read, Func<string, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value))
                    return value;
            }
            catch (HttpRequestException)
            {
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
                throw new TimeoutException("watch did not get there in 2 minutes");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
