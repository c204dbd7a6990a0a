using Helpline.Analysis;
using nietras.SeparatedValues;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>The shipped site's release ledger, replayed through an outsider's linear programs (<see cref="LedgerReplay"/>).</summary>
[Collection(nameof(ShippedSite))]
public class LedgerReplayTests(PublishedSite shipped)
{
    [Fact]
    public void No_withheld_statistic_of_the_shipped_site_is_narrowed_by_linear_or_integer_programs_over_its_whole_ledger()
    {
        Assert.True(shipped.Exit == 0, shipped.Log);
        var (exit, output) = LedgerReplay.Attack(
            Path.Combine(shipped.First, "release.json"), LedgerReplay.WriteBaseCube(DataPaths.Default.Register, Cli.TempFolder()), publishedShares: true);
        Assert.True(exit == 0, output);
        // The register is calibrated to the press's shares (18% of 2022's contacts referred, ...): the attacker used them.
        Assert.DoesNotContain(" 0 counts bounded by published shares", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_place_of_the_ledger_names_one_row_and_a_column_of_its_download()
    {
        Assert.True(shipped.Exit == 0, shipped.Log);
        using var ledger = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(shipped.First, "release.json")));
        var downloads = new Dictionary<string, (Dictionary<string, int> Rows, HashSet<string> Columns)>(StringComparer.Ordinal);
        var nowhere = new List<string>();
        int places = 0;
        foreach (var statistic in ledger.RootElement.GetProperty("statistics").EnumerateArray())
        {
            foreach (var place in statistic.GetProperty("appears").EnumerateArray())
            {
                if (!place.TryGetProperty("table", out var table))
                    continue;
                if (!downloads.TryGetValue(table.GetString()!, out var download))
                    downloads[table.GetString()!] = download = Download(Path.Combine(shipped.First, table.GetString()!));
                places++;
                // A row is named by its label cells (one to three of them, as "phone closed"), and names one row only: a
                // table with a total row or column shows it, and a share table none.
                if (place.TryGetProperty("row", out var row) && row.ValueKind == System.Text.Json.JsonValueKind.String && download.Rows.GetValueOrDefault(row.GetString()!) != 1
                    || place.TryGetProperty("column", out var column) && column.ValueKind == System.Text.Json.JsonValueKind.String && !download.Columns.Contains(column.GetString()!))
                    nowhere.Add($"#{statistic.GetProperty("id")} at {place}");
            }
        }
        Assert.True(places > 500, $"{places} table places");
        Assert.True(nowhere.Count == 0, string.Join("\n", nowhere.Take(20)));
    }

    /// <summary>A download's columns, and how many of its rows each run of leading cells (joined by a space) names.</summary>
    private static (Dictionary<string, int> Rows, HashSet<string> Columns) Download(string path)
    {
        using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true }).FromFile(path);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        HashSet<string>? columns = null;
        foreach (var line in reader)
        {
            var cells = new List<string>();
            for (int i = 0; i < line.ColCount; i++)
                cells.Add(line[i].ToString());
            if (columns is null)
            {
                columns = [.. cells];
                continue;
            }
            for (int n = 1; n <= Math.Min(3, cells.Count); n++)
                rows[string.Join(' ', cells.Take(n))] = rows.GetValueOrDefault(string.Join(' ', cells.Take(n))) + 1;
        }
        return (rows, columns ?? []);
    }
}

/// <summary>The ledger of a site built from the 37-contact register, where nearly every cell is small.</summary>
[Collection(nameof(SmallRegister))]
public class SmallRegisterLedgerReplayTests(SmallRegisterSite site)
{
    [Fact]
    public void No_withheld_statistic_of_the_37_contact_site_is_narrowed_by_linear_or_integer_programs_over_its_whole_ledger()
    {
        Assert.True(site.Exit == 0, site.Log);
        var (exit, output) = LedgerReplay.Attack(
            Path.Combine(site.Folder, "release.json"), LedgerReplay.WriteBaseCube(site.Register, Cli.TempFolder()));
        Assert.True(exit == 0, output);
    }
}

