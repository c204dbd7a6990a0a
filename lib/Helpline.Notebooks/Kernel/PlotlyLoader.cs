using System.Text.Json.Nodes;
using System.Web;
using Helpline.Analysis;

namespace Helpline.Notebooks.Kernel;

/// <summary>
/// Charts in an editor's page. A chart output keeps the released figure JSON (<c>application/vnd.plotly.v1+json</c>,
/// which VS Code draws itself); its HTML gets a small loader instead of the site's <c>window.Plotly</c> call. The first
/// chart of a page loads plotly.js once, with no network: from the Jupyter server (the kernelspec's folder holds
/// plotly.js, served at <c>kernelspecs/NAME/</c>), else from that folder as a file (an nbconvert HTML page on this
/// machine), else from beside the page (<c>plotly-2.28.0.min.js</c> or the site's <c>assets/</c>). require.js's
/// <c>define</c> is put aside while plotly.js loads, or plotly.js would register as an AMD module and not as
/// <c>window.Plotly</c>. An executed notebook carries about a kilobyte a chart, not 3.6 MB.
/// </summary>
internal sealed class PlotlyLoader(string kernelName, string? localScript)
{
    public const string ScriptName = "plotly-2.28.0.min.js";

    private const string PlotlyMime = "application/vnd.plotly.v1+json";

    /// <summary>A display's mime bundle as the editor gets it: chart HTML with the loader, everything else as it is.</summary>
    public JsonObject ForEditor(JsonObject data)
    {
        if (data[PlotlyMime] is not JsonObject figure || (string?)data["text/html"] is not { } html || !html.StartsWith("<div class=\"chart\"", StringComparison.Ordinal))
            return data;
        int end = html.IndexOf("</script>", StringComparison.Ordinal);
        if (end < 0)
            return data;
        var copy = (JsonObject)data.DeepClone();
        copy["text/html"] = ChartHtml(figure.ToJsonString()) + html[(end + "</script>".Length)..];
        return copy;
    }

    /// <summary>A div, and a script that draws the figure once plotly.js is there (loading it the first time).</summary>
    public string ChartHtml(string json)
    {
        var site = NotebookDisplay.ChartHtml(json);
        var id = site[(site.IndexOf("id=\"", StringComparison.Ordinal) + 4)..site.IndexOf("\"></div>", StringComparison.Ordinal)];
        var sources = new List<string>();
        if (localScript is not null)
            sources.Add(new Uri(localScript).AbsoluteUri);
        sources.Add(ScriptName);
        sources.Add("assets/" + ScriptName);
        var list = string.Join(",", sources.Select(s => $"'{HttpUtility.JavaScriptStringEncode(s)}'"));
        return $"<div class=\"chart\" id=\"{id}\"></div><script type=\"text/javascript\">(function (id, figure) {{ " +
            "var w = window, el = document.getElementById(id); " +
            "function draw(P) { P.newPlot(el, figure.data, figure.layout, {responsive: true, displaylogo: false}); } " +
            "if (w.Plotly) { draw(w.Plotly); return; } " +
            "if (!w.helplinePlotly) { w.helplinePlotly = new Promise(function (resolve, reject) { " +
            $"var sources = [{list}], base = document.body && document.body.getAttribute('data-base-url'); " +
            $"if (base) sources.unshift(base + 'kernelspecs/{kernelName}/{ScriptName}'); " +
            "(function next(i) { if (w.Plotly) return resolve(w.Plotly); if (i >= sources.length) return reject(); " +
            "var s = document.createElement('script'), define = w.define; w.define = undefined; s.src = sources[i]; " +
            "s.onload = function () { w.define = define; w.Plotly ? resolve(w.Plotly) : next(i + 1); }; " +
            "s.onerror = function () { w.define = define; next(i + 1); }; document.head.appendChild(s); })(0); }); } " +
            "w.helplinePlotly.then(draw, function () { el.textContent = 'This chart needs plotly.js: install the kernel (kernel install) or open the page beside the site\\'s assets/.'; }); " +
            $"}})('{id}', {json});</script>";
    }
}
