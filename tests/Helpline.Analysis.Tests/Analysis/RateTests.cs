namespace Helpline.Analysis.Tests.Analysis;

/// <summary>Averages per month and week: rates of released counts, named after what they count.</summary>
public class RateTests
{
    [Fact]
    public void A_rate_per_month_is_the_total_over_the_months_of_the_scope()
    {
        var chats = Shipped.Register.Answered().On(Channel.Chat).In(Period.Year(2020));
        var rate = chats.PerMonth();
        Assert.Equal(12, rate.Per);
        Assert.Equal(Math.Round(chats.Count / 12.0, 1), rate.Value);
        Assert.Equal("answered a month", rate.Name);
        Assert.Equal(chats.Total().Definition, rate.Count.Definition);
        Assert.Equal(366 / 7.0, chats.PerWeek().Per, 9);
    }

    [Fact]
    public void A_table_per_month_divides_each_count_by_the_months_its_own_days_cover()
    {
        var perYear = Shipped.Register.Answered().On(Channel.Phone).CountBy(Breakdown.Year);
        var rates = perYear.PerMonth();
        Assert.Equal(["year", "answered", "months", "answered a month"], rates.Header);
        // The register starts in May 2017: 2017 has eight months.
        var first = Assert.IsType<Rate>(rates["2017", "answered a month"]);
        Assert.Equal(8, first.Per);
        Assert.Equal(Math.Round(perYear["2017"].Value / 8.0, 1), first.Value);
        var total = Assert.IsType<Rate>(rates["total", "answered a month"]);
        Assert.Equal(80, total.Per);
    }

    [Fact]
    public void A_cross_table_per_week_has_a_rate_for_every_count()
    {
        var table = Shipped.Register.Answered().In(Period.Years(2019, 2020)).CountBy(Breakdown.Year, Breakdown.Channel).PerWeek();
        Assert.Equal(["year", "phone a week", "chat a week", "email a week", "answered a week"], table.Header);
        Assert.Equal(["2019", "2020", "total"], table.RowKeys);
        Assert.Equal(366 / 7.0, Assert.IsType<Rate>(table["2020", "chat a week"]).Per, 9);
    }

    [Fact]
    public void Counts_without_Answered_say_attempts_and_so_do_their_rates()
    {
        var register = Shipped.Register.On(Channel.Chat).In(Period.Year(2020));
        Assert.Equal("attempts", register.CountBy(Breakdown.Month).CountName);
        Assert.Equal("attempts a month", register.PerMonth().Name);
        Assert.Equal("answered", register.Answered().CountBy(Breakdown.Month).CountName);
        Assert.Equal("missed", register.Missed().CountBy(Breakdown.Month).CountName);
        Assert.Equal("busy", register.With(Outcome.Busy).CountBy(Breakdown.Month).CountName);
        Assert.Equal("answered or busy", register.With(Outcome.Answered, Outcome.Busy).CountBy(Breakdown.Month).CountName);
        Assert.Equal("callers", register.CountCallers().Table.CountName);
    }

    [Fact]
    public void Several_outcomes_keep_exactly_those_contacts()
    {
        var register = Shipped.Register.On(Channel.Phone);
        var open = register.With(Outcome.Answered, Outcome.Busy);
        Assert.Equal(register.Count(c => c.Outcome is Outcome.Answered or Outcome.Busy), open.Count);
        Assert.All(open, c => Assert.True(open.Definition.Matches(c)));
    }
}
