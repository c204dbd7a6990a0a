using System.CommandLine;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Publishing;

namespace Helpline.Notebooks.Commands;

/// <summary>
/// <c>watch</c>: the editing loop for people whose editor no longer runs .NET notebooks. Publishes once, serves the
/// site on 127.0.0.1, and re-runs a notebook and re-renders its page each time its file is saved; open pages reload.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var options = new SiteOptions();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to serve the site on (default 8232).", DefaultValueFactory = _ => 8232 };
        var command = new Command("watch", "Publish, serve the site on 127.0.0.1, and re-render a notebook's page each time it is saved.") { port };
        options.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var (site, paths, values, jobs) = options.Read(parse);
            // Listen first: a port in use is said before minutes of notebooks, not after.
            await using var server = new SiteServer(site, parse.GetValue(port));
            await server.StartAsync(cancel);
            var writer = new SiteWriter(site) { ReloadUrl = SiteServer.VersionPath };
            var runs = (await RunCommand.RunAllAsync(paths, values, jobs, cancel)).ToDictionary(r => r.Source, StringComparer.Ordinal);
            void WriteSite()
            {
                // Every page is decided again with the changed one: a new table can change what another page may show.
                var all = paths.Select(p => runs[p]).ToList();
                OutputGuard.CheckLoaded(site, options.AllowTracked(parse));
                var (release, report) = PageRelease.Apply(all);
                HostOutput.Error.WriteLine(report.ToString());
                writer.WriteAll(all, Ledger.Json(all, release, report), release.NotForPublication);
            }
            WriteSite();

            HostOutput.Error.WriteLine($"serving {site} on {server.Url} (Ctrl+C to stop); watching {paths.Count} notebook(s)");

            var saved = System.Threading.Channels.Channel.CreateUnbounded<string>();
            using var watchers = new Watchers(paths, path => saved.Writer.TryWrite(path));
            var runner = new NotebookRunner(HostOutput.Error);
            try
            {
                while (await saved.Reader.WaitToReadAsync(cancel))
                {
                    await Task.Delay(300, cancel); // editors save in several writes: let them finish
                    var changed = new HashSet<string>(StringComparer.Ordinal);
                    while (saved.Reader.TryRead(out var path))
                        changed.Add(path);
                    foreach (var path in changed.Order(StringComparer.Ordinal))
                    {
                        HostOutput.Error.WriteLine($"{Path.GetFileName(path)} changed: running it again");
                        try
                        {
                            var run = await runner.RunAsync(path, values, cancel);
                            if (run.Failure is not null)
                                HostOutput.Error.WriteLine(run.Failure);
                            runs[path] = run;
                            WriteSite();
                            server.Bump();
                            HostOutput.Error.WriteLine($"{Path.GetFileName(path)}: page updated ({run.Elapsed.TotalSeconds:F1} s)");
                        }
                        catch (NotebookException e)
                        {
                            HostOutput.Error.WriteLine($"error: {e.Message}");
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        });
        return command;
    }

    /// <summary>One watcher per folder, reporting the watched notebooks that are written.</summary>
    private sealed class Watchers : IDisposable
    {
        private readonly List<FileSystemWatcher> _watchers = [];

        public Watchers(IReadOnlyList<string> paths, Action<string> changed)
        {
            var watched = paths.ToHashSet(StringComparer.Ordinal);
            foreach (var folder in paths.Select(Path.GetDirectoryName).Distinct())
            {
                var watcher = new FileSystemWatcher(folder!, "*.ipynb") { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
                void OnEvent(object? sender, FileSystemEventArgs e)
                {
                    if (watched.Contains(e.FullPath))
                        changed(e.FullPath);
                }
                watcher.Changed += OnEvent;
                watcher.Created += OnEvent;
                watcher.Renamed += (sender, e) => OnEvent(sender, e);
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
        }

        public void Dispose() => _watchers.ForEach(w => w.Dispose());
    }
}
