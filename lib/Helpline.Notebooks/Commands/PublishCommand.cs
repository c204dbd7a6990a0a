using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Helpline.Analysis;
using Helpline.Notebooks.Documents;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Publishing;

namespace Helpline.Notebooks.Commands;

/// <summary><c>publish</c>: runs every notebook and writes the static site.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var options = new SiteOptions();
        var partial = new Option<bool>("--partial")
        {
            Description = "When a notebook fails, still publish the pages of those that ran, leaving the failed ones' pages as they were (by default the site is left whole as it was).",
        };
        var command = new Command("publish", "Run the notebooks and write a static site that works offline: index, one page per notebook, executed notebooks, CSV downloads. The site is replaced only once every page is written.") { partial };
        options.AddTo(command);
        var noDocuments = new Option<bool>("--no-documents")
        {
            Description = "Write the site without its documents (a PDF, an XLSX workbook and a Word draft a page, each chart as PNG and SVG; they need Chromium).",
        };
        command.Options.Add(noDocuments);
        var force = new Option<bool>("--force")
        {
            Description = "Run every notebook even when the site is up to date (same notebooks, parameters, data, program and day as its last publish, and no file of the site changed since). A page's documents are made again only when its page, notebook, assets, program or browser changed.",
        };
        command.Options.Add(force);
        var runs = new Option<int>("--runs")
        {
            Description = "Publish this many times in one process, printing each run's time: the runs after the first show what a publish costs once the program is compiled (for benchmarks).",
            DefaultValueFactory = _ => 1,
            Hidden = true,
        };
        command.Options.Add(runs);
        command.SetAction(async (parse, cancel) =>
        {
            int count = parse.GetValue(runs);
            if (count < 1)
                throw new NotebookException($"--runs {count}: give 1 or more");
            var seconds = new List<double>();
            int exit = 0;
            for (int run = 0; run < count && exit == 0; run++)
            {
                var clock = Stopwatch.StartNew();
                exit = await PublishAsync(parse, cancel);
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
            if (seconds.Count > 1)
            {
                var later = seconds.Skip(1).Order().ToList();
                double median = (later[(later.Count - 1) / 2] + later[later.Count / 2]) / 2;
                HostOutput.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"publish runs in one process: {string.Join(' ', seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s; after the first, median {median:F2} s"));
            }
            return exit;
        });
        return command;

        async Task<int> PublishAsync(ParseResult parse, CancellationToken cancel)
        {
            var clock = Stopwatch.StartNew();
            var (site, paths, values, jobs) = options.Read(parse);
            bool documented = !parse.GetValue(noDocuments), forced = parse.GetValue(force);
            var inputs = new PublishInputs(site, paths, values, documents: documented);
            // Also asked when forced with documents: it says whether they will all be kept (below).
            int? unchanged = !forced || documented ? inputs.UpToDate() : null;
            if (!forced && unchanged is int compared)
            {
                HostOutput.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"site up to date: {Path.Combine(site, "index.html")} was published from the same {paths.Count} notebook{(paths.Count == 1 ? "" : "s")}, parameters, data, program and day, and none of its files changed since ({compared} files compared in {clock.Elapsed.TotalSeconds:F1} s); nothing to redo (--force runs them again)"));
                return 0;
            }
            // Forced on a site as its inputs left it, publish writes the same pages, which keep their documents: Chromium
            // is then started only if a page needs it after all (a newer browser), not beside the notebooks.
            await using var documents = DocumentWriter.Start(site, documented, jobs, launchNow: unchanged is null);
            var runs = await RunCommand.RunAllAsync(paths, values, jobs, cancel);
            var (release, report) = PageRelease.Apply(runs);
            HostOutput.Error.WriteLine(report.ToString());
            if (release.NotForPublication && !options.NotForPublication(parse))
                throw new NotebookException("disclosure control is off (suppress=false): refusing to write a site whose pages show small counts. Add --not-for-publication to write it anyway; every page then says it is not for publication.");
            // Judged on the data the notebooks loaded, whatever path named it: a parameters cell can name a private file too.
            OutputGuard.CheckLoaded(site, options.AllowTracked(parse));
            int failed = runs.Count(r => !r.Succeeded);
            if (failed > 0 && !parse.GetValue(partial))
            {
                HostOutput.Error.WriteLine($"site left as it was: {failed} of {runs.Count} notebooks failed (--partial publishes the pages of those that ran)");
                return 2;
            }
            using (var staging = SiteStaging.Begin(site))
            {
                new SiteWriter(staging.Folder) { Documents = documents.On }.WriteAll(runs, Ledger.Json(runs, release, report), release.NotForPublication, succeededOnly: true);
                documents.Folder = staging.Folder;
                await documents.WriteAsync([.. runs.Where(r => r.Succeeded)], cancel);
                staging.Commit();
            }
            if (failed == 0)
                inputs.Record(LoadedFiles.All);
            HostOutput.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"site written to {Path.Combine(site, "index.html")} ({runs.Count - failed} pages{(failed > 0 ? $"; {failed} failed, their pages left as they were" : "")}) in {clock.Elapsed.TotalSeconds:F1} s"));
            return failed == 0 ? 0 : 2;
        }
    }
}
