namespace Helpline.Analysis.Tests.Analysis;

/// <summary>Capacity what-ifs: the contacts another schedule reaches, Erlang-B, and model figures released with their counts.</summary>
public class CapacityTablesTests
{
    private static readonly DateOnly From = new(2021, 1, 1);

    private static OpeningHours Wider() => Shipped.Hours.Add(Channel.Chat, DayOfWeek.Tuesday, 19, 21, From)
        .Move(Channel.Phone, DayOfWeek.Wednesday, new TimeOnly(9, 30), DayOfWeek.Thursday, new TimeOnly(18, 0), From);

    [Fact]
    public void Reached_counts_the_closed_contacts_of_the_hours_a_schedule_opens_and_lost_the_taken_ones_of_the_hours_it_closes()
    {
        var register = Shipped.Register;
        var table = CapacityTables.Reached(register, Shipped.Hours, Wider());
        Assert.Equal(["year", "phone reached", "phone lost", "chat reached"], table.Header);
        Assert.Equal(["2021", "2022", "2023", "total"], table.RowKeys);
        foreach (var year in new[] { 2021, 2022, 2023 })
        {
            var days = register.Where(c => c.ReceivedAt.Year == year).ToList();
            int reachedChat = days.Count(c => c.Channel == Channel.Chat && c.Outcome == Outcome.Closed && c.ReceivedAt.DayOfWeek == DayOfWeek.Tuesday && c.ReceivedAt.Hour is 19 or 20);
            int reachedPhone = days.Count(c => c.Channel == Channel.Phone && c.Outcome == Outcome.Closed && c.ReceivedAt.DayOfWeek == DayOfWeek.Thursday && c.ReceivedAt.Hour is >= 18 and < 21);
            int lostPhone = days.Count(c => c.Channel == Channel.Phone && c.Outcome != Outcome.Closed && c.ReceivedAt.DayOfWeek == DayOfWeek.Wednesday && c.ReceivedAt.TimeOfDay >= new TimeSpan(9, 30, 0) && c.ReceivedAt.TimeOfDay < new TimeSpan(12, 30, 0));
            var key = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(reachedChat, Assert.IsType<Sum>(table[key, "chat reached"]).Value);
            Assert.Equal(reachedPhone, Assert.IsType<Sum>(table[key, "phone reached"]).Value);
            Assert.Equal(lostPhone, Assert.IsType<Sum>(table[key, "phone lost"]).Value);
        }
    }

    [Fact]
    public void Every_count_of_a_what_if_has_a_definition_that_matches_exactly_its_contacts()
    {
        var register = Shipped.Register;
        var table = CapacityTables.Reached(register, Shipped.Hours, Wider());
        foreach (var row in table.RowKeys)
        {
            foreach (var column in table.Header.Skip(1))
            {
                foreach (var statistic in ((IReleasedValue)table[row, column]).Statistics)
                    Assert.Equal(register.Count(c => statistic.Definition.Matches(c)), statistic.Value);
            }
        }
    }

    [Fact]
    public void A_change_after_the_register_ends_reaches_nobody_rather_than_failing()
    {
        // An export that ends in 2020, and a what-if from 2021: the page still runs, with zeros.
        var register = Shipped.Register.In(Period.Years(2018, 2020));
        var shipped = OpeningHours.Shipped();
        var wider = shipped.Add(Channel.Chat, DayOfWeek.Tuesday, 19, 21, from: new DateOnly(2021, 1, 1));
        var reached = CapacityTables.Reached(register, shipped, wider);
        Assert.Equal(0, ((Sum)reached["total", "chat reached"]).Value);
    }

    [Fact]
    public void A_change_of_part_of_an_hour_is_refused_with_the_hour_named()
    {
        var half = Shipped.Hours.Add(Channel.Phone, DayOfWeek.Monday, new TimeOnly(18, 30), new TimeOnly(20, 0), From);
        var e = Assert.Throws<ArgumentException>(() => CapacityTables.Reached(Shipped.Register, Shipped.Hours, half));
        Assert.Contains("Monday 18:00-19:00", e.Message);
    }

