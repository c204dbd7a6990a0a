using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Helpline.Notebooks.Hosting;

/// <summary>
/// Runs notebooks in this process, each in a fresh C# kernel with the notebook's own folder as the working folder
/// (so <c>#r "../artifacts/..."</c> and relative data paths resolve as in an editor). A failing cell stops its
/// notebook; the others still run. Notebooks of one folder may run side by side (<see cref="RunBatchAsync"/>).
/// </summary>
internal sealed class NotebookRunner(TextWriter progress)
{
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
        for (int i = 0; i < notebook.Cells.Count && failure is null; i++)
        {
            var cell = notebook.Cells[i];
            if (!cell.IsCode)
                continue;
            int number = i + 1;
            var cellClock = Stopwatch.StartNew();
            var (outputs, error) = await ExecuteAsync(kernel, cell.Source, ++count, cancel);
            cell.SetOutputs(outputs, count);
            // One line a cell: notebooks running side by side must not cut into each other's lines.
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
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
                    var injected = NotebookCell.Code(code, "injected-parameters", NotebookParameters.InjectedTag);
                    notebook.Insert(i + 1, injected);
                    i++;
                    var (injectedOutputs, injectedError) = await ExecuteAsync(kernel, code, ++count, cancel);
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
        return new NotebookRun(path, notebook, used, failure, clock.Elapsed);
    }

    private static CompositeKernel CreateKernel(out CSharpKernel csharp)
    {
        csharp = new CSharpKernel().UseKernelHelpers().UseValueSharing();
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        return kernel;
    }

    /// <summary>Runs one cell; returns its nbformat outputs and, when it failed, the compiler's or the exception's message.</summary>
    private static async Task<(List<JsonObject> Outputs, string? Error)> ExecuteAsync(Kernel kernel, string code, int count, CancellationToken cancel)
    {
        var command = new SubmitCode(code);
        var result = await kernel.SendAsync(command, cancel);
        var outputs = new List<JsonObject>();
        var displayed = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        string? error = null;
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
                    break;
                case DisplayedValueProduced d:
                    var output = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(d), ["metadata"] = new JsonObject() };
                    outputs.Add(output);
                    if (d.ValueId is not null)
                        displayed[d.ValueId] = output;
                    break;
                case ReturnValueProduced r when r.Value is not DisplayedValue:
                    outputs.Add(new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = count, ["data"] = Data(r), ["metadata"] = new JsonObject() });
                    break;
                case ErrorProduced p:
                    error ??= p.Message;
                    break;
                case CommandFailed f when f.Command == command:
                    error = f.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : f.Message;
                    break;
            }
        }
        if (stdout.Length > 0)
            outputs.Insert(0, Stream("stdout", stdout.ToString()));
        if (stderr.Length > 0)
            outputs.Insert(0, Stream("stderr", stderr.ToString()));
        if (error is not null)
            outputs.Add(new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = error, ["traceback"] = new JsonArray() });
        return (outputs, error);
    }

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? e.Value?.ToString() ?? "";

    /// <summary>nbformat's mime bundle; JSON types hold JSON, not a string of it.</summary>
    private static JsonObject Data(DisplayEvent e) =>
        new(e.FormattedValues.OrderBy(v => v.MimeType, StringComparer.Ordinal)
            .Select(v => KeyValuePair.Create(v.MimeType, v.MimeType.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(v.Value) : JsonValue.Create(v.Value))));

    private static JsonObject Stream(string name, string text) =>
        new() { ["output_type"] = "stream", ["name"] = name, ["text"] = text };
}
