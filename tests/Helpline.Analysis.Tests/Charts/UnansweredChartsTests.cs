namespace Helpline.Analysis.Tests.Charts;

public class UnansweredChartsTests
{
    [Fact]
    public void Unanswered_per_month_stacks_busy_and_closed_in_their_colours()
    {
        var figure = new Figure(UnansweredCharts.PerMonth(UnansweredTables.PerMonth(Shipped.Register.In(Period.Answer232Phone), Channel.Phone), Channel.Phone));
        Assert.Equal(["Busy (bezet)", "Closed (buiten openingsuren)"], figure.Names);
        Assert.Equal(164, figure.Trace("Busy (bezet)")["y"]!.AsArray().Sum(v => (int)v!));
        Assert.Equal(Figure.Rgba(Theme.ColourOf(Outcome.Closed)), Figure.Colour(figure.Trace("Closed (buiten openingsuren)")));
    }

    [Fact]
    public void The_heat_map_draws_withheld_cells_as_gaps_labelled_not_as_zero_and_outlines_the_opening_hours()
    {
        var table = Helpline.Analysis.Disclosure.Protect(UnansweredTables.ClosedByWeekdayAndHour(Shipped.Register, Channel.Phone, Period.Answer232Phone), DisclosureOptions.Default);
        var figure = new Figure(UnansweredCharts.ClosedHeatmap(table, Shipped.Hours, Channel.Phone, new DateOnly(2020, 11, 30)));
        var trace = figure.Traces.Single()!;
        var z = trace["z"]!.AsArray();
        var text = trace["text"]!.AsArray();
        int withheld = 0;
        for (int i = 0; i < 7; i++)
        {
            for (int j = 0; j < 24; j++)
            {
                if (table.States[i, j] == CellState.Shown)
                    continue;
                withheld++;
                Assert.Null(z[i]![j]);
                Assert.NotEqual("", (string?)text[i]![j]);
            }
        }
        Assert.True(withheld > 0);
        Assert.Equal(3, figure.Json["layout"]!["shapes"]!.AsArray().Count);
        Assert.Equal(Theme.Suppressed, (string?)figure.Json["layout"]!["plot_bgcolor"]);
    }
}
