using System.CommandLine;
using System.Globalization;
using Helpline.Analysis;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Commands;

/// <summary><c>run</c>: executes notebooks headless and writes them with their outputs.</summary>
internal static class RunCommand
{
    public static Option<string[]> ParamOption() => new("--param", "-p")
    {
        Description = "Override a notebook parameter (the cell tagged 'parameters'), e.g. --param register=../data/private/export.csv. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<int> JobsOption()
    {
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Notebooks run side by side (those of one folder), in fresh kernels each.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
                result.AddError("--jobs must be 1 or more");
        });
        return jobs;
    }

    public static Argument<string[]> NotebooksArgument() => new("notebooks")
    {
        Description = "Notebooks to run (default: every notebooks/*.ipynb, in name order).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Command Create()
    {
        var notebooks = NotebooksArgument();
        var parameters = ParamOption();
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "Folder for the executed notebooks (default: artifacts/notebooks)." };
        var jobs = JobsOption();
        var command = new Command("run", "Execute notebooks headless, each in a fresh C# kernel, and write them with their outputs.") { notebooks, parameters, output, jobs };
        command.SetAction(async (parse, cancel) =>
        {
            var folder = parse.GetValue(output)?.FullName ?? Path.Combine(DataPaths.Default.Root, "artifacts", "notebooks");
            var values = NotebookParameters.Parse(parse.GetValue(parameters) ?? []);
            NotebookParameters.CheckDisclosure(values);
            var paths = Resolve(parse.GetValue(notebooks));
            CheckOutput(folder, paths);
            var runs = await RunAllAsync(paths, values, parse.GetValue(jobs), cancel);
            var (_, report) = Publishing.PageRelease.Apply(runs);
            HostOutput.Error.WriteLine(report.ToString());
            foreach (var run in runs)
                run.Executed.Save(Path.Combine(folder, Path.GetFileName(run.Source)));
            HostOutput.Error.WriteLine($"executed notebooks written to {folder}");
            return runs.All(r => r.Succeeded) ? 0 : 2;
        });
        return command;
    }

    /// <summary>The notebooks named, or every notebook of <c>notebooks/</c> in name order.</summary>
    public static IReadOnlyList<string> Resolve(string[]? named)
    {
        if (named is { Length: > 0 })
        {
            foreach (var path in named.Where(p => !File.Exists(p)))
                throw new NotebookException($"{path}: no such notebook");
            // One notebook named twice runs once; two of one name would write one page over the other.
            var paths = named.Select(Path.GetFullPath).DistinctBy(RealPath.Of, StringComparer.Ordinal).ToList();
            foreach (var same in paths.GroupBy(Path.GetFileName, StringComparer.Ordinal).Where(g => g.Count() > 1))
                throw new NotebookException($"{string.Join(" and ", same)}: two notebooks named {same.Key}; each writes {same.Key} and its page, so one would replace the other: rename one");
            return paths;
        }
        var folder = DataPaths.Default.Notebooks;
        var all = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList() : [];
        return all.Count > 0 ? all : throw new NotebookException($"{folder}: no notebooks (*.ipynb) to run");
    }

    /// <summary>
    /// Refuses, before any notebook runs, an output that is a file or the root folder, and one that holds a notebook to
    /// run: its executed copy would replace it.
    /// </summary>
    public static void CheckOutput(string folder, IReadOnlyList<string> paths)
    {
        if (File.Exists(folder))
            throw new NotebookException($"{folder}: is a file; --output takes a folder");
        if (Path.GetDirectoryName(RealPath.Of(folder)) is null)
            throw new NotebookException($"{folder}: is the root folder; give --output a folder of its own");
        foreach (var path in paths.Where(p => string.Equals(RealPath.Of(Path.Combine(folder, Path.GetFileName(p))), RealPath.Of(p), StringComparison.Ordinal)))
            throw new NotebookException($"{folder}: holds {Path.GetFileName(path)}, which is to be run, and its executed copy would replace it: choose another --output");
    }

    /// <summary>Runs each notebook, reports progress and a closing summary on stderr.</summary>
    public static async Task<IReadOnlyList<NotebookRun>> RunAllAsync(IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> parameters, int jobs, CancellationToken cancel)
    {
        var log = HostOutput.Error;
        var runner = new NotebookRunner(log);
        var c = CultureInfo.InvariantCulture;
        int finished = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runs = await runner.RunBatchAsync(paths, parameters, jobs, (_, run) =>
        {
            var report = string.Create(c, $"[{Interlocked.Increment(ref finished)}/{paths.Count}] {Path.GetFileName(run.Source)} {(run.Succeeded ? "ok" : "FAILED")} {run.Elapsed.TotalSeconds:F1} s");
            log.WriteLine(run.Failure is null ? report : report + "\n" + run.Failure);
        }, cancel);
        log.WriteLine();
        log.WriteLine("notebook                          result   seconds");
        foreach (var run in runs)
            log.WriteLine(string.Create(c, $"{Path.GetFileName(run.Source),-33} {(run.Succeeded ? "ok" : "FAILED"),-8} {run.Elapsed.TotalSeconds,7:F1}"));
        log.WriteLine(string.Create(c, $"{runs.Count(r => r.Succeeded)} of {runs.Count} notebooks ran; {runs.Sum(r => r.Elapsed.TotalSeconds):F1} s in notebooks, {clock.Elapsed.TotalSeconds:F1} s wall ({Math.Max(1, jobs)} at a time)"));
        return runs;
    }
}
