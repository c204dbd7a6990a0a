namespace Helpline.Analysis.Tests.Charts;

public class ContactChartsTests
{
    private static FigureJson Shown(Figure figure) => new(figure, Releases.ShowingAll(figure));

    [Fact]
    public void Contacts_per_month_stack_one_trace_per_channel_in_the_channel_colours()
    {
        var figure = Shown(ContactCharts.PerMonthByChannel(ContactTables.PerMonthByChannel(Shipped.Register.In(Period.Answer232))));
        Assert.Equal(["Phone (telefoon)", "Chat", "E-mail"], figure.Names);
        Assert.Equal(FigureJson.Rgba(Theme.ColourOf(Channel.Chat)), FigureJson.Colour(figure.Trace("Chat")));
        Assert.Equal("stack", (string?)figure.Json["layout"]!["barmode"]);
        Assert.Equal(("Contacts per month by channel", "Month", "Answered contacts"), (figure.Title, figure.XTitle, figure.YTitle));
        Assert.Equal(44, figure.Trace("Phone (telefoon)")["x"]!.AsArray().Count);
    }

    [Fact]
    public void The_monthly_chart_marks_the_start_the_chat_and_the_first_lockdown()
    {
        var figure = Shown(ContactCharts.PerMonthByChannel(ContactTables.PerMonthByChannel(Shipped.Register.In(Period.Answer232))));
        var shapes = figure.Json["layout"]!["shapes"]!.AsArray().Select(s => (string?)s!["x0"]);
        Assert.Equal(["2017-05", "2019-06", "2020-03"], shapes);
    }

    [Fact]
    public void Contacts_per_year_use_years_as_categories_and_label_each_total()
    {
        var figure = Shown(ContactCharts.PerYearByChannel(ContactTables.PerYearByChannel(Shipped.Register)));
        Assert.Equal("category", (string?)figure.Json["layout"]!["xaxis"]!["type"]);
        var labels = figure.Json["layout"]!["annotations"]!.AsArray();
        Assert.Equal(["325", "447", "281", "450", "410", "356", "468"], labels.Select(a => (string?)a!["text"]));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], labels.Select(a => (int)a!["x"]!)); // indices: a year string would be read as index 2017
    }

    [Fact]
    public void Every_answered_contact_of_a_year_is_a_bar_when_everything_is_shown()
    {
        var table = ContactTables.PerYearByChannel(Shipped.Register);
        var figure = Shown(ContactCharts.PerYearByChannel(table));
        Assert.DoesNotContain(Withheld.Name, figure.Names);
        foreach (var channel in Enum.GetValues<Channel>())
            Assert.Equal(table.Column(channel.Code()).Select(t => (double?)t.Value), FigureJson.Numbers(figure.Trace(channel.Label()), "y"));
    }

    [Fact]
    public void Withheld_counts_are_no_bars_and_their_values_are_nowhere_in_the_chart()
    {
        var table = ContactTables.PerYearByChannel(Shipped.Register);
        var chart = ContactCharts.PerYearByChannel(table);
        // Two counts of a year, withheld together as the line rule would (one alone is the total minus the others).
        var (first, second) = FigureJson.TwoTelltaleCounts(table, Shown(chart));
        var figure = new FigureJson(chart, Releases.Withholding([chart], (first, CellState.Small), (second, CellState.Secondary)));
        Assert.Equal((0, 0), (figure.Occurrences(first.Value), figure.Occurrences(second.Value)));

        int year = table.RowKeys.ToList().IndexOf(first.RowKey);
        foreach (var channel in Enum.GetValues<Channel>())
        {
            var drawn = FigureJson.Numbers(figure.Trace(channel.Label()), "y")[year];
            Assert.Equal(channel.Code() == first.ColumnKey || channel.Code() == second.ColumnKey ? null : (double?)table[first.RowKey, channel.Code()].Value, drawn);
        }
        // The year's total is shown: the grey rest is what the table's own total already says, both counts together.
        var rest = FigureJson.Numbers(figure.Trace(Withheld.Name), "y");
        Assert.Equal(first.Value + second.Value, rest[year]);
        Assert.All(rest.Where((_, i) => i != year), r => Assert.Null(r));
        Assert.Equal("%{x}: withheld<extra></extra>", (string?)figure.Trace(Withheld.Name)["hovertemplate"]);
        Assert.Equal(7, figure.Json["layout"]!["annotations"]!.AsArray().Count);
    }

    [Fact]
    public void A_withheld_year_total_draws_no_label_and_no_grey_rest()
    {
        var table = ContactTables.PerYearByChannel(Shipped.Register);
        var chart = ContactCharts.PerYearByChannel(table);
        var total = table["2019", "total"];
        var chat = table["2019", "chat"];
        var figure = new FigureJson(chart, Releases.Withholding([chart], (total, CellState.Secondary), (chat, CellState.Small)));
        int year = table.RowKeys.ToList().IndexOf("2019");
        var labels = figure.Json["layout"]!["annotations"]!.AsArray();
        Assert.Equal(6, labels.Count);
        Assert.DoesNotContain(labels, a => (int)a!["x"]! == year);
        Assert.DoesNotContain(total.Value.ToString("N0", NotebookDisplay.Culture), labels.Select(a => (string?)a!["text"]));
        Assert.DoesNotContain(Withheld.Name, figure.Names);
        Assert.Null(FigureJson.Numbers(figure.Trace("Chat"), "y")[year]);
    }
}
