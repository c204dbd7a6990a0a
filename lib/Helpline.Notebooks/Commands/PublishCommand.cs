using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
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
        var command = new Command("publish", "Run the notebooks and write a static site that works offline: index, one page per notebook, executed notebooks, CSV downloads.");
        options.AddTo(command);
        var noDocuments = new Option<bool>("--no-documents")
        {
            Description = "Write the site without its documents (a PDF, an XLSX workbook and a Word draft a page, each chart as PNG and SVG; they need Chromium).",
        };
        command.Options.Add(noDocuments);
        command.SetAction(async (parse, cancel) =>
        {
            var clock = Stopwatch.StartNew();
            var (site, paths, values, jobs) = options.Read(parse);
            await using var documents = DocumentWriter.Start(site, !parse.GetValue(noDocuments), jobs);
            var runs = await RunCommand.RunAllAsync(paths, values, jobs, cancel);
            var (release, report) = PageRelease.Apply(runs);
            HostOutput.Error.WriteLine(report.ToString());
            if (release.NotForPublication && !options.NotForPublication(parse))
                throw new NotebookException("disclosure control is off (suppress=false): refusing to write a site whose pages show small counts. Add --not-for-publication to write it anyway; every page then says it is not for publication.");
            new SiteWriter(site) { Documents = documents.On }.WriteAll(runs, Ledger.Json(runs, release, report), release.NotForPublication);
            await documents.WriteAsync(runs, cancel);
            HostOutput.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"site written to {Path.Combine(site, "index.html")} ({runs.Count} pages) in {clock.Elapsed.TotalSeconds:F1} s"));
            return runs.All(r => r.Succeeded) ? 0 : 2;
        });
        return command;
    }
}