/// <summary>
/// Random registers that follow the data contract, each published and its ledger replayed. Seeds 21 and 96 by default;
/// <c>HELPLINE_LEDGER_CASES=500</c> runs seeds 1 to 500, <c>HELPLINE_LEDGER_SEED=21</c> seed 21 alone.
/// </summary>
public class RandomRegisterLedgerReplayTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        if (int.TryParse(Environment.GetEnvironmentVariable("HELPLINE_LEDGER_SEED"), out var one) && one > 0)
        {
            seeds.Add(one);
            return seeds;
        }
        if (int.TryParse(Environment.GetEnvironmentVariable("HELPLINE_LEDGER_CASES"), out var n) && n > 0)
        {
            for (int seed = 1; seed <= n; seed++)
                seeds.Add(seed);
            return seeds;
        }
        // Seed 21: four ≤5 cells that whole numbers, reading every x as 0 or above 5, once narrowed to 1..3. Seed 96: an
        // x of 0 callers over 1 contact without a caller key, which the gate once read as 0 contacts, and then failed.
        seeds.Add(21);
        seeds.Add(96);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_withheld_statistic_of_a_site_built_from_a_random_register_is_narrowed_by_linear_or_integer_programs(int seed)
    {
        var folder = Cli.TempFolder();
        var register = Path.Combine(folder, $"register-{seed}.csv");
        RandomRegister.Write(seed, register);
        var output = Path.Combine(folder, "site");
        // Documents are drawn from the released pages and add no statistic to the ledger: left out, they would double each case.
        var (publish, _, log) = Cli.Run("publish", "--param", $"register={register}", "--output", output, "--no-documents");
        Assert.True(publish == 0, $"seed {seed}: {log}");
        var (exit, attack) = LedgerReplay.Attack(Path.Combine(output, "release.json"), LedgerReplay.WriteBaseCube(register, folder));
        Assert.True(exit == 0, $"seed {seed} ({register}): {attack}");
    }

    [Fact]
    public void The_same_seed_writes_the_same_register()
    {
        var folder = Cli.TempFolder();
        RandomRegister.Write(7, Path.Combine(folder, "a.csv"));
        RandomRegister.Write(7, Path.Combine(folder, "b.csv"));
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "a.csv")), File.ReadAllText(Path.Combine(folder, "b.csv")));
    }

    [Fact]
    public void A_random_register_loads_without_a_rejected_row_or_a_contact_outside_opening_hours()
    {
        var folder = Cli.TempFolder();
        var register = Path.Combine(folder, "register.csv");
        RandomRegister.Write(3, register);
        var (exit, stdout, stderr) = Cli.Run("validate", register);
        Assert.True(exit == 0, stderr);
        var rows = File.ReadAllLines(register).Length - 1;
        Assert.True(rows is >= 20 and <= 300, $"{rows} rows");
        Assert.True(RegisterCsv.Load(register).Contacts.Count == rows, stdout + stderr);
    }
}

/// <summary>The attacker itself: it must be able to fail.</summary>
public class LedgerReplayAttackerSelfTests
{
    // January 2020: 30 answered e-mails (the base cube), 10 of them about the person's own feelings (shown); close
    // environment is small; professional and unknown are shown as 0; each case below shows or withholds wider
    // environment and other.
    private const string Release = """
        {
          "threshold": 5,
          "axes": {
            "channel": ["phone", "chat", "email"], "outcome": ["answered", "busy", "closed"],
            "requester": ["self", "close_environment", "wider_environment", "professional", "other", "unknown"]
          },
          "statistics": [
            {"id": 1, "kind": "contacts", "definition": {"from": "2020-01-01", "to": "2020-01-31", "outcome": ["answered"]},
             "sensitive": false, "published": false, "state": "shown", "shown": 30, "appears": [{"page": "p", "row": "total"}]},
            {"id": 2, "kind": "contacts", "definition": {"from": "2020-01-01", "to": "2020-01-31", "outcome": ["answered"], "requester": ["self"]},
             "sensitive": true, "published": false, "state": "shown", "shown": SELF_SHOWN, "appears": [{"page": "p", "row": "self"}]},
            {"id": 3, "kind": "contacts", "definition": {"from": "2020-01-01", "to": "2020-01-31", "outcome": ["answered"], "requester": ["close_environment"]},
             "sensitive": true, "published": false, "state": "small", "shown": null, "appears": [{"page": "p", "row": "close_environment"}]},
            {"id": 4, "kind": "contacts", "definition": {"from": "2020-01-01", "to": "2020-01-31", "outcome": ["answered"], "requester": ["wider_environment"]},
             "sensitive": true, "published": false, "state": "WIDER_STATE", "shown": WIDER_SHOWN, "appears": [{"page": "p", "row": "wider_environment"}]},
            {"id": 5, "kind": "contacts", "definition": {"from": "2020-01-01", "to": "2020-01-31", "outcome": ["answered"], "requester": ["professional"]},
             "sensitive": true, "published": false, "state": "shown", "shown": 0, "appears": [{"page": "p", "row": "professional"}]},
            {"id": 6, "kind": "contacts", "definition": {"from": "2020-01-01", "to": "2020-01-31", "outcome": ["answered"], "requester": ["other"]},
             "sensitive": true, "published": false, "state": "OTHER_STATE", "shown": OTHER_SHOWN, "appears": [{"page": "p", "row": "other"}]},
            {"id": 7, "kind": "contacts", "definition": {"from": "2020-01-01", "to": "2020-01-31", "outcome": ["answered"], "requester": ["unknown"]},
             "sensitive": true, "published": false, "state": "shown", "shown": 0, "appears": [{"page": "p", "row": "unknown"}]}
          ]
        }
        """;

