using System.Text.Json.Nodes;
using Helpline.Analysis;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Publishing;

/// <summary>
/// The release gate over every page at once: what the cells showed was provisional; here every page output of every
/// notebook is decided together, and rendered again into the executed notebooks from that one decision.
/// </summary>
internal static class PageRelease
{
    public static (Release Release, GateReport Report) Apply(IReadOnlyList<NotebookRun> runs)
    {
        var release = Gate.Decide(runs.SelectMany(r => r.Outputs).Select(o => o.Output), null, linked: true, out var report);
        foreach (var run in runs)
        {
            foreach (var at in run.Outputs)
            {
                var content = at.Output.Render(release);
                var output = run.Executed.Cells[at.Cell].Outputs.ElementAt(at.Index);
                var data = new JsonObject();
                if (content.FigureJson is { } figure)
                    data["application/vnd.plotly.v1+json"] = JsonNode.Parse(figure);
                if (content.Csv is { } csv)
                    data["text/csv"] = csv;
                data["text/html"] = content.Html;
                output["data"] = data;
            }
        }
        return (release, report);
    }
}
