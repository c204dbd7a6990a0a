using System.Globalization;
using System.Text.RegularExpressions;

namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>Publishes every notebook on a 37-contact register, where nearly every cell is small.</summary>
public sealed class SmallRegisterSite
{
    public SmallRegisterSite()
    {
        Register = Cli.Fixture("small-register.csv");
        Folder = Cli.TempFolder();
        (Exit, _, Log) = Cli.Run("publish", "--param", $"register={Register}", "--output", Folder);
    }

    public string Register { get; }

    public string Folder { get; }

    public int Exit { get; }

    public string Log { get; }
}

/// <summary>The attacks of <see cref="SiteAttackTests"/> on a site built from a tiny register, plus what other pages say.</summary>
[Collection(nameof(SmallRegister))]
public class SmallRegisterAttackTests(SmallRegisterSite site)
{
    private const int Threshold = 5;

    private SiteFiles Files => new(site.Folder);

    [Fact]
    public void Publishing_a_37_contact_register_succeeds() => Assert.True(site.Exit == 0, site.Log);

    [Fact]
    public void Totals_minus_shown_cells_pin_no_withheld_cell_of_any_download() =>
        SiteAttackTests.AssertNoBreach(SiteAttackTests.TableBreaches(Files));

    [Fact]
    public void No_download_of_a_sensitive_breakdown_shows_a_count_from_1_to_the_threshold() =>
        SiteAttackTests.AssertNoBreach(SiteAttackTests.SmallSensitiveCounts(Files));

    [Fact]
    public void The_yearly_totals_of_the_contacts_page_pin_no_withheld_cell_of_a_table_per_year()
    {
        var yearly = YearlyAnswered();
        var breaches = SiteAttackTests.TableBreaches(Files, (page, file, attack, cells) =>
        {
            bool added = false;
            foreach (var ((row, column), index) in cells.Where(c => c.Key.Column == "total" && yearly.ContainsKey(c.Key.Row)).ToList())
            {
                // A per-year table of answered contacts (by type of help request, gender, referral...): its row total is the year's.
                if (page is "02-help-requests" or "03-gender-and-age" && file == "table-2.csv")
                {
                    attack.Sum([index], attack.Known(yearly[row], $"{row} answered (01-contacts)"));
                    added = true;
                }
            }
            return added;
        });
        SiteAttackTests.AssertNoBreach(breaches);
    }

    [Fact]
    public void Shares_per_year_times_the_yearly_totals_give_no_small_count()
    {
        var yearly = YearlyAnswered();
        var breaches = new List<string>();
        foreach (var figure in Files.Charts("08-trends").Concat(Files.Charts("02-help-requests")))
        {
            if (!SiteFiles.Title(figure).Contains("help request", StringComparison.OrdinalIgnoreCase))
                continue;
            foreach (var trace in figure["data"]!.AsArray())
            {
                var xs = trace!["x"]?.AsArray().Select(x => x?.ToString() ?? "").ToList() ?? [];
                var ys = SiteAttackTests.Numbers(trace["y"]).ToList();
                for (int i = 0; i < Math.Min(xs.Count, ys.Count); i++)
                {
                    if (!yearly.TryGetValue(xs[i], out var total))
                        continue;
                    double recovered = ys[i] * total / 100;
                    long rounded = (long)Math.Round(recovered);
                    // The whole year (100%) is the year's total, public on the contacts page.
                    if (Math.Abs(recovered - rounded) < 0.05 && rounded >= 1 && rounded <= Threshold && rounded != total)
                        breaches.Add($"{SiteFiles.Title(figure)}: {trace["name"]} {xs[i]} = {ys[i].ToString(CultureInfo.InvariantCulture)}% of {total} = {rounded}");
                }
            }
        }
        SiteAttackTests.AssertNoBreach(breaches);
    }

    [Fact]
    public void No_sentence_or_reconciliation_row_gives_a_small_count_of_a_sensitive_group()
    {
        var breaches = new List<string>();
        foreach (var page in PublishedSite.Notebooks)
        {
            foreach (var sentence in Files.Prose(page))
            {
                foreach (Match m in Regex.Matches(sentence, @"\b(\d+) of them"))
                {
                    if (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and <= Threshold)
                        breaches.Add($"{page}: '{m.Value}' in \"{sentence}\"");
                }
            }
        }
        foreach (var (page, file, header, rows) in Files.Tables().Where(t => t.Header.Contains("computed")))
        {
            foreach (var row in rows.Where(r => r[0] is "a3.referrals_self"))
            {
                if (SiteFiles.Count(row[Array.IndexOf(header, "computed")]) is >= 1 and <= Threshold)
                    breaches.Add($"{page}/{file}: {row[0]} computed {row[Array.IndexOf(header, "computed")]}");
            }
        }
        SiteAttackTests.AssertNoBreach(breaches);
    }

    [Fact]
    public void The_completeness_table_pins_no_withheld_cell_of_the_gender_table()
    {
        var (header, rows) = Files.Table("03-gender-and-age", "table-1.csv");
        var recorded = rows.Where(r => r[0] != "total").ToDictionary(r => r[0], r => SiteFiles.Count(r[Array.IndexOf(header, "gender_recorded")]));
        var breaches = SiteAttackTests.TableBreaches(Files, (page, file, attack, cells) =>
        {
            if (page != "03-gender-and-age" || file != "table-2.csv")
                return false;
            foreach (var (year, known) in recorded)
            {
                if (known is { } n && cells.ContainsKey((year, "male")))
                    attack.Sum([cells[(year, "male")], cells[(year, "female")], cells[(year, "other")]], attack.Known(n, $"{year} gender recorded (completeness table)"));
            }
            return true;
        });
        SiteAttackTests.AssertNoBreach(breaches);
    }

    [Fact]
    public void The_heat_maps_with_their_period_totals_pin_no_withheld_cell() =>
        SiteAttackTests.AssertNoBreach(SiteAttackTests.HeatmapBreaches(Files));

    [Fact]
    public void No_page_executed_notebook_or_download_names_the_folder_of_the_export()
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(site.Register))!;
        foreach (var file in Directory.GetFiles(site.Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".js", StringComparison.Ordinal)))
            Assert.False(File.ReadAllText(file).Contains(folder, StringComparison.Ordinal), $"{Path.GetRelativePath(site.Folder, file)} names {folder}");
    }

    /// <summary>Answered contacts per year, as the contacts page shows them (not a sensitive breakdown: shown exactly).</summary>
    private Dictionary<string, long> YearlyAnswered()
    {
        var (header, rows) = Files.Table("01-contacts", "table-1.csv");
        int total = Array.IndexOf(header, "total");
        return rows.Where(r => r[0] != "total" && SiteFiles.Count(r[total]) is not null).ToDictionary(r => r[0], r => (long)SiteFiles.Count(r[total])!.Value);
    }
}
