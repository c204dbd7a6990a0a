using System.Globalization;
using System.Net;
using System.Text;

namespace Helpline.Notebooks.Publishing;

/// <summary>Serves a site folder on 127.0.0.1, with <c>/__version</c> for pages to poll and reload.</summary>
internal sealed class SiteServer(string folder, int port) : IDisposable
{
    public const string VersionPath = "/__version";

    private readonly HttpListener _listener = new();
    private int _version;

    public string Url { get; } = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");

    /// <summary>Tells the pages that the site changed.</summary>
    public void Bump() => Interlocked.Increment(ref _version);

    public void Start(CancellationToken cancel)
    {
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (!cancel.IsCancellationRequested && _listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().WaitAsync(cancel);
                }
                catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
                {
                    break;
                }
                Serve(context);
            }
        }, cancel);
    }

    private void Serve(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/");
        if (path == VersionPath)
        {
            Write(response, 200, "text/plain", Encoding.UTF8.GetBytes(Volatile.Read(ref _version).ToString(CultureInfo.InvariantCulture)));
            return;
        }
        var file = Path.GetFullPath(Path.Combine(folder, path.TrimStart('/') is { Length: > 0 } p ? p : "index.html"));
        if (!file.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal) || !File.Exists(file))
        {
            Write(response, 404, "text/plain", Encoding.UTF8.GetBytes("not found"));
            return;
        }
        Write(response, 200, Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css",
            ".js" => "text/javascript",
            ".csv" => "text/csv; charset=utf-8",
            ".ipynb" => "application/x-ipynb+json",
            _ => "application/octet-stream",
        }, File.ReadAllBytes(file));
    }

    private static void Write(HttpListenerResponse response, int status, string type, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = type;
        response.Headers["Cache-Control"] = "no-store";
        response.OutputStream.Write(body);
    }

    public void Dispose() => _listener.Close();
}
