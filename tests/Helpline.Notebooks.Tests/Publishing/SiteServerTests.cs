using System.Net;
using System.Net.Sockets;
using System.Text;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Publishing;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>The <c>watch</c> server as an attacker or a flaky client treats it: it answers each request safely and keeps answering.</summary>
public sealed class SiteServerTests : IAsyncDisposable
{
    private readonly string _root = Cli.TempFolder();

    public SiteServerTests()
    {
        Directory.CreateDirectory(Path.Combine(Site, "assets"));
        File.WriteAllText(Path.Combine(Site, "index.html"), "<!DOCTYPE html><title>index</title>");
        File.WriteAllText(Path.Combine(Site, "page.ipynb"), "{}");
        // As large as plotly.js, so a download takes many packets.
        File.WriteAllBytes(Path.Combine(Site, "assets", "plotly.min.js"), new byte[4 << 20]);
        // Beside the site, its name starting with the site's: a check by prefix alone lets it through.
        Directory.CreateDirectory(Path.Combine(_root, "site-sibling"));
        File.WriteAllText(Path.Combine(_root, "site-sibling", "file"), "a secret next to the site");
        Server = new SiteServer(Site, FreePort());
        Server.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private string Site => Path.Combine(_root, "site");

    private SiteServer Server { get; }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task A_request_for_a_NUL_byte_gets_an_error_and_the_server_keeps_answering()
    {
        var (status, _) = await Raw("GET /%00 HTTP/1.1");
        Assert.InRange(status, 400, 404);
        Assert.Equal(200, (await Raw("GET / HTTP/1.1")).Status);
    }

    [Theory]
    [InlineData("/..%2fsite-sibling%2ffile")]
    [InlineData("/../site-sibling/file")]
    [InlineData("/%2e%2e/site-sibling/file")]
    [InlineData("/assets/..%2f..%2fsite-sibling%2ffile")]
    [InlineData("/..%5csite-sibling%5cfile")]
    public async Task A_path_out_of_the_site_serves_nothing_from_the_folder_beside_it(string path)
    {
        var (status, body) = await Raw($"GET {path} HTTP/1.1");
        Assert.NotEqual(200, status);
        Assert.DoesNotContain("secret", body);
    }

    [Fact]
    public async Task A_client_that_cuts_off_a_download_does_not_stop_the_server()
    {
        for (int i = 0; i < 5; i++)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Server.Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /assets/plotly.min.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            await stream.ReadExactlyAsync(new byte[1024]);
            client.Client.LingerState = new LingerOption(true, 0); // a reset, as a closed browser tab sends
            client.Close();
        }
        Assert.Equal(200, (await Raw("GET /index.html HTTP/1.1")).Status);
    }

    [Fact]
    public async Task Pages_poll_a_version_that_changes_when_the_site_does()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.Url), Timeout = TimeSpan.FromSeconds(5) };
        var first = await http.GetStringAsync(SiteServer.VersionPath);
        Server.Bump();
        Assert.NotEqual(first, await http.GetStringAsync(SiteServer.VersionPath));
        var notebook = await http.GetAsync("page.ipynb");
        Assert.Equal(HttpStatusCode.OK, notebook.StatusCode);
        Assert.Equal("no-store", notebook.Headers.CacheControl?.ToString());
    }

    [Fact]
    public void The_server_listens_on_the_loopback_address_only() =>
        Assert.StartsWith("http://127.0.0.1:", Server.Url);

    [Fact]
    public async Task A_port_in_use_is_reported_in_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var second = new SiteServer(Site, port);
        var refused = await Assert.ThrowsAsync<NotebookException>(() => second.StartAsync(CancellationToken.None));
        Assert.Equal($"port {port} on 127.0.0.1 is in use: stop what listens there, or choose another with --port", refused.Message);
    }

    [Fact]
    public void Watch_on_a_port_in_use_exits_1_with_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (exit, _, err) = Cli.Run("watch", Cli.Fixture("throws.ipynb"), "--output", Path.Combine(_root, "watched"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, exit);
        Assert.Equal($"error: port {port} on 127.0.0.1 is in use: stop what listens there, or choose another with --port", err.Trim());
    }

    /// <summary>Sends one request line as written, byte for byte (a client library would clean the path first).</summary>
    private async Task<(int Status, string Body)> Raw(string requestLine)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client.ConnectAsync(IPAddress.Loopback, Server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(timeout.Token);
        var status = response.Split(' ', 3) is [_, var code, ..] && int.TryParse(code, out var s) ? s : 0;
        return (status, response);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
