using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>
/// A published site read as an outsider reads it: its CSV downloads, the chart data in its executed notebooks and the
/// sentences of its pages. Nothing here uses the library's disclosure code: the attacks must not trust it.
/// </summary>
internal sealed partial class SiteFiles(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>Every CSV download: page, file name, header, rows of cells.</summary>
    public IEnumerable<(string Page, string File, string[] Header, List<string[]> Rows)> Tables()
    {
        var data = Path.Combine(Folder, "data");
        if (!Directory.Exists(data))
            yield break;
        foreach (var file in Directory.GetFiles(data, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lines = ReadCsv(File.ReadAllText(file));
            if (lines.Count == 0)
                continue;
            yield return (Path.GetFileName(Path.GetDirectoryName(file))!, Path.GetFileName(file), lines[0], lines.Skip(1).ToList());
        }
    }

    public (string[] Header, List<string[]> Rows) Table(string page, string file)
    {
        var lines = ReadCsv(File.ReadAllText(Path.Combine(Folder, "data", page, file)));
        return (lines[0], lines.Skip(1).ToList());
    }

    /// <summary>The plotly figures of a page, from its executed notebook.</summary>
    public IEnumerable<JsonObject> Charts(string page)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, page + ".ipynb")))!;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            foreach (var output in cell!["outputs"]?.AsArray() ?? [])
            {
                if (output!["data"]?["application/vnd.plotly.v1+json"] is JsonObject figure)
                    yield return figure;
            }
        }
    }

    /// <summary>The sentences the pages print (paragraphs written by code).</summary>
    public IEnumerable<string> Prose(string page) =>
        ProsePattern().Matches(File.ReadAllText(Path.Combine(Folder, page + ".html"))).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));

    public static string Title(JsonObject figure) => figure["layout"]?["title"]?["text"]?.GetValue<string>() ?? "";

    /// <summary>A count as a page writes it: <c>1,234</c>; null for anything else.</summary>
    public static int? Count(string cell) =>
        int.TryParse(cell, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static List<string[]> ReadCsv(string text)
    {
        var rows = new List<string[]>();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. cells]);
                cells.Clear();
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add([.. cells]);
        }
        return rows;
    }

    [GeneratedRegex("<p class=\"prose\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ProsePattern();
}
