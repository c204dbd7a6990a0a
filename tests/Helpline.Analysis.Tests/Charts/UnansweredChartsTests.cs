namespace Helpline.Analysis.Tests.Charts;

public class UnansweredChartsTests
{
    private static Figure Heatmap(CountTable table) => UnansweredCharts.ClosedHeatmap(table, Shipped.Hours, Channel.Phone, new DateOnly(2020, 11, 30));

    [Fact]
    public void Unanswered_per_month_stacks_busy_and_closed_in_their_colours()
    {
        var chart = UnansweredCharts.PerMonth(UnansweredTables.PerMonth(Shipped.Register.In(Period.Answer232Phone), Channel.Phone), Channel.Phone);
        var figure = new FigureJson(chart, Releases.ShowingAll(chart));
        Assert.Equal(["Busy (bezet)", "Closed (buiten openingsuren)"], figure.Names);
        Assert.Equal(164, FigureJson.Numbers(figure.Trace("Busy (bezet)"), "y").Sum());
        Assert.Equal(FigureJson.Rgba(Theme.ColourOf(Outcome.Closed)), FigureJson.Colour(figure.Trace("Closed (buiten openingsuren)")));
    }

    [Fact]
    public void Withheld_busy_and_closed_counts_of_a_month_are_no_bars_and_their_values_are_nowhere_in_the_chart()
    {
        var table = UnansweredTables.PerMonth(Shipped.Register.In(Period.Answer232Phone), Channel.Phone);
        var chart = UnansweredCharts.PerMonth(table, Channel.Phone);
        var (busy, closed) = FigureJson.TwoTelltaleCounts(table, new FigureJson(chart, Releases.ShowingAll(chart)));
        var figure = new FigureJson(chart, Releases.Withholding([chart], (busy, CellState.Small), (closed, CellState.Secondary)));
        Assert.Equal((0, 0), (figure.Occurrences(busy.Value), figure.Occurrences(closed.Value)));

        int month = table.RowKeys.ToList().IndexOf(busy.RowKey);
        Assert.Null(FigureJson.Numbers(figure.Trace("Busy (bezet)"), "y")[month]);
        Assert.Null(FigureJson.Numbers(figure.Trace("Closed (buiten openingsuren)"), "y")[month]);
        Assert.Equal(164 - busy.Value, FigureJson.Numbers(figure.Trace("Busy (bezet)"), "y").Sum());
        // This chart draws no grey rest for what is withheld (unlike the contacts and referrals charts): the month is shorter.
        Assert.Equal(["Busy (bezet)", "Closed (buiten openingsuren)"], figure.Names);
    }

    [Fact]
    public void The_heat_map_draws_withheld_cells_as_gaps_labelled_not_as_zero_and_outlines_the_opening_hours()
    {
        var table = UnansweredTables.ClosedByWeekdayAndHour(Shipped.Register, Channel.Phone, Period.Answer232Phone);
        var chart = Heatmap(table);
        var release = Releases.Decided(chart);
        var figure = new FigureJson(chart, release);
        var trace = figure.Traces.Single()!;
        var z = trace["z"]!.AsArray();
        var text = trace["text"]!.AsArray();
        int withheld = 0;
        for (int i = 0; i < 7; i++)
        {
            for (int j = 0; j < 24; j++)
            {
                if (release.IsShown(table[i, j].Statistic))
                {
                    Assert.Equal(table[i, j].Value, (int)z[i]![j]!);
                    continue;
                }
                withheld++;
                Assert.Null(z[i]![j]);
                Assert.Equal(release.Mark(release.StateOf(table[i, j].Statistic)), (string?)text[i]![j]);
                Assert.NotEqual("", (string?)text[i]![j]);
            }
        }
        Assert.True(withheld > 0);
        Assert.Equal(3, figure.Json["layout"]!["shapes"]!.AsArray().Count);
        Assert.Equal(Theme.Suppressed, (string?)figure.Json["layout"]!["plot_bgcolor"]);
        // A withheld cell's mark sits on the grey background: no gridline may cross it.
        Assert.False((bool)figure.Json["layout"]!["xaxis"]!["showgrid"]!);
        Assert.False((bool)figure.Json["layout"]!["yaxis"]!["showgrid"]!);
    }

    [Fact]
    public void The_heat_map_lists_as_shown_only_the_cells_it_draws_and_no_total_of_its_table()
    {
        var table = UnansweredTables.ClosedByWeekdayAndHour(Shipped.Register, Channel.Phone, Period.Answer232Phone);
        var output = (IPageOutput)Heatmap(table);
        var listed = output.Places.Select(p => (p.Row, p.Column)).ToList();
        Assert.Equal(7 * 24, listed.Count);
        Assert.DoesNotContain(listed, p => p.Row == "total" || p.Column == "total");
        Assert.Equal(table.RowKeys.SelectMany(r => table.ColumnKeys.Select(c => ((string?)r, (string?)c))), listed);
        Assert.Equal(output.Places.Select(p => p.Statistic), output.Statistics);
        Assert.DoesNotContain(table.Total.Statistic, output.Statistics);
        // No table of it is listed either: the line rule guards a shown total, and this figure shows none.
        Assert.Empty(output.Tables);
    }

    [Fact]
    public void A_withheld_cell_of_the_heat_map_is_a_labelled_gap_and_its_value_is_nowhere_in_the_chart()
    {
        var table = UnansweredTables.ClosedByWeekdayAndHour(Shipped.Register, Channel.Phone, Period.Answer232Phone);
        var chart = Heatmap(table);
        var shown = new FigureJson(chart, Releases.ShowingAll(chart));
        var cell = table.Cells().Where(c => c.Row >= 0 && c.Column >= 0).Select(c => table[c.Row, c.Column])
            .First(t => t.Value > 0 && shown.Occurrences(t.Value) == 1);
        var figure = new FigureJson(chart, Releases.Withholding([chart], (cell, CellState.Small)));
        Assert.Equal(0, figure.Occurrences(cell.Value));
        var trace = figure.Traces.Single()!;
        int i = table.RowKeys.ToList().IndexOf(cell.RowKey), j = table.ColumnKeys.ToList().IndexOf(cell.ColumnKey);
        Assert.Null(trace["z"]![i]![j]);
        Assert.Equal("≤5", (string?)trace["text"]![i]![j]);
        Assert.False((bool)trace["hoverongaps"]!);
    }

    [Fact]
    public void Every_cell_of_the_heat_map_is_drawn_when_everything_is_shown()
    {
        var table = UnansweredTables.ClosedByWeekdayAndHour(Shipped.Register, Channel.Phone, Period.Answer232Phone);
        var chart = Heatmap(table);
        var trace = new FigureJson(chart, Releases.ShowingAll(chart)).Traces.Single()!;
        var z = trace["z"]!.AsArray();
        for (int i = 0; i < 7; i++)
        {
            for (int j = 0; j < 24; j++)
            {
                Assert.Equal(table[i, j].Value, (int)z[i]![j]!);
                Assert.Equal("", (string?)trace["text"]![i]![j]);
            }
        }
        Assert.Equal(1961, table.Total.Value);
    }
}