    [Fact]
    public void Erlang_B_gives_the_loss_of_one_counsellor_as_load_over_one_plus_load_and_recurses_for_more()
    {
        Assert.Equal(0.5 / 1.5, ErlangB.Blocking(1, 0.5), 12);
        Assert.Equal(0.2, ErlangB.Blocking(2, 1), 12);
        Assert.Equal(1, ErlangB.Blocking(0, 3), 12);
        Assert.Equal(0.25, ErlangB.Blocking(1, ErlangB.LoadForOneServer(0.25)), 12);
    }

    [Fact]
    public void The_busy_line_model_reads_offered_contacts_per_open_hour_with_the_handling_time_given()
    {
        var table = CapacityTables.BusyLine(Shipped.Register, Shipped.Hours, Channel.Phone, 20);
        var offered = Shipped.Register.On(Channel.Phone).Count(c => c.ReceivedAt.Year == 2020 && c.Outcome != Outcome.Closed);
        Assert.Equal(offered, Assert.IsType<Tally>(table["phone 2020", "offered"]).Value);
        double load = offered / Shipped.Hours.OpenHours(Channel.Phone, Period.Year(2020)) * 20 / 60;
        var one = Assert.IsType<Estimate>(table["phone 2020", "model_busy_1"]);
        var two = Assert.IsType<Estimate>(table["phone 2020", "model_busy_2"]);
        Assert.Equal(offered * load / (1 + load), one.Value, 9);
        Assert.Equal(offered * ErlangB.Blocking(2, load), two.Value, 9);
        Assert.Equal(one.Value - two.Value, Assert.IsType<Estimate>(table["phone 2020", "avoided"]).Value, 9);
    }

    [Fact]
    public void The_implied_handling_time_reproduces_the_busy_count_observed()
    {
        var window = Shipped.Register.In(Period.Answer232Phone);
        double minutes = CapacityTables.ImpliedHandlingMinutes(window, Shipped.Hours, Channel.Phone).Value;
        var table = CapacityTables.Sensitivity(window, Shipped.Hours, Channel.Phone, [minutes]);
        int busy = window.On(Channel.Phone).With(Outcome.Busy).Count;
        // Year by year the load differs, so the sum over years is close to, not exactly, the count.
        Assert.InRange(Assert.IsType<Estimate>(table.RowKeys.Select(k => table[k, "model_busy_1"]).Single()).Value, busy * 0.8, busy * 1.2);
    }

    [Fact]
    public void A_model_figure_is_withheld_when_a_count_it_comes_from_is()
    {
        // A two-contact register: every count of a sensitive cut is small.
        var register = Register.FromCleanRows(
        [
            new Contact(new DateTime(2021, 1, 5, 15, 10, 0), Channel.Chat, Outcome.Answered),
            new Contact(new DateTime(2021, 1, 12, 16, 10, 0), Channel.Chat, Outcome.Busy),
        ]);
        // Not the Tuesday count: the chat opens on Tuesdays only, so that one follows from the month's public count.
        var small = register.On(Channel.Chat).AtHours(16, 17).With(Outcome.Busy).Total();
        var estimate = new Estimate("test", [small], v => v[0] * 2);
        var shown = new Estimate("test", [register.On(Channel.Chat).Total()], v => v[0] * 2);
        var release = Gate.Decide([Prose.Paragraph($"{estimate} and {shown}")]);
        // The count claims no range (..): neither does the figure made from it.
        Assert.Equal(CellState.TooFew, release.StateOf(small.Statistic));
        Assert.Equal("..", ((IReleasedValue)estimate).Text(release));
        Assert.Null(((IReleasedValue)estimate).Shown(release));
        Assert.Equal("4.0", ((IReleasedValue)shown).Text(release));
    }
}
