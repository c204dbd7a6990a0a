namespace Helpline.Analysis.Tests.Charts;

public class ReferralChartsTests
{
    private static CountTable PerYear() => ReferralTables.PerYearByDestination(Shipped.Register.In(Period.Answer232));

    /// <summary>The bar heights of each destination, year by year (null: no bar).</summary>
    private static List<IReadOnlyList<double?>> Destinations(FigureJson figure) =>
        [.. figure.Traces.Where(t => (string?)t!["name"] != Withheld.Name).Select(t => FigureJson.Numbers(t!, "y"))];

    [Fact]
    public void Referrals_stack_per_destination_and_mark_withheld_cells_with_a_grey_trace()
    {
        var table = PerYear();
        var chart = ReferralCharts.PerYearByDestination(table);
        var release = Releases.Decided(chart);
        var figure = new FigureJson(chart, release);
        Assert.Contains("Specialised centre (CAW, CGG, UFC)", figure.Names);
        var withheld = figure.Trace(Withheld.Name);
        Assert.Equal(Theme.Suppressed, (string?)withheld["marker"]!["color"]);
        // One grey segment for each year that withholds a count and shows its total.
        var rest = FigureJson.Numbers(withheld, "y");
        for (int i = 0; i < table.RowKeys.Count; i++)
        {
            bool withholds = Enumerable.Range(0, table.ColumnKeys.Count).Any(j => !release.IsShown(table[i, j].Statistic));
            Assert.Equal(withholds && release.IsShown(table[i, -1].Statistic), rest[i] is not null);
        }
        Assert.Contains(rest, r => r is not null);
        // A withheld count is no bar; a shown one is its count.
        var destinations = Destinations(figure);
        for (int j = 0; j < table.ColumnKeys.Count; j++)
        {
            for (int i = 0; i < table.RowKeys.Count; i++)
                Assert.Equal(release.IsShown(table[i, j].Statistic) ? table[i, j].Value : null, (int?)destinations[j][i]);
        }
        int shownTotal = (int)destinations.Sum(y => y.Sum() ?? 0);
        Assert.True(shownTotal < 195, "withheld counts must not be drawn");
    }

    [Fact]
    public void Every_referral_is_a_bar_when_everything_is_shown()
    {
        var table = PerYear();
        var chart = ReferralCharts.PerYearByDestination(table);
        var figure = new FigureJson(chart, Releases.ShowingAll(chart));
        Assert.DoesNotContain(Withheld.Name, figure.Names);
        Assert.Equal(table.ColumnKeys.Count, figure.Traces.Count);
        Assert.Equal(195, (int)Destinations(figure).Sum(y => y.Sum() ?? 0));
    }

    [Fact]
    public void Two_withheld_destinations_of_a_year_are_one_grey_segment_and_their_values_are_nowhere_in_the_chart()
    {
        var table = PerYear();
        var chart = ReferralCharts.PerYearByDestination(table);
        var (first, second) = FigureJson.TwoTelltaleCounts(table, new FigureJson(chart, Releases.ShowingAll(chart)));
        var figure = new FigureJson(chart, Releases.Withholding([chart], (first, CellState.Small), (second, CellState.Secondary)));
        Assert.Equal((0, 0), (figure.Occurrences(first.Value), figure.Occurrences(second.Value)));

        int year = table.RowKeys.ToList().IndexOf(first.RowKey);
        var destinations = Destinations(figure);
        Assert.Null(destinations[table.ColumnKeys.ToList().IndexOf(first.ColumnKey)][year]);
        Assert.Null(destinations[table.ColumnKeys.ToList().IndexOf(second.ColumnKey)][year]);
        // The grey segment is both together (what the year's shown total says), never either one alone.
        var rest = FigureJson.Numbers(figure.Trace(Withheld.Name), "y");
        Assert.Equal(first.Value + second.Value, rest[year]);
        Assert.All(rest.Where((_, i) => i != year), r => Assert.Null(r));
        Assert.Equal(table[year, -1].Value, figure.Traces.Sum(t => FigureJson.Numbers(t!, "y")[year] ?? 0));
    }
}
