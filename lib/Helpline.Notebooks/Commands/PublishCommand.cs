using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Helpline.Analysis;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Publishing;

namespace Helpline.Notebooks.Commands;

/// <summary><c>publish</c>: runs every notebook and writes the static site.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var notebooks = RunCommand.NotebooksArgument();
        var parameters = RunCommand.ParamOption();
        var output = RunCommand.SiteOption();
        var jobs = RunCommand.JobsOption();
        var allowTracked = RunCommand.AllowTrackedOption();
        var command = new Command("publish", "Run the notebooks and write a static site that works offline: index, one page per notebook, executed notebooks, CSV downloads.")
        {
            notebooks, parameters, output, allowTracked, jobs,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var clock = Stopwatch.StartNew();
            var site = parse.GetValue(output)?.FullName ?? DataPaths.Default.Site;
            var paths = RunCommand.Resolve(parse.GetValue(notebooks));
            var values = NotebookParameters.Parse(parse.GetValue(parameters) ?? []);
            OutputGuard.Check(site, values, parse.GetValue(allowTracked));
            var runs = await RunCommand.RunAllAsync(paths, values, parse.GetValue(jobs), cancel);
            new SiteWriter(site).WriteAll(runs);
            HostOutput.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"site written to {Path.Combine(site, "index.html")} ({runs.Count} pages) in {clock.Elapsed.TotalSeconds:F1} s"));
            return runs.All(r => r.Succeeded) ? 0 : 2;
        });
        return command;
    }
}