    private const string BaseCube = """{"months": {"2020-01": {"phone": {"answered": 0, "busy": 0, "closed": 0}, "chat": {"answered": 0, "busy": 0, "closed": 0}, "email": {"answered": 30, "busy": 0, "closed": 0}}}}""";

    [Fact]
    public void A_small_cell_pinned_by_the_total_minus_the_shown_cells_is_a_breach_naming_that_cell()
    {
        // 30 - 10 (self) - 17 (wider environment) - 0 - 0 - 0: close environment is 3, whatever its label says.
        var (exit, output) = Replay(wider: ("shown", "17"), other: ("shown", "0"));
        Assert.True(exit == 1, output);
        Assert.Contains("breach: #3 small", output, StringComparison.Ordinal);
        Assert.Contains("lies in 3..3", output, StringComparison.Ordinal);
        Assert.Contains("binding: #2 = 10; #4 = 17; #5 = 0; #6 = 0; #7 = 0; the base cube", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_cell_beside_one_withheld_cell_that_cannot_reach_the_threshold_is_a_breach_as_is_that_cell()
    {
        // Close environment and other share 3: the small cell lies in 1..3, the other cell in 0..2.
        var (exit, output) = Replay(wider: ("shown", "17"), other: ("secondary", "null"));
        Assert.True(exit == 1, output);
        Assert.Contains("breach: #3 small", output, StringComparison.Ordinal);
        Assert.Contains("lies in 1..3", output, StringComparison.Ordinal);
        Assert.Contains("breach: #6 secondary", output, StringComparison.Ordinal);
        Assert.Contains("lies in 0..2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_withheld_cells_beside_the_small_one_protect_it_and_the_attack_exits_0()
    {
        var (exit, output) = Replay(wider: ("secondary", "null"), other: ("secondary", "null"));
        Assert.True(exit == 0, output);
        Assert.StartsWith("ledger attack: 7 statistics, 3 withheld, ", output, StringComparison.Ordinal);
        Assert.Contains(" 0 breaches (", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_x_left_only_0_or_6_to_9_is_a_breach_because_a_count_from_1_to_5_is_always_marked_small()
    {
        // 30 - 20 (self) - close environment (1..5): wider environment and other share 5 to 9. Each lies in 0..9, ten
        // values by width; but an x is never 1 to 5 (that is marked ≤5), so each is 0 or 6..9: five values, not six.
        // Linear programs only: in whole numbers close environment falls to 1..4 as well (the pair can make 6 to 9 only).
        var (exit, output) = Replay(wider: ("secondary", "null"), other: ("secondary", "null"), self: "20", integer: false);
        Assert.True(exit == 1, output);
        Assert.Contains("breach: #4 secondary", output, StringComparison.Ordinal);
        Assert.Contains("breach: #6 secondary", output, StringComparison.Ordinal);
        Assert.Contains("lies in 0..9", output, StringComparison.Ordinal);
        Assert.DoesNotContain("breach: #3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_cell_that_whole_numbers_and_the_marks_pin_is_a_breach_the_linear_programs_alone_miss()
    {
        // 30 - 23 (self): close environment (1..5), wider environment and other (each 0 or 6 and more) share 7. Two x
        // cells can only make 0, 6, 12, ...: they make 6, and close environment is 1. The linear programs leave it 1..5.
        var (exit, output) = Replay(wider: ("secondary", "null"), other: ("secondary", "null"), self: "23");
        Assert.True(exit == 1, output);
        Assert.Contains("breach: #3 small (integer)", output, StringComparison.Ordinal);
        Assert.Contains("lies in 1..1 in whole numbers", output, StringComparison.Ordinal);
        Assert.DoesNotContain("breach: #3 small (every", output, StringComparison.Ordinal);
        Assert.Contains(" integer programs (", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) Replay((string State, string Shown) wider, (string State, string Shown) other, string self = "10", bool integer = true)
    {
        var folder = Cli.TempFolder();
        var release = Path.Combine(folder, "release.json");
        var cube = Path.Combine(folder, "base-cube.json");
        File.WriteAllText(release, Release.Replace("SELF_SHOWN", self, StringComparison.Ordinal)
            .Replace("WIDER_STATE", wider.State, StringComparison.Ordinal).Replace("WIDER_SHOWN", wider.Shown, StringComparison.Ordinal)
            .Replace("OTHER_STATE", other.State, StringComparison.Ordinal).Replace("OTHER_SHOWN", other.Shown, StringComparison.Ordinal));
        File.WriteAllText(cube, BaseCube);
        return LedgerReplay.Attack(release, cube, integer: integer);
    }
}
