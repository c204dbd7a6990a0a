using System.Globalization;
using System.Net;
using Helpline.Notebooks.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Helpline.Notebooks.Publishing;

/// <summary>
/// Serves a site folder on 127.0.0.1 with ASP.NET Core's Kestrel and static-file middleware (which refuse paths out of
/// the folder, bad requests and dot files, and survive clients that hang up), plus <c>/__version</c>, which pages poll
/// to reload when the site changed. Quiet: no log lines, no headers naming the server.
/// </summary>
internal sealed class SiteServer(string folder, int port) : IAsyncDisposable
{
    public const string VersionPath = "/__version";

    private WebApplication? _app;
    private int _version;

    public int Port { get; } = port;

    public string Url { get; } = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");

    /// <summary>Tells the pages that the site changed.</summary>
    public void Bump() => Interlocked.Increment(ref _version);

    /// <summary>Listens; a port in use or out of reach is one <see cref="NotebookException"/>.</summary>
    public async Task StartAsync(CancellationToken cancel)
    {
        if (Port is < 1 or > 65535)
            throw new NotebookException($"--port {Port}: a port is a number from 1 to 65535");
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = folder });
        // Ctrl+C belongs to the command, which stops the server when it ends.
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, Port);
        });
        var app = builder.Build();
        var files = new PhysicalFileProvider(Path.GetFullPath(folder));
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".ipynb"] = "application/x-ipynb+json";
        types.Mappings[".csv"] = "text/csv; charset=utf-8";
        types.Mappings[".html"] = "text/html; charset=utf-8";
        app.Use((context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            if (context.Request.Path == VersionPath)
            {
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync(Volatile.Read(ref _version).ToString(CultureInfo.InvariantCulture), context.RequestAborted);
            }
            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });
        try
        {
            await app.StartAsync(cancel);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new NotebookException(e.InnerException is AddressInUseException
                ? $"port {Port} on 127.0.0.1 is in use: stop what listens there, or choose another with --port"
                : $"cannot serve on 127.0.0.1:{Port}: {e.Message}");
        }
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Starts and stops when told: no console handlers of its own.</summary>
    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
