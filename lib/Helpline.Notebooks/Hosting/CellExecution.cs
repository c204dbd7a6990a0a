using System.Text;
using System.Text.Json.Nodes;
using Helpline.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Helpline.Notebooks.Hosting;

/// <summary>
/// The C# kernel of the host and of the editor's kernel, and the wall both put around a cell: what a cell shows is a
/// page output of the library (it passed the release gate) or the cell fails, unless the notebook set
/// <c>suppress = false</c>. One code for both, so an editor never shows what a published page would refuse.
/// </summary>
internal static class CellExecution
{
    /// <summary>The editor's kernel: .NET Interactive's C# kernel, with completions and hover help.</summary>
    public static CompositeKernel CreateKernel(out CSharpKernel csharp)
    {
        csharp = new CSharpKernel().UseKernelHelpers().UseValueSharing();
        return Composite(csharp);
    }

    /// <summary>The host's kernel: the same C# without the editor's workspace, each cell compiled once a process.</summary>
    public static CompositeKernel CreateHostKernel(string folder, out ScriptKernel csharp)
    {
        csharp = new ScriptKernel(folder).UseValueSharing();
        return Composite(csharp);
    }

    private static CompositeKernel Composite(Microsoft.DotNet.Interactive.Kernel csharp)
    {
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        return kernel;
    }

    /// <summary>Whether the notebook turned disclosure control off (<c>suppress = false</c>), given its variables' values.</summary>
    public static bool Unprotected(Func<string, object?> valueOf) => valueOf("suppress") is false;

    /// <summary>
    /// Runs one cell; returns its nbformat outputs, the page outputs among them (by position) and, when it failed, the
    /// compiler's or the exception's message. A protected notebook's cell fails when it shows anything but a page
    /// output (a number, a text, a DataFrame, a hand-drawn chart) or writes to the console: nothing reaches a page
    /// without passing the release gate.
    /// </summary>
    public static async Task<CellOutcome> ExecuteAsync(Microsoft.DotNet.Interactive.Kernel kernel, string code, int count, bool unprotected, CancellationToken cancel)
    {
        var command = new SubmitCode(code);
        var result = await kernel.SendAsync(command, cancel);
        var outputs = new List<JsonObject>();
        var displayed = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var displayIds = new Dictionary<JsonObject, string>(ReferenceEqualityComparer.Instance);
        var earlier = new List<(string ValueId, JsonObject Data, object? Value)>();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        string? error = null;
        var values = new Dictionary<JsonObject, IPageOutput>(ReferenceEqualityComparer.Instance);
        string? refused = null;
        bool Passes(object? value) => value is IPageOutput or null or CleaningReport || unprotected;
        void Check(object? value, JsonObject output)
        {
            if (value is IPageOutput page)
                values[output] = page;
            else if (!Passes(value))
                refused ??= Refusal(value!);
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
                case DisplayedValueUpdated u when u.ValueId is not null:
                    // A display of an earlier cell: the host's pages never show it again; an editor updates it in place.
                    earlier.Add((u.ValueId, Data(u), u.Value));
                    break;
                case DisplayedValueProduced d:
                    var output = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(d), ["metadata"] = new JsonObject() };
                    outputs.Add(output);
                    Check(d.Value, output);
                    if (d.ValueId is not null)
                    {
                        displayed[d.ValueId] = output;
                        displayIds[output] = d.ValueId;
                    }
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
        if (earlier.Find(u => !Passes(u.Value)) is { ValueId: not null } raw)
            refused ??= Refusal(raw.Value!);
        if (refused is not null && error is null)
        {
            error = refused;
            // A refused output is not kept: the executed notebook is written next to the page.
            outputs.RemoveAll(o => !values.ContainsKey(o));
            earlier.RemoveAll(u => u.Value is not IPageOutput);
        }
        if (stdout.Length > 0)
            outputs.Insert(0, Stream("stdout", stdout.ToString()));
        if (stderr.Length > 0)
            outputs.Insert(0, Stream("stderr", stderr.ToString()));
        if (error is not null)
            outputs.Add(new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = error, ["traceback"] = new JsonArray() });
        var positions = outputs.Select((o, i) => (Output: o, Index: i)).Where(p => values.ContainsKey(p.Output)).Select(p => (p.Index, values[p.Output])).ToList();
        return new CellOutcome(outputs, positions, error)
        {
            DisplayIds = displayIds,
            EarlierUpdates = [.. earlier.Select(u => (u.ValueId, u.Data))],
        };
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

/// <summary>What a cell showed, after the wall: nbformat outputs, the page outputs among them, the failure if any.</summary>
internal sealed record CellOutcome(List<JsonObject> Outputs, List<(int Index, IPageOutput Output)> Values, string? Error)
{
    /// <summary>The display id of each displayed output (an editor may update it later).</summary>
    public IReadOnlyDictionary<JsonObject, string> DisplayIds { get; init; } = new Dictionary<JsonObject, string>();

    /// <summary>Displays of earlier cells that this cell updated, with their new mime bundles.</summary>
    public IReadOnlyList<(string ValueId, JsonObject Data)> EarlierUpdates { get; init; } = [];
}
