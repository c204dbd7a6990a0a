namespace Helpline.Analysis.Tests.Charts;

public class ContactChartsTests
{
    [Fact]
    public void Contacts_per_month_stack_one_trace_per_channel_in_the_channel_colours()
    {
        var figure = new Figure(ContactCharts.PerMonthByChannel(ContactTables.PerMonthByChannel(Shipped.Register.In(Period.Answer232))));
        Assert.Equal(["Phone (telefoon)", "Chat", "E-mail"], figure.Names);
        Assert.Equal(Figure.Rgba(Theme.ColourOf(Channel.Chat)), Figure.Colour(figure.Trace("Chat")));
        Assert.Equal("stack", (string?)figure.Json["layout"]!["barmode"]);
        Assert.Equal(("Contacts per month by channel", "Month", "Answered contacts"), (figure.Title, figure.XTitle, figure.YTitle));
        Assert.Equal(44, figure.Trace("Phone (telefoon)")["x"]!.AsArray().Count);
    }

    [Fact]
    public void The_monthly_chart_marks_the_start_the_chat_and_the_first_lockdown()
    {
        var figure = new Figure(ContactCharts.PerMonthByChannel(ContactTables.PerMonthByChannel(Shipped.Register.In(Period.Answer232))));
        var shapes = figure.Json["layout"]!["shapes"]!.AsArray().Select(s => (string?)s!["x0"]);
        Assert.Equal(["2017-05", "2019-06", "2020-03"], shapes);
    }

    [Fact]
    public void Contacts_per_year_use_years_as_categories_and_label_each_total()
    {
        var figure = new Figure(ContactCharts.PerYearByChannel(ContactTables.PerYearByChannel(Shipped.Register)));
        Assert.Equal("category", (string?)figure.Json["layout"]!["xaxis"]!["type"]);
        var labels = figure.Json["layout"]!["annotations"]!.AsArray();
        Assert.Equal(["325", "447", "281", "450", "410", "356", "468"], labels.Select(a => (string?)a!["text"]));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], labels.Select(a => (int)a!["x"]!)); // indices: a year string would be read as index 2017
    }
}
