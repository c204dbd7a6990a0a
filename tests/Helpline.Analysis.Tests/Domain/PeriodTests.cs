namespace Helpline.Analysis.Tests.Domain;

public class PeriodTests
{
    [Fact]
    public void A_month_period_runs_from_its_first_to_its_last_day() =>
        Assert.Equal(new Period(new DateOnly(2020, 2, 1), new DateOnly(2020, 2, 29)), Period.Month(2020, 2));

    [Fact]
    public void Periods_read_as_a_researcher_would_write_them()
    {
        Assert.Equal("May 2017 - November 2020", Period.Answer232Phone.ToString());
        Assert.Equal("2020", Period.Year(2020).ToString());
        Assert.Equal("2017-2023", Period.Years(2017, 2023).ToString());
        Assert.Equal("19 May 2017 - 1 March 2018", new Period(new DateOnly(2017, 5, 19), new DateOnly(2018, 3, 1)).ToString());
    }

    [Fact]
    public void Both_ends_are_inside()
    {
        var p = Period.Year(2020);
        Assert.True(p.Contains(new DateTime(2020, 12, 31, 23, 59, 0)));
        Assert.False(p.Contains(new DateTime(2021, 1, 1)));
    }

    [Fact]
    public void A_period_cannot_end_before_it_starts() =>
        Assert.Throws<ArgumentException>(() => Period.Between(new DateOnly(2020, 2, 1), new DateOnly(2020, 1, 1)));
}
