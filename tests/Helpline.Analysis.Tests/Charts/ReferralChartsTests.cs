namespace Helpline.Analysis.Tests.Charts;

public class ReferralChartsTests
{
    [Fact]
    public void Referrals_stack_per_destination_and_mark_withheld_cells_with_a_grey_trace()
    {
        var table = Helpline.Analysis.Disclosure.Protect(ReferralTables.PerYearByDestination(Shipped.Register.In(Period.Answer232)), DisclosureOptions.Default);
        var figure = new Figure(ReferralCharts.PerYearByDestination(table));
        Assert.Contains("Specialised centre (CAW, CGG, UFC)", figure.Names);
        var withheld = figure.Trace("withheld (≤ threshold, or x)");
        Assert.Equal(Figure.Rgba(Theme.Suppressed), Figure.Colour(withheld));
        Assert.Equal(table.States.Cast<CellState>().Count(s => s != CellState.Shown), withheld["x"]!.AsArray().Count);
        int shownTotal = figure.Traces.Where(t => (string?)t!["type"] == "bar").Sum(t => t!["y"]!.AsArray().Sum(v => (int)v!));
        Assert.True(shownTotal < 195, "withheld counts must not be drawn");
    }
}
