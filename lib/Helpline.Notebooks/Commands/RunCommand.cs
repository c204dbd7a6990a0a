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

    public static Option<DirectoryInfo?> SiteOption() => new("--output", "-o") { Description = "Folder for the site (default: site/ of the repository)." };

    public static Option<bool> AllowTrackedOption() => new("--allow-tracked-output")
    {
        Description = "Write pages built from a private export into a folder git tracks (refused otherwise).",
    };

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
        var command = new Command("run", "Execute notebooks headless, each in a fresh C# kernel, and write them with their outputs.") { notebooks, parameters, output };
        command.SetAction(async (parse, cancel) =>
        {
            var folder = parse.GetValue(output)?.FullName ?? Path.Combine(DataPaths.Default.Root, "artifacts", "notebooks");
            var runs = await RunAllAsync(Resolve(parse.GetValue(notebooks)), NotebookParameters.Parse(parse.GetValue(parameters) ?? []), cancel);
            foreach (var run in runs)
                run.Executed.Save(Path.Combine(folder, Path.GetFileName(run.Source)));
            Console.Error.WriteLine($"executed notebooks written to {folder}");
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
            return [.. named.Select(Path.GetFullPath)];
        }
        var folder = DataPaths.Default.Notebooks;
        var all = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList() : [];
        return all.Count > 0 ? all : throw new NotebookException($"{folder}: no notebooks (*.ipynb) to run");
    }

    /// <summary>Runs each notebook, reports progress and a closing summary on stderr.</summary>
    public static async Task<IReadOnlyList<NotebookRun>> RunAllAsync(IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> parameters, CancellationToken cancel)
    {
        var runner = new NotebookRunner(Console.Error);
        var runs = new List<NotebookRun>();
        var c = CultureInfo.InvariantCulture;
        foreach (var (path, index) in paths.Select((p, i) => (p, i)))
        {
            Console.Error.WriteLine(string.Create(c, $"[{index + 1}/{paths.Count}] {Path.GetFileName(path)}"));
            var run = await runner.RunAsync(path, parameters, cancel);
            if (run.Failure is not null)
                Console.Error.WriteLine(run.Failure);
            runs.Add(run);
        }
        Console.Error.WriteLine();
        Console.Error.WriteLine("notebook                          result   seconds");
        foreach (var run in runs)
            Console.Error.WriteLine(string.Create(c, $"{Path.GetFileName(run.Source),-33} {(run.Succeeded ? "ok" : "FAILED"),-8} {run.Elapsed.TotalSeconds,7:F1}"));
        Console.Error.WriteLine(string.Create(c, $"{runs.Count(r => r.Succeeded)} of {runs.Count} notebooks ran; {runs.Sum(r => r.Elapsed.TotalSeconds):F1} s in notebooks"));
        return runs;
    }
}
