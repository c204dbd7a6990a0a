using System.Text.Json.Nodes;
using Helpline.Notebooks.Kernel;

namespace Helpline.Notebooks.Tests.Kernel;

/// <summary>The Jupyter kernel, driven by Jupyter's own clients (nbclient, jupyter_client) as an editor drives it.</summary>
public sealed class KernelTests(JupyterClient client) : IClassFixture<JupyterClient>
{
    [Fact]
    public void Installing_the_kernel_writes_a_kernelspec_that_starts_this_build_with_two_logos_and_plotly_js()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(client.KernelFolder, "kernel.json")))!;
        Assert.Equal("Helpline C#", (string?)spec["display_name"]);
        Assert.Equal("message", (string?)spec["interrupt_mode"]);
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Equal(Cli.Program, argv[1]);
        Assert.Equal(["kernel", "{connection_file}"], argv[2..4]);
        foreach (var size in new[] { 32, 64 })
        {
            var png = File.ReadAllBytes(Path.Combine(client.KernelFolder, $"logo-{size}x{size}.png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        }
        Assert.True(new FileInfo(Path.Combine(client.KernelFolder, PlotlyLoader.ScriptName)).Length > 3_000_000);
    }

    [Fact]
    public void Uninstalling_the_kernel_removes_its_kernelspec_and_only_that()
    {
        var prefix = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("kernel", "install", "--prefix", prefix).Exit);
        var kernels = Path.Combine(prefix, "share", "jupyter", "kernels");
        Directory.CreateDirectory(Path.Combine(kernels, "python3"));
        Assert.Equal(0, Cli.Run("kernel", "uninstall", "--prefix", prefix).Exit);
        Assert.Equal(["python3"], Directory.GetDirectories(kernels).Select(Path.GetFileName));
        Directory.Delete(prefix, recursive: true);
    }

    [SkippableFact]
    public void A_shipped_notebook_run_by_nbclient_shows_the_same_tables_and_chart_json_as_the_host()
    {
        Skip.If(JupyterClient.Python3 is null, JupyterClient.Missing);
        var kernel = Shown(client.Executed.Notebook).Take(Shown(client.HostRun).Count).ToList();
        var host = Shown(client.HostRun);
        Assert.NotEmpty(host);
        Assert.Contains(host, s => s.StartsWith("<table", StringComparison.Ordinal));
        Assert.Contains(host, s => s.StartsWith("chart:", StringComparison.Ordinal));
        Assert.Equal(host, kernel);
    }

    [SkippableFact]
    public void A_chart_reaches_the_editor_as_plotly_json_and_as_html_that_loads_plotly_js_from_the_kernelspec_without_network()
    {
        Skip.If(JupyterClient.Python3 is null, JupyterClient.Missing);
        var charts = Outputs(client.Executed.Notebook).Select(o => o["data"]).OfType<JsonObject>().Where(d => d.ContainsKey("application/vnd.plotly.v1+json")).ToList();
        Assert.NotEmpty(charts);
        foreach (var chart in charts)
        {
            var html = Text(chart["text/html"]);
            Assert.Contains("kernelspecs/helpline-csharp/plotly-2.28.0.min.js", html, StringComparison.Ordinal);
            Assert.Contains(new Uri(Path.Combine(client.KernelFolder, PlotlyLoader.ScriptName)).AbsoluteUri, html, StringComparison.Ordinal);
            Assert.DoesNotContain("http", html.Replace(chart["application/vnd.plotly.v1+json"]!.ToJsonString(), "", StringComparison.Ordinal), StringComparison.Ordinal);
            // The loader, not plotly.js: the figure's JSON and about two kilobytes of script.
            Assert.InRange(html.Length - chart["application/vnd.plotly.v1+json"]!.ToJsonString().Length, 0, 2_500);
        }
        Assert.InRange(client.Executed.Bytes, 1, 500_000);
    }

    [SkippableFact]
    public void A_failing_cell_shows_its_error_and_the_kernel_keeps_answering()
    {
        Skip.If(JupyterClient.Python3 is null, JupyterClient.Missing);
        var cells = CodeCells(client.Executed.Notebook);
        var failing = cells[^3]["outputs"]!.AsArray().Single()!;
        Assert.Equal("error", (string?)failing["output_type"]);
        Assert.Contains("this cell fails on purpose", (string?)failing["evalue"], StringComparison.Ordinal);
        Assert.NotEmpty(failing["traceback"]!.AsArray());
        var last = cells[^1]["outputs"]!.AsArray().Single()!;
        Assert.Equal("execute_result", (string?)last["output_type"]);
        Assert.StartsWith("<p class=\"count\">", Text(last["data"]!["text/html"]), StringComparison.Ordinal);
        var protocol = client.Protocol["failing"]!;
        Assert.Equal("error", (string?)protocol["reply"]!["status"]);
        Assert.Contains(protocol["published"]!.AsArray(), m => (string?)m!["type"] == "error");
    }

    [SkippableFact]
    public void A_raw_dataframe_is_refused_in_the_editor_as_on_a_page()
    {
        Skip.If(JupyterClient.Python3 is null, JupyterClient.Missing);
        var refused = CodeCells(client.Executed.Notebook)[^2]["outputs"]!.AsArray();
        Assert.Equal("error", (string?)refused.Single()!["output_type"]);
        Assert.Contains("DataFrame, which did not pass the release gate", (string?)refused.Single()!["evalue"], StringComparison.Ordinal);
        var raw = client.Protocol["raw"]!;
        Assert.Equal("error", (string?)raw["reply"]!["status"]);
        Assert.DoesNotContain(raw["published"]!.AsArray(), m => (string?)m!["type"] is "execute_result" or "display_data");
    }

    [SkippableFact]
    public void A_message_with_a_bad_signature_gets_no_answer_and_signed_ones_still_do()
    {
        Skip.If(JupyterClient.Python3 is null, JupyterClient.Missing);
        Assert.False((bool)client.Protocol["forged_answered"]!);
        Assert.True((bool)client.Protocol["signed_answered_after"]!);
        Assert.Equal("5.3", (string?)client.Protocol["kernel_info"]!["protocol_version"]);
    }

    [SkippableFact]
    public void Interrupt_stops_an_endless_loop_and_the_next_cell_runs()
    {
        Skip.If(JupyterClient.Python3 is null, JupyterClient.Missing);
        Assert.Equal("error", (string?)client.Protocol["interrupted"]!["status"]);
        Assert.Equal("Interrupted", (string?)client.Protocol["interrupted"]!["ename"]);
        Assert.InRange((double)client.Protocol["interrupt_seconds"]!, 0, 5);
        var after = client.Protocol["after_interrupt"]!;
        Assert.Equal("ok", (string?)after["reply"]!["status"]);
        Assert.Contains(after["published"]!.AsArray(), m => (string?)m!["type"] == "execute_result");
    }

    [SkippableFact]
    public void Completion_of_data_contacts_an_offers_answered()
    {
        Skip.If(JupyterClient.Python3 is null, JupyterClient.Missing);
        var complete = client.Protocol["complete"]!;
        Assert.Contains("Answered", complete["matches"]!.AsArray().Select(m => (string?)m));
        Assert.Equal("data.Contacts.".Length, (int)complete["cursor_start"]!);
        Assert.Equal(["complete", "incomplete"], client.Protocol["is_complete"]!.AsArray().Select(s => (string?)s));
        Assert.True((bool)client.Protocol["shutdown_clean"]!);
    }

    private static List<JsonObject> CodeCells(JsonObject notebook) =>
        [.. notebook["cells"]!.AsArray().OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "code")];

    private static IEnumerable<JsonObject> Outputs(JsonObject notebook) =>
        CodeCells(notebook).SelectMany(c => c["outputs"]!.AsArray().OfType<JsonObject>());

    /// <summary>What each output shows: a chart's figure JSON, else its HTML (nbformat may split text into lines).</summary>
    private static List<string> Shown(JsonObject notebook) =>
    [
        .. Outputs(notebook).Select(o => o["data"]).OfType<JsonObject>().Select(d =>
            d["application/vnd.plotly.v1+json"] is { } figure ? "chart:" + Canonical(figure)!.ToJsonString() : Text(d["text/html"])),
    ];

    /// <summary>JSON with its keys in order: nbformat writes them sorted, the host as Plotly.NET does.</summary>
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        _ => node?.DeepClone(),
    };

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        null => "",
        _ => (string?)node ?? "",
    };
}
