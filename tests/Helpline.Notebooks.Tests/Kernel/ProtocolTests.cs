using System.Text;
using System.Text.Json.Nodes;
using Helpline.Notebooks.Kernel;

namespace Helpline.Notebooks.Tests.Kernel;

/// <summary>The kernel's pieces without a client: message signing, the interrupt check in loops, the chart loader.</summary>
public sealed class ProtocolTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a-connection-key");

    [Fact]
    public void A_message_reads_back_with_its_key_and_not_with_another()
    {
        var sent = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1" }, null, "session", [[1, 2, 3]]);
        var frames = sent.Encode(Key);
        var read = JupyterMessage.Decode(frames, Key, out var problem);
        Assert.Null(problem);
        Assert.Equal("execute_request", read!.Type);
        Assert.Equal([1, 2, 3], read.Identities.Single());
        Assert.Null(JupyterMessage.Decode(frames, Encoding.UTF8.GetBytes("another-key"), out problem));
        Assert.Equal("bad HMAC signature", problem);
        frames[^1] = Encoding.UTF8.GetBytes("{\"code\":\"2\"}");
        Assert.Null(JupyterMessage.Decode(frames, Key, out _));
    }

    [Fact]
    public void A_loop_gets_an_interrupt_check_in_its_body_and_keeps_its_lines()
    {
        var code = "var n = 0;\nwhile (true) n++;\nfor (int i = 0; i < 3; i++) { n--; }\nforeach (var x in new[] { 1 })\n    n += x;";
        var checkedCode = CSharpSession.Interruptible(code);
        Assert.Equal(code.Split('\n').Length, checkedCode.Split('\n').Length);
        Assert.Equal(3, checkedCode.Split("ThrowIfCancellationRequested").Length - 1);
        Assert.Equal("var x = 1;", CSharpSession.Interruptible("var x = 1;"));
    }

    [Fact]
    public void A_chart_s_html_draws_from_plotly_json_once_plotly_js_is_loaded_with_require_js_put_aside()
    {
        var loader = new PlotlyLoader("helpline-csharp", "/opt/kernels/helpline-csharp/plotly-2.28.0.min.js");
        var html = loader.ChartHtml("{\"data\":[],\"layout\":{}}");
        Assert.StartsWith("<div class=\"chart\" id=\"chart-", html, StringComparison.Ordinal);
        Assert.Contains("file:///opt/kernels/helpline-csharp/plotly-2.28.0.min.js", html, StringComparison.Ordinal);
        Assert.Contains("w.define = undefined", html, StringComparison.Ordinal);
        Assert.Contains("w.helplinePlotly", html, StringComparison.Ordinal);
        var data = new JsonObject { ["application/vnd.plotly.v1+json"] = JsonNode.Parse("{\"data\":[],\"layout\":{}}"), ["text/html"] = Helpline.Analysis.NotebookDisplay.ChartHtml("{\"data\":[],\"layout\":{}}") + "<p class=\"table-note\">note</p>" };
        var shown = (string)loader.ForEditor(data)["text/html"]!;
        Assert.EndsWith("<p class=\"table-note\">note</p>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("which the published site provides", shown, StringComparison.Ordinal);
    }
}
