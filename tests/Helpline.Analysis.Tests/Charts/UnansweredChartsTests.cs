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
    public void A_withheld_month_of_busy_calls_is_no_bar_and_no_trace_draws_its_value()
    {
        var table = UnansweredTables.PerMonth(Shipped.Register.In(Period.Answer232Phone), Channel.Phone);
        var months = table.RowKeys.ToList();
        // A month with busy calls whose count differs from its closed calls: both withheld, as the line rule would.
        int month = Enumerable.Range(0, months.Count).First(i => table[i, 0].Value > 0 && table[i, 0].Value != table[i, 1].Value);
        var (busy, closed) = (table[month, 0], table[month, 1]);
        var chart = UnansweredCharts.PerMonth(table, Channel.Phone);
        var figure = new FigureJson(chart, Releases.Withholding([chart], (busy, CellState.Small), (closed, CellState.Secondary)));

        Assert.Null(FigureJson.Numbers(figure.Trace("Busy (bezet)"), "y")[month]);
        Assert.Null(FigureJson.Numbers(figure.Trace("Closed (buiten openingsuren)"), "y")[month]);
        Assert.Equal(164 - busy.Value, FigureJson.Numbers(figure.Trace("Busy (bezet)"), "y").Sum());
        var drawn = figure.Traces.SelectMany(t => FigureJson.Numbers(t!, "y").Where((_, i) => i == month)).ToList();
        Assert.DoesNotContain((double?)busy.Value, drawn);
        Assert.DoesNotContain((double?)closed.Value, drawn);
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
