using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpline.Analysis;
using Helpline.Notebooks.Hosting;

namespace Helpline.Notebooks.Publishing;

/// <summary>
/// <c>release.json</c>: every statistic the site releases, with its definition (which contacts it counts), what the
/// gate reckons a reader knows of it (the count, even where a page prints only a share of it; or the interval its mark
/// claims) and every page, table, row and column it appears in.
/// Anyone can replay it with their own arithmetic: the tests do, with an attacker written apart from the gate.
/// </summary>
internal static class Ledger
{
    public const string FileName = "release.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(IReadOnlyList<NotebookRun> runs, Release release, GateReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var entries = new Dictionary<Statistic, (int Id, JsonArray Appears)>(new SameStatistic());
        var list = new List<(Statistic Statistic, int Id, JsonArray Appears)>();
        foreach (var run in runs)
        {
            var tables = TableFiles(run);
            foreach (var at in run.Outputs)
            {
                foreach (var (statistic, row, column) in at.Output.Places)
                {
                    if (!entries.TryGetValue(statistic, out var entry))
                    {
                        entry = (list.Count + 1, []);
                        entries[statistic] = entry;
                        list.Add((statistic, entry.Id, entry.Appears));
                    }
                    var place = new JsonObject
                    {
                        ["page"] = run.Executed.Name,
                        ["cell"] = at.Cell + 1,
                        ["output"] = OutputKind(at.Output),
                    };
                    if (tables.TryGetValue((at.Cell, at.Index), out var file))
                        place["table"] = $"data/{run.Executed.Name}/{file}";
                    if (row is not null)
                        place["row"] = row;
                    if (column is not null)
                        place["column"] = column;
                    if (!entry.Appears.Any(a => JsonNode.DeepEquals(a, place)))
                        entry.Appears.Add(place);
                }
            }
        }
        int t = release.Options.Threshold;
        var statistics = new JsonArray();
        foreach (var (statistic, id, appears) in list)
        {
            var state = release.StateOf(statistic);
            var item = new JsonObject
            {
                ["id"] = id,
                ["kind"] = statistic.Kind == StatisticKind.Callers ? "callers" : "contacts",
                ["definition"] = Definition(statistic.Definition),
                ["sensitive"] = statistic.Definition.IsSensitive || statistic.Kind == StatisticKind.Callers,
                ["published"] = statistic.IsPublished,
                ["state"] = state switch { CellState.Small => "small", CellState.Secondary => "secondary", CellState.TooFew => "too_few", _ => "shown" },
                ["label"] = release.Text(statistic),
                ["shown"] = state == CellState.Shown ? statistic.Value : null,
                // What the label claims of the withheld count: the attacker's range must be at least as wide.
                ["claim"] = state switch
                {
                    CellState.Small => string.Create(c, $"every value from 1 to {t}"),
                    // A count from 1 to T is always marked ≤T: an x is 0 or above T, and what it claims counts only those.
                    CellState.Secondary => string.Create(c, $"at least {t + 1} values it can be by linear reasoning (0, or {t + 1} and more: a count from 1 to {t} is marked ≤{t})"),
                    CellState.TooFew => string.Create(c, $"no range; only that it is never narrowed to part of 1..{t}: 0 or more than {t} stays possible, or every value from 1 to {t}"),
                    _ => "shown exactly",
                },
                ["appears"] = appears,
            };
            statistics.Add(item);
        }
        var root = new JsonObject
        {
            ["format"] = "helpline-release/1",
            ["threshold"] = t,
            ["disclosure_control"] = release.Options.Enabled,
            ["marks"] = new JsonObject { ["small"] = $"≤{t}", ["secondary"] = "x", ["too_few"] = ".." },
            ["known"] = "Contacts per month, channel and outcome are not sensitive: pages may show them exactly, and the gate reckons an attacker knows them all.",
            ["axes"] = new JsonObject
            {
                ["channel"] = Codes(Enum.GetValues<Channel>().Select(v => v.Code())),
                ["outcome"] = Codes(Enum.GetValues<Outcome>().Select(v => v.Code())),
                ["requester"] = Codes(Enum.GetValues<Requester>().Select(v => v.Code())),
                ["gender"] = Codes(Enum.GetValues<Gender>().Select(v => v.Code())),
                ["age_band"] = Codes(Enum.GetValues<AgeBand>().Select(v => v.Code())),
                ["referral"] = Codes(Enum.GetValues<Referral>().Select(v => v.Code())),
                ["caller"] = Codes(["new", "known", "no key"]),
                ["weekday"] = Codes(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
                ["hour"] = Codes(Enumerable.Range(0, 24).Select(h => h.ToString(c))),
            },
            ["gate"] = new JsonObject
            {
                ["statistics"] = report.Statistics,
                ["sensitive"] = report.Sensitive,
                ["small"] = report.Small,
                ["secondary"] = report.Secondary,
                ["too_few"] = report.TooFew,
                ["groups"] = report.Atoms,
                ["linear_programs"] = report.LinearPrograms,
                ["integer_programs"] = report.IntegerPrograms,
            },
            ["statistics"] = statistics,
        };
        return root.ToJsonString(Indented) + "\n";
    }

    private static JsonObject Definition(Definition d)
    {
        var json = new JsonObject();
        if (d.From is { } from)
            json["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (d.To is { } to)
            json["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (axis, values) in d.Axes())
            json[axis] = Codes(values);
        return json;
    }

    private static JsonArray Codes(IEnumerable<string> codes) => new([.. codes.Select(v => JsonValue.Create(v))]);

    private static string OutputKind(IPageOutput output) => output switch
    {
        Figure => "chart",
        Prose => "sentence",
        _ => "table",
    };

    /// <summary>The CSV download of each output that has one, numbered as the site writer numbers them.</summary>
    private static Dictionary<(int Cell, int Index), string> TableFiles(NotebookRun run)
    {
        var files = new Dictionary<(int, int), string>();
        int tables = 0;
        for (int i = 0; i < run.Executed.Cells.Count; i++)
        {
            int index = 0;
            foreach (var output in run.Executed.Cells[i].Outputs)
            {
                if (output["data"]?["text/csv"] is JsonValue csv && ((string?)csv)?.Length > 0)
                    files[(i, index)] = $"table-{++tables}.csv";
                index++;
            }
        }
        return files;
    }

    /// <summary>One statistic per definition of a register, however many tables show it.</summary>
    private sealed class SameStatistic : IEqualityComparer<Statistic>
    {
        public bool Equals(Statistic? x, Statistic? y) => x is not null && y is not null && x.Key.Equals(y.Key);

        public int GetHashCode(Statistic obj) => obj.Key.GetHashCode();
    }
}
