using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Helpline.Analysis;

namespace Helpline.Notebooks.Hosting;

/// <summary>
/// Runs notebooks in this process, each in a fresh C# kernel with the notebook's own folder as the working folder
/// (so <c>#r "../artifacts/..."</c> and relative data paths resolve as in an editor). A failing cell stops its
/// notebook; the others still run. Notebooks of one folder may run side by side (<see cref="RunBatchAsync"/>).
/// </summary>
internal sealed class NotebookRunner
{
    private readonly TextWriter _progress;

    public NotebookRunner(TextWriter progress)
    {
        _progress = progress;
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
        var clock = Stopwatch.StartNew();
        var source = IpynbNotebook.Load(path);
        var notebook = source.Copy();
        var name = notebook.Name;
        using var kernel = CreateKernel(out var csharp);
        int count = 0;
        CellFailure? failure = null;
        var declared = new List<string>();
        var pageOutputs = new List<PageOutputAt>();
        // The wall: every output of a cell is a page output the gate decides, unless the notebook turned disclosure control off.
        bool Unprotected() => csharp.TryGetValue<bool>("suppress", out var suppress) && !suppress;
        for (int i = 0; i < notebook.Cells.Count && failure is null; i++)
        {
            var cell = notebook.Cells[i];
            if (!cell.IsCode)
                continue;
            int number = i + 1;
            var cellClock = Stopwatch.StartNew();
            var (outputs, values, error) = await ExecuteAsync(kernel, cell.Source, ++count, Unprotected(), cancel);
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
                    var code = NotebookParameters.InjectedCode(name, parameters, n => csharp.TryGetValue<object>(n, out var v) ? v : null);
                    // The executed notebook names a file by its name only: a path names a folder of this machine.
                    var shown = NotebookParameters.InjectedCode(name, NotebookParameters.WithoutFolders(parameters), n => csharp.TryGetValue<object>(n, out var v) ? v : null);
                    var injected = NotebookCell.Code(shown, "injected-parameters", NotebookParameters.InjectedTag);
                    notebook.Insert(i + 1, injected);
                    i++;
                    var (injectedOutputs, _, injectedError) = await ExecuteAsync(kernel, code, ++count, Unprotected(), cancel);
                    injected.SetOutputs(injectedOutputs, count);
                    if (injectedError is not null)
                        failure = new CellFailure(name, i + 1, injected.Head(), injectedError);
                }
            }
        }
        if (parameters.Count > 0 && declared.Count == 0)
            throw new NotebookException($"{name}: has no cell tagged 'parameters', so --param cannot be applied");

        var used = declared.Select(n => (n, NotebookParameters.Display(csharp.TryGetValue<object>(n, out var v) ? v : null))).ToList();
        notebook.SetMetadata("parameters", new JsonObject(used.Select(u => KeyValuePair.Create(u.n, (JsonNode?)JsonValue.Create(u.Item2)))));
        return new NotebookRun(path, notebook, used, failure, clock.Elapsed) { Outputs = pageOutputs };
    }

    private static CompositeKernel CreateKernel(out CSharpKernel csharp)
    {
        csharp = new CSharpKernel().UseKernelHelpers().UseValueSharing();
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        return kernel;
    }

    /// <summary>
    /// Runs one cell; returns its nbformat outputs, the page outputs among them (by position) and, when it failed, the
    /// compiler's or the exception's message. A protected notebook's cell fails when it shows anything but a page
    /// output (a number, a text, a DataFrame, a hand-drawn chart) or writes to the console: nothing reaches a page
    /// without passing the release gate.
    /// </summary>
    private static async Task<(List<JsonObject> Outputs, List<(int Index, IPageOutput Output)> Values, string? Error)> ExecuteAsync(Kernel kernel, string code, int count, bool unprotected, CancellationToken cancel)
    {
        var command = new SubmitCode(code);
        var result = await kernel.SendAsync(command, cancel);
        var outputs = new List<JsonObject>();
        var displayed = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        string? error = null;
        var values = new Dictionary<JsonObject, IPageOutput>(ReferenceEqualityComparer.Instance);
        string? refused = null;
        void Check(object? value, JsonObject output)
        {
            if (value is IPageOutput page)
                values[output] = page;
            else if (value is not null and not CleaningReport && !unprotected)
                refused ??= Refusal(value);
        }
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case StandardOutputValueProduced o:
                    stdout.Append(PlainText(o));
                    break;
                case StandardErrorValueProduced o:
                    stderr.Append(PlainText(o));
                    break;
                case DisplayedValueUpdated u when u.ValueId is not null && displayed.TryGetValue(u.ValueId, out var shown):
                    shown["data"] = Data(u);
                    values.Remove(shown);
                    Check(u.Value, shown);
                    break;
                case DisplayedValueProduced d:
                    var output = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(d), ["metadata"] = new JsonObject() };
                    outputs.Add(output);
                    Check(d.Value, output);
                    if (d.ValueId is not null)
                        displayed[d.ValueId] = output;
                    break;
                case ReturnValueProduced r when r.Value is not DisplayedValue:
                    var result_ = new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = count, ["data"] = Data(r), ["metadata"] = new JsonObject() };
                    outputs.Add(result_);
                    Check(r.Value, result_);
                    break;
                case ErrorProduced p:
                    error ??= p.Message;
                    break;
                case CommandFailed f when f.Command == command:
                    error = f.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : f.Message;
                    break;
            }
        }
        if (!unprotected && (stdout.Length > 0 || stderr.Length > 0))
        {
            refused ??= "the cell wrote to the console: text printed by a cell does not pass the release gate, so a protected page cannot show it. " +
                "Show a count table, a chart or a Prose sentence instead (or set suppress = false for your own look).";
            stdout.Clear();
            stderr.Clear();
        }
        if (refused is not null && error is null)
        {
            error = refused;
            // A refused output is not kept: the executed notebook is written next to the page.
            outputs.RemoveAll(o => !values.ContainsKey(o));
        }
        if (stdout.Length > 0)
            outputs.Insert(0, Stream("stdout", stdout.ToString()));
        if (stderr.Length > 0)
            outputs.Insert(0, Stream("stderr", stderr.ToString()));
        if (error is not null)
            outputs.Add(new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = error, ["traceback"] = new JsonArray() });
        var positions = outputs.Select((o, i) => (Output: o, Index: i)).Where(p => values.ContainsKey(p.Output)).Select(p => (p.Index, values[p.Output])).ToList();
        return (outputs, positions, error);
    }

    private static string Refusal(object value) => value switch
    {
        Microsoft.Data.Analysis.DataFrame => "the cell shows a DataFrame, which did not pass the release gate: display the count table itself (register.CountBy(...)), not its DataFrame.",
        Plotly.NET.GenericChart => "the cell shows a chart drawn by hand, which did not pass the release gate: draw it with a chart family of the library (ContactCharts, RequesterCharts, ...).",
        string or int or long or double or float or decimal => $"the cell shows a {value.GetType().Name}, which did not pass the release gate: write numbers in a Prose sentence from counts (register.Total(), table[\"2020\"]), or show a count table.",
        _ => $"the cell shows a {value.GetType().Name}: only the library's page outputs (count tables, charts, Prose sentences, reconciliations) reach a page, because they pass the release gate.",
    };

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? e.Value?.ToString() ?? "";

    /// <summary>nbformat's mime bundle; JSON types hold JSON, not a string of it.</summary>
    private static JsonObject Data(DisplayEvent e) =>
        new(e.FormattedValues.OrderBy(v => v.MimeType, StringComparer.Ordinal)
            .Select(v => KeyValuePair.Create(v.MimeType, v.MimeType.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(v.Value) : JsonValue.Create(v.Value))));

    private static JsonObject Stream(string name, string text) =>
        new() { ["output_type"] = "stream", ["name"] = name, ["text"] = text };
}
