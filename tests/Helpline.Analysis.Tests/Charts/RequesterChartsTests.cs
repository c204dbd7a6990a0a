namespace Helpline.Analysis.Tests.Charts;

public class RequesterChartsTests
{
    [Fact]
    public void Two_pies_sit_side_by_side_each_slice_in_its_requester_colour()
    {
        var whole = ContactTables.HelpRequests(Shipped.Register, Period.Answer232);
        var y2020 = ContactTables.HelpRequests(Shipped.Register, Period.Year(2020));
        var chart = RequesterCharts.PiesSideBySide(whole, "May 2017 - December 2020", y2020, "2020");
        var figure = new FigureJson(chart, Releases.Decided(chart));
        Assert.Equal(["pie", "pie"], figure.Traces.Select(t => (string?)t!["type"]));
        Assert.Equal(0.46, (double)figure.Traces[0]!["domain"]!["x"]![1]!);
        Assert.Equal(0.54, (double)figure.Traces[1]!["domain"]!["x"]![0]!);
        Assert.Equal([797, 361, 57, 120, 168], figure.Traces[0]!["values"]!.AsArray().Select(v => (int)v!));
        Assert.Equal(FigureJson.Rgba(Theme.ColourOf(Requester.Self)), (string?)figure.Traces[0]!["marker"]!["colors"]![0]);
    }

    [Fact]
    public void Withheld_counts_join_one_grey_slice_instead_of_disappearing()
    {
        var counts = ContactTables.HelpRequests(Shipped.Register.WithOptions(new DisclosureOptions { Threshold = 20 }), Period.Year(2020));
        var chart = RequesterCharts.PiesSideBySide(counts, "2020", counts, "2020");
        var figure = new FigureJson(chart, Releases.Decided(chart));
        var labels = figure.Traces[0]!["labels"]!.AsArray().Select(l => (string?)l).ToList();
        Assert.Equal("withheld (small counts)", labels[^1]);
        Assert.Equal(450, figure.Traces[0]!["values"]!.AsArray().Sum(v => (int)v!));
    }

    [Fact]
    public void Withheld_slices_are_not_drawn_and_their_values_are_nowhere_in_the_chart()
    {
        var counts = ContactTables.HelpRequests(Shipped.Register, Period.Year(2020));
        var chart = RequesterCharts.PiesSideBySide(counts, "2020", counts, "2020");
        var shown = new FigureJson(chart, Releases.ShowingAll(chart));
        // Both pies show the same counts: each value is written twice, once a pie.
        var telltale = counts.Rows.Where(t => t.Value > 0 && shown.Occurrences(t.Value) == 2).Take(2).ToList();
        Assert.Equal(2, telltale.Count);
        var figure = new FigureJson(chart, Releases.Withholding([chart], (telltale[0], CellState.Small), (telltale[1], CellState.Secondary)));
        Assert.Equal((0, 0), (figure.Occurrences(telltale[0].Value), figure.Occurrences(telltale[1].Value)));

        var pie = figure.Traces[0]!;
        var labels = pie["labels"]!.AsArray().Select(l => (string?)l).ToList();
        var values = FigureJson.Numbers(pie, "values");
        Assert.All(telltale, t => Assert.DoesNotContain(Enum.GetValues<Requester>().Single(r => r.Code() == t.RowKey).Label(), labels));
        // The grey slice holds both together: the shown total minus the shown slices, never one alone.
        Assert.Equal("withheld (small counts)", labels[^1]);
        Assert.Equal(telltale[0].Value + telltale[1].Value, values[^1]);
        Assert.Equal(counts.Total.Value, values.Sum());
        Assert.Equal(FigureJson.Rgba(Theme.Suppressed), (string?)pie["marker"]!["colors"]![labels.Count - 1]);
    }

    [Fact]
    public void A_pie_whose_total_is_withheld_is_not_drawn()
    {
        var counts = ContactTables.HelpRequests(Shipped.Register, Period.Year(2020));
        var chart = RequesterCharts.PiesSideBySide(counts, "2020", counts, "2020");
        var figure = new FigureJson(chart, Releases.Withholding([chart], (counts.Total, CellState.Secondary), (counts["self"], CellState.Secondary)));
        var pie = figure.Traces[0]!;
        Assert.Equal(["total withheld (small counts)"], pie["labels"]!.AsArray().Select(l => (string?)l));
        Assert.Equal([1.0], FigureJson.Numbers(pie, "values"));
    }

