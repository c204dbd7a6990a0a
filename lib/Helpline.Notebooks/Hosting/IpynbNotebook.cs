using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Helpline.Notebooks.Hosting;

/// <summary>
/// A Jupyter notebook (nbformat 4) read and written as JSON. The host keeps every field it does not use, so a
/// notebook round-trips unchanged but for the outputs it adds.
/// </summary>
internal sealed class IpynbNotebook
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private IpynbNotebook(string path, JsonObject root, List<NotebookCell> cells)
    {
        Path = path;
        Root = root;
        Cells = cells;
    }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public JsonObject Root { get; }

    public List<NotebookCell> Cells { get; }

    public static IpynbNotebook Load(string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException("the top level is not an object");
        }
        catch (JsonException e)
        {
            throw new NotebookException($"{path}: not a Jupyter notebook ({e.Message})");
        }
        if (root["cells"] is not JsonArray cells)
            throw new NotebookException($"{path}: not a Jupyter notebook (no \"cells\" array)");
        for (int i = 0; i < cells.Count; i++)
        {
            if (Malformed(cells[i]) is { } why)
                throw new NotebookException($"{path}: not a Jupyter notebook (cell {i + 1}: {why})");
        }
        return new IpynbNotebook(path, root, [.. cells.OfType<JsonObject>().Select(c => new NotebookCell(c))]);
    }

    /// <summary>What keeps a cell from being read, in a few words; null for a cell that can be.</summary>
    private static string? Malformed(JsonNode? cell)
    {
        static bool IsText(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;
        if (cell is not JsonObject json)
            return "not an object";
        if (!IsText(json["cell_type"]))
            return "no \"cell_type\" text";
        return json["source"] switch
        {
            null => null,
            JsonArray lines when lines.All(IsText) => null,
            JsonArray => "\"source\" lists something other than text",
            var text when IsText(text) => null,
            _ => "\"source\" is neither text nor a list of lines",
        };
    }

    /// <summary>A deep copy, to fill with outputs while the file stays as it is.</summary>
    public IpynbNotebook Copy() => Parse(Path, ToJson());

    public static IpynbNotebook Parse(string path, string json)
    {
        var root = (JsonObject)JsonNode.Parse(json)!;
        return new IpynbNotebook(path, root, [.. ((JsonArray)root["cells"]!).OfType<JsonObject>().Select(c => new NotebookCell(c))]);
    }

    /// <summary>The notebook's title: the first markdown heading, without its hashes.</summary>
    public string Title => Cells.Where(c => c.IsMarkdown).SelectMany(c => c.Source.Split('\n'))
        .FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#').Trim() ?? Name;

    /// <summary>A one-line summary: <c>metadata.helpline.summary</c>, else the first plain paragraph.</summary>
    public string Summary => (string?)Root["metadata"]?["helpline"]?["summary"]
        ?? Cells.Where(c => c.IsMarkdown).SelectMany(c => c.Source.Split("\n\n"))
            .Select(p => p.Trim()).FirstOrDefault(p => p.Length > 0 && !p.StartsWith('#') && !p.StartsWith('>') && !p.StartsWith('|')) ?? "";

    public void Insert(int index, NotebookCell cell)
    {
        ((JsonArray)Root["cells"]!).Insert(index, cell.Json);
        Cells.Insert(index, cell);
    }

    public void SetMetadata(string key, JsonNode value)
    {
        var metadata = Root["metadata"] as JsonObject ?? [];
        Root["metadata"] = metadata;
        var helpline = metadata["helpline"] as JsonObject ?? [];
        metadata["helpline"] = helpline;
        helpline[key] = value;
    }

    public string ToJson() => Root.ToJsonString(Indented) + "\n";

    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson());
    }

    /// <summary>Source text as nbformat writes it: a list of lines, each but the last ending in a newline.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = text.Split('\n');
        var array = new JsonArray();
        for (int i = 0; i < lines.Length; i++)
        {
            if (i < lines.Length - 1)
                array.Add(lines[i] + "\n");
            else if (lines[i].Length > 0)
                array.Add(lines[i]);
        }
        return array;
    }
}
