using Microsoft.Data.Analysis;

namespace Helpline.Analysis.Tests.Analysis;

public class RegisterTests
{
    private static Register Small() => Register.FromCleanRows(
    [
        new Contact(new DateTime(2020, 1, 7, 15, 10, 0), Channel.Phone, Outcome.Answered, Requester.Self),
        new Contact(new DateTime(2020, 1, 7, 16, 10, 0), Channel.Chat, Outcome.Answered, Requester.CloseEnvironment),
        new Contact(new DateTime(2020, 3, 1, 10, 0, 0), Channel.Phone, Outcome.Closed),
        new Contact(new DateTime(2020, 3, 3, 15, 0, 0), Channel.Phone, Outcome.Busy),
        new Contact(new DateTime(2020, 3, 5, 9, 0, 0), Channel.Email, Outcome.Answered, Requester.Self),
    ]);

    [Fact]
    public void Filters_compose_and_leave_the_original_unchanged()
    {
        var register = Small();
        Assert.Single(register.Answered().On(Channel.Phone).From(Requester.Self));
        Assert.Equal(2, register.Missed().Count);
        Assert.Equal(5, register.Count);
    }

    [Fact]
    public void Counting_by_month_lists_every_month_of_the_scope_even_empty_ones()
    {
        var frame = Small().CountBy(Breakdown.Month);
        Assert.Equal(["2020-01", "2020-02", "2020-03"], frame["month"].Cast<string>());
        Assert.Equal([2, 0, 3], frame["contacts"].Cast<int>());
    }

    [Fact]
    public void A_period_narrows_the_scope_so_its_months_all_show()
    {
        var frame = Small().In(Period.Months(2020, 2, 2020, 3)).CountBy(Breakdown.Month);
        Assert.Equal(["2020-02", "2020-03"], frame["month"].Cast<string>());
        Assert.Equal([0, 3], frame["contacts"].Cast<int>());
    }

    [Fact]
    public void A_cross_count_has_a_column_per_category_and_a_total()
    {
        var frame = Small().CountBy(Breakdown.Month, Breakdown.Channel);
        Assert.Equal(["month", "phone", "chat", "email", "total"], frame.Columns.Select(c => c.Name));
        Assert.Equal([1, 0, 2], frame["phone"].Cast<int>());
        Assert.Equal([2, 0, 3], frame["total"].Cast<int>());
    }

    [Fact]
    public void Weekdays_start_on_Monday_and_hours_run_0_to_23()
    {
        var frame = Small().CountBy(Breakdown.Weekday, Breakdown.Hour);
        Assert.Equal("Monday", frame["weekday"][0]);
        Assert.Equal(26, frame.Columns.Count);
        Assert.Equal(2, frame["15:00"][1]); // two contacts on Tuesdays at 15:xx
    }

    [Fact]
    public void The_register_as_a_DataFrame_has_typed_columns()
    {
        var frame = Small().ToDataFrame();
        Assert.IsType<DateTimeDataFrameColumn>(frame["received_at"]);
        Assert.IsType<BooleanDataFrameColumn>(frame["is_new_caller"]);
        Assert.Equal("phone", frame["channel"][0]);
        Assert.Equal(5, frame.Rows.Count);
    }

    [Fact]
    public void A_contact_printed_as_text_shows_none_of_its_values()
    {
        var contact = new Contact(new DateTime(2020, 3, 3, 15, 32, 0), Channel.Phone, Outcome.Answered, CallerKey: "kSecret", SourceLine: 7);
        Assert.Equal("a register row from line 7 (values not shown: raw rows never reach a page)", contact.ToString());
    }
}
