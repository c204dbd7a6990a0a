using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>
/// Attacks on the published site by someone who holds only its files: subtracting shown cells from totals, adding
/// what other pages say, multiplying shares by totals, reading the sentences. Each attack recovered a small count
/// before the release gate existed.
/// </summary>
[Collection(nameof(ShippedSite))]
public class SiteAttackTests(PublishedSite shipped)
{
    private const int Threshold = 5;

    private static readonly HashSet<string> SensitiveKeys = new(StringComparer.Ordinal)
    {
        "requester", "gender", "age_band", "referral", "weekday", "hour", "caller",
    };

    private static readonly HashSet<string> SensitiveCodes = new(StringComparer.Ordinal)
    {
        "self", "close_environment", "wider_environment", "professional", "male", "female", "<18", "18-25", "26-35",
        "36-45", "46-55", "56-65", "65+", "specialised_centre", "private_therapist", "victim_support",
        "relationship_therapy", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    [Fact]
    public void On_the_shipped_site_totals_minus_shown_cells_pin_no_withheld_cell_of_any_download() =>
        AssertNoBreach(TableBreaches(new SiteFiles(shipped.First)));

    [Fact]
    public void On_the_shipped_site_no_download_of_a_sensitive_breakdown_shows_a_count_from_1_to_the_threshold() =>
        AssertNoBreach(SmallSensitiveCounts(new SiteFiles(shipped.First)));

    [Fact]
    public void On_the_shipped_site_shares_of_a_sensitive_breakdown_are_whole_percent()
    {
        var files = new SiteFiles(shipped.First);
        var breaches = new List<string>();
        foreach (var page in PublishedSite.Notebooks)
        {
            foreach (var figure in files.Charts(page).Where(f => SiteFiles.Title(f).Contains("help request", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var trace in figure["data"]!.AsArray())
                {
                    foreach (var value in Numbers(trace!["y"]).Concat(Numbers(trace["x"])))
                    {
                        if (value != Math.Round(value))
                            breaches.Add($"{page}: '{SiteFiles.Title(figure)}' draws a share of {value.ToString(CultureInfo.InvariantCulture)}");
                    }
                }
            }
        }
        AssertNoBreach(breaches.Distinct().Take(5).ToList());
    }

    [Fact]
    public void On_the_shipped_site_the_heat_maps_with_their_period_totals_pin_no_withheld_cell() =>
        AssertNoBreach(HeatmapBreaches(new SiteFiles(shipped.First)));

    /// <summary>Every interval attack on every download, with the site's own sums (row and column totals).</summary>
    internal static List<string> TableBreaches(SiteFiles files, Func<string, string, IntervalAttack, Dictionary<(string Row, string Column), int>, bool>? addKnowledge = null)
    {
        var breaches = new List<string>();
        foreach (var (page, file, header, rows) in files.Tables())
        {
            var attack = new IntervalAttack(Threshold);
            var cells = new Dictionary<(string Row, string Column), int>();
            var countColumns = Enumerable.Range(1, header.Length - 1)
                .Where(j => !header[j].Contains("share", StringComparison.Ordinal) && rows.All(r => j < r.Length && IsCountOrMark(r[j]))).ToList();
            if (countColumns.Count == 0)
                continue;
            foreach (var row in rows)
            {
                foreach (var j in countColumns)
                    cells[(row[0], header[j])] = attack.Cell(row[j], $"{page}/{file} {row[0]}/{header[j]}");
            }
            bool totalColumn = header.Contains("total"), totalRow = rows.Any(r => r[0] == "total");
            if (totalColumn)
            {
                foreach (var row in rows)
                    attack.Sum(countColumns.Where(j => header[j] != "total").Select(j => cells[(row[0], header[j])]), cells[(row[0], "total")]);
            }
            if (totalRow)
            {
                foreach (var j in countColumns)
                    attack.Sum(rows.Where(r => r[0] != "total").Select(r => cells[(r[0], header[j])]), cells[("total", header[j])]);
            }
            bool added = addKnowledge?.Invoke(page, file, attack, cells) ?? false;
            if (totalColumn || totalRow || added)
                breaches.AddRange(attack.Breaches());
        }
        return breaches;
    }

    internal static List<string> SmallSensitiveCounts(SiteFiles files)
    {
        var breaches = new List<string>();
        foreach (var (page, file, header, rows) in files.Tables())
        {
            bool sensitive = SensitiveKeys.Contains(header[0]) || header.Any(SensitiveCodes.Contains);
            if (!sensitive)
                continue;
            for (int j = 1; j < header.Length; j++)
            {
                if (header[j].Contains("share", StringComparison.Ordinal) || header[j] is "label")
                    continue;
                // A row total over every category of a period (a year's answered contacts) is a count per month,
                // channel and outcome, which the answer itself published: not a count of a sensitive breakdown.
                if (header[j] == "total" && !SensitiveKeys.Contains(header[0]))
                    continue;
                foreach (var row in rows)
                {
                    if (j < row.Length && SiteFiles.Count(row[j]) is { } n && n >= 1 && n <= Threshold)
                        breaches.Add($"{page}/{file} shows {row[0]}/{header[j]} = {n}");
                }
            }
        }
        return breaches;
    }

    /// <summary>A heat map's cells add up to the matching total of the unanswered page's totals table.</summary>
    internal static List<string> HeatmapBreaches(SiteFiles files)
    {
        var (header, rows) = files.Table("04-unanswered", "table-1.csv");
        var breaches = new List<string>();
        foreach (var figure in files.Charts("04-unanswered").Where(f => SiteFiles.Title(f).Contains("closed-hour contacts arrive", StringComparison.Ordinal)))
        {
            var channel = SiteFiles.Title(figure).StartsWith("Chat", StringComparison.Ordinal) ? "chat" : "phone";
            var total = rows.Single(r => r[0] == channel && r[1] == "closed")[Array.IndexOf(header, "contacts")];
            var trace = figure["data"]!.AsArray().Single(t => t!["type"]!.GetValue<string>() == "heatmap")!;
            var attack = new IntervalAttack(Threshold);
            var parts = new List<int>();
            var z = trace["z"]!.AsArray();
            var text = trace["text"]?.AsArray();
            for (int i = 0; i < z.Count; i++)
            {
                for (int j = 0; j < z[i]!.AsArray().Count; j++)
                {
                    var value = z[i]![j];
                    var mark = text?[i]?[j]?.GetValue<string>() ?? "";
                    var shown = value is null ? (mark.Length > 0 ? mark : "x") : value.GetValue<double>().ToString(CultureInfo.InvariantCulture);
                    parts.Add(attack.Cell(shown, $"{channel} heat map cell {i},{j}"));
                }
            }
            attack.Sum(parts, attack.Cell(total, $"{channel} closed total"));
            breaches.AddRange(attack.Breaches());
        }
        return breaches;
    }

    internal static IEnumerable<double> Numbers(JsonNode? node) =>
        node is JsonArray array ? array.Where(v => v is JsonValue value && value.TryGetValue<double>(out _)).Select(v => v!.GetValue<double>()) : [];

    internal static bool IsCountOrMark(string cell)
    {
        cell = cell.Trim();
        return SiteFiles.Count(cell) is not null || cell is "x" or ".." || Regex.IsMatch(cell, @"^≤\d+$");
    }

    internal static void AssertNoBreach(List<string> breaches) =>
        Assert.True(breaches.Count == 0, $"{breaches.Count} small count(s) recovered:\n" + string.Join("\n", breaches.Take(12)));
}
