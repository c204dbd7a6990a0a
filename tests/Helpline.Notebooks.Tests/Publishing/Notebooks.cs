using System.Text.Json.Nodes;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>Small notebooks written for a test: a title, a parameters cell, and code cells that show nothing.</summary>
internal static class Notebooks
{
    /// <summary>Writes <c>name.ipynb</c> into <paramref name="folder"/>; <paramref name="cells"/> after the parameters cell.</summary>
    public static string Write(string folder, string name, string parameters, params string[] cells)
    {
        var json = new JsonObject
        {
            ["cells"] = new JsonArray([
                new JsonObject { ["cell_type"] = "markdown", ["id"] = "title", ["metadata"] = new JsonObject(), ["source"] = $"# {name}" },
                NotebookCell.Code(parameters, "parameters", NotebookParameters.Tag).Json,
                .. cells.Select((code, i) => (JsonNode)NotebookCell.Code(code, $"cell-{i}").Json),
            ]),
            ["metadata"] = new JsonObject { ["helpline"] = new JsonObject { ["summary"] = $"The {name} notebook" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(folder, name + ".ipynb");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    /// <summary>Every file of a folder with its bytes, by relative path.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