    [Fact]
    public void Shares_per_year_stack_to_a_hundred_with_the_withheld_ones_one_grey_rest()
    {
        // At a threshold of 20, some types of help request are small in some years.
        var perYear = ContactTables.RequesterSharesPerYear(Shipped.Register.WithOptions(new DisclosureOptions { Threshold = 20 }));
        var chart = RequesterCharts.SharesPerYear(perYear);
        var release = Releases.Decided(chart);
        var figure = new FigureJson(chart, release);
        Assert.Equal(("Type of help request per year", "stack"), (figure.Title, (string?)figure.Json["layout"]!["barmode"]));
        var rest = FigureJson.Numbers(figure.Trace(Withheld.Name), "y");
        for (int i = 0; i < perYear.RowKeys.Count; i++)
        {
            var year = perYear.RowKeys[i];
            var shares = perYear.ColumnKeys.Select(code => (Code: code, Share: perYear[year, code], Bar: FigureJson.Numbers(figure.Trace(RequesterOf(code).Label()), "y")[i])).ToList();
            // A share is drawn, in whole percent, exactly when its count is released.
            Assert.All(shares, s => Assert.Equal(release.IsShown(perYear.Counts[year, s.Code].Statistic) ? Math.Round(s.Share.Exact) : null, s.Bar));
            Assert.Equal(shares.All(s => s.Bar is not null) ? null : 100 - shares.Sum(s => s.Bar ?? 0), rest[i]);
        }
        Assert.Contains(rest, r => r is not null);
    }

    private static Requester RequesterOf(string code) => Enum.GetValues<Requester>().Single(r => r.Code() == code);

    [Fact]
    public void The_share_shift_compares_two_periods_as_horizontal_bars()
    {
        var before = ContactTables.HelpRequests(Shipped.Register, Period.Months(2017, 5, 2019, 12));
        var during = ContactTables.HelpRequests(Shipped.Register, Period.Year(2020));
        var chart = RequesterCharts.ShareShift(before, "before", during, "2020");
        var figure = new FigureJson(chart, Releases.ShowingAll(chart));
        Assert.Equal(["before", "2020"], figure.Names);
        Assert.Equal("h", (string?)figure.Traces[0]!["orientation"]);
        Assert.Equal("Share of each type of help request", figure.Title);
        // Whole percent of the period's answered contacts: the type of help request is a sensitive breakdown. A type
        // with no contact draws no bar (plotly would draw it flat).
        var expected = before.RowKeys.Select(k => (Label: LabelOf(k), Share: Math.Round(before.ShareOf(k).Exact))).Where(b => b.Share > 0).ToList();
        Assert.Equal(expected.Select(b => (double?)b.Share), FigureJson.Numbers(figure.Trace("before"), "x"));
        Assert.Equal(expected.Select(b => b.Label), figure.Trace("before")["y"]!.AsArray().Select(y => (string?)y));
    }

    private static string LabelOf(string code) => Enum.GetValues<Requester>().First(r => r.Code() == code).Label();

    [Fact]
    public void A_withheld_share_draws_no_bar()
    {
        var before = ContactTables.HelpRequests(Shipped.Register, Period.Months(2017, 5, 2019, 12));
        var during = ContactTables.HelpRequests(Shipped.Register, Period.Year(2020));
        var chart = RequesterCharts.ShareShift(before, "before", during, "2020");
        var figure = new FigureJson(chart, Releases.Withholding([chart], (during["professional"], CellState.Small), (during["other"], CellState.Secondary)));
        var shares = FigureJson.Numbers(figure.Trace("2020"), "x");
        var labels = figure.Trace("2020")["y"]!.AsArray().Select(y => (string?)y).ToList();
        Assert.DoesNotContain(LabelOf("professional"), labels);
        Assert.DoesNotContain(LabelOf("other"), labels);
        Assert.Equal(Math.Round(during.ShareOf("self").Exact), shares[labels.IndexOf(LabelOf("self"))]);
        Assert.DoesNotContain(shares, s => s is not null && s != Math.Round(s.Value));
        // The withheld types say so beside their axis labels.
        var marks = figure.Traces.Single(t => (string?)t!["mode"] == "text")!;
        Assert.Equal([LabelOf("professional"), LabelOf("other")], marks["y"]!.AsArray().Select(y => (string?)y));
    }
}
