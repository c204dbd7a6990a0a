using System.Text.Json.Nodes;

namespace Helpline.Notebooks.Hosting;

/// <summary>One cell of an .ipynb notebook: its kind, source, tags and (once run) outputs.</summary>
internal sealed class NotebookCell(JsonObject json)
{
    public JsonObject Json { get; } = json;

    public bool IsCode => (string?)Json["cell_type"] == "code";

    public bool IsMarkdown => (string?)Json["cell_type"] == "markdown";

    public string Source
    {
        get => Json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
            JsonValue text => (string?)text ?? "",
            _ => "",
        };
        set => Json["source"] = IpynbNotebook.Lines(value);
    }

    public IReadOnlyList<string> Tags => Json["metadata"]?["tags"] is JsonArray tags ? [.. tags.Select(t => (string?)t ?? "")] : [];

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>The first lines of the source, to name a cell in a message.</summary>
    public string Head(int lines = 3)
    {
        var all = Source.Split('\n');
        var head = string.Join("\n", all.Take(lines)).TrimEnd();
        return all.Length > lines ? head + "\n..." : head;
    }

    public void SetOutputs(IEnumerable<JsonObject> outputs, int? executionCount)
    {
        Json["outputs"] = new JsonArray([.. outputs]);
        Json["execution_count"] = executionCount;
    }

    public IEnumerable<JsonObject> Outputs => Json["outputs"] is JsonArray outputs ? outputs.OfType<JsonObject>() : [];

    public static NotebookCell Code(string source, string id, params string[] tags) => new(new JsonObject
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = id,
        ["metadata"] = new JsonObject { ["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]) },
        ["outputs"] = new JsonArray(),
        ["source"] = IpynbNotebook.Lines(source),
    });
}
