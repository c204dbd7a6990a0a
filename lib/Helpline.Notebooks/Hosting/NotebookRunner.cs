using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Helpline.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace Helpline.Notebooks.Hosting;

/// <summary>
/// Runs notebooks in this process, each in a fresh C# kernel with the notebook's own folder as the working folder
/// (so <c>#r "../artifacts/..."</c> and relative data paths resolve as in an editor). A failing cell stops its
/// notebook; the others still run. Notebooks of one folder may run side by side (<see cref="RunBatchAsync"/>).
/// </summary>
internal sealed class NotebookRunner
{
    private static readonly ConcurrentDictionary<string, byte> Running = new(StringComparer.Ordinal);
    private static TextWriter? s_log;
    private readonly TextWriter _progress;

    public NotebookRunner(TextWriter progress)
    {
        _progress = progress;
        if (Interlocked.Exchange(ref s_log, progress) is null)
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        // Cells show provisional outputs; the host decides every page at once before anything is written (PageRelease).
        ReleaseSession.Current = new ReleaseSession(ReleaseMode.Deferred);
    }

    public async Task<NotebookRun> RunAsync(string path, IReadOnlyDictionary<string, string> parameters, CancellationToken cancel = default)
    {
        // The working folder and the formatters are the process's: one notebook at a time owns them.
        var previousFolder = Directory.GetCurrentDirectory();
        Formatter.ResetToDefault();
        Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            return await RunInPlaceAsync(path, parameters, cancel);
        }
        finally
        {
            Directory.SetCurrentDirectory(previousFolder);
        }
    }

    /// <summary>
    /// Runs notebooks that share one folder, up to <paramref name="jobs"/> at a time: the working folder is set once
    /// and the formatters reset once, so the kernels share nothing that matters. Results come in the order given.
    /// </summary>
    public async Task<IReadOnlyList<NotebookRun>> RunBatchAsync(IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> parameters, int jobs, Action<int, NotebookRun>? done, CancellationToken cancel = default)
    {
        var folders = paths.Select(p => Path.GetDirectoryName(Path.GetFullPath(p))!).Distinct(StringComparer.Ordinal).ToList();
        var runs = new NotebookRun[paths.Count];
        if (jobs <= 1 || folders.Count != 1)
        {
            for (int i = 0; i < paths.Count; i++)
            {
                runs[i] = await RunAsync(paths[i], parameters, cancel);
                done?.Invoke(i, runs[i]);
            }
            return runs;
        }
        var previousFolder = Directory.GetCurrentDirectory();
        Formatter.ResetToDefault();
        Directory.SetCurrentDirectory(folders[0]);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, paths.Count), new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancel }, async (i, token) =>
            {
                runs[i] = await RunInPlaceAsync(paths[i], parameters, token);
                done?.Invoke(i, runs[i]);
            });
        }
        finally
        {
            Directory.SetCurrentDirectory(previousFolder);
        }
        return runs;
    }

    private async Task<NotebookRun> RunInPlaceAsync(string path, IReadOnlyDictionary<string, string> parameters, CancellationToken cancel)
    {
        Running.TryAdd(path, 0);
        try
        {
            return await RunCellsAsync(path, parameters, cancel);
        }
        finally
        {
            Running.TryRemove(path, out _);
        }
    }

    /// <summary>
    /// A cell may end the process (<c>Environment.Exit(0)</c>) and so the run, before anything is written: said, and
    /// exit code 2 instead of a success no one saw happen.
    /// </summary>
    private static void OnProcessExit(object? sender, EventArgs e)
    {
        if (Running.IsEmpty || s_log is not { } log)
            return;
        var names = string.Join(", ", Running.Keys.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        log.WriteLine($"error: the process ended while {names} ran (a cell called Environment.Exit, or the program was stopped): nothing of this run was written");
        log.Flush();
        if (Environment.ExitCode == 0)
            Environment.ExitCode = 2;
    }

    private async Task<NotebookRun> RunCellsAsync(string path, IReadOnlyDictionary<string, string> parameters, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var source = IpynbNotebook.Load(path);
        var notebook = source.Copy();
        var name = notebook.Name;
        // The working folder is the notebook's here (RunAsync, RunBatchAsync).
        using var kernel = CellExecution.CreateHostKernel(Directory.GetCurrentDirectory(), out var csharp);
        int count = 0;
        CellFailure? failure = null;
        var declared = new List<string>();
        var pageOutputs = new List<PageOutputAt>();
        // The wall: every output of a cell is a page output the gate decides, unless the notebook turned disclosure control off.
        bool Unprotected() => CellExecution.Unprotected(csharp.ValueOf);
        for (int i = 0; i < notebook.Cells.Count && failure is null; i++)
        {
            var cell = notebook.Cells[i];
            if (!cell.IsCode)
                continue;
            int number = i + 1;
            var cellClock = Stopwatch.StartNew();
            var (outputs, values, error) = await CellExecution.ExecuteAsync(kernel, cell.Source, ++count, Unprotected(), cancel);
            cell.SetOutputs(outputs, count);
            pageOutputs.AddRange(values.Select(v => new PageOutputAt(i, v.Index, v.Output)));
            // One line a cell: notebooks running side by side must not cut into each other's lines.
            _progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: cell {number}/{notebook.Cells.Count} {(error is null ? "ok" : "FAILED")} {cellClock.Elapsed.TotalSeconds:F1} s"));
            if (error is not null)
            {
                failure = new CellFailure(name, number, cell.Head(), error);
                break;
            }

            if (cell.HasTag(NotebookParameters.Tag))
            {
                declared.AddRange(NotebookParameters.Declared(cell.Source));
                var unknown = parameters.Keys.Where(k => !declared.Contains(k)).ToList();
                if (unknown.Count > 0)
                    throw new NotebookException($"{name}: no parameter {string.Join(", ", unknown)} (its parameters: {string.Join(", ", declared)})");
                if (parameters.Count > 0)
                {
                    var code = NotebookParameters.InjectedCode(name, parameters, csharp.ValueOf);
                    // The executed notebook names a file by its name only: a path names a folder of this machine.
                    var shown = NotebookParameters.InjectedCode(name, NotebookParameters.WithoutFolders(parameters), csharp.ValueOf);
                    var injected = NotebookCell.Code(shown, "injected-parameters", NotebookParameters.InjectedTag);
                    notebook.Insert(i + 1, injected);
                    i++;
                    var (injectedOutputs, _, injectedError) = await CellExecution.ExecuteAsync(kernel, code, ++count, Unprotected(), cancel);
                    injected.SetOutputs(injectedOutputs, count);
                    if (injectedError is not null)
                        failure = new CellFailure(name, i + 1, injected.Head(), injectedError);
                }
            }
        }
        if (parameters.Count > 0 && declared.Count == 0)
            throw new NotebookException($"{name}: has no cell tagged 'parameters', so --param cannot be applied");

        var used = declared.Select(n => (n, NotebookParameters.Display(csharp.ValueOf(n)))).ToList();
        notebook.SetMetadata("parameters", new JsonObject(used.Select(u => KeyValuePair.Create(u.n, (JsonNode?)JsonValue.Create(u.Item2)))));
        return new NotebookRun(path, notebook, used, failure, clock.Elapsed) { Outputs = pageOutputs };
    }
}
