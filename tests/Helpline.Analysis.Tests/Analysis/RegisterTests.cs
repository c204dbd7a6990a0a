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
        var table = Small().CountBy(Breakdown.Month);
        Assert.Equal(["2020-01", "2020-02", "2020-03"], table.RowKeys);
        Assert.Equal([2, 0, 3], table.Rows.Select(t => t.Value));
    }

    [Fact]
    public void A_period_narrows_the_scope_so_its_months_all_show()
    {
        var table = Small().In(Period.Months(2020, 2, 2020, 3)).CountBy(Breakdown.Month);
        Assert.Equal(["2020-02", "2020-03"], table.RowKeys);
        Assert.Equal([0, 3], table.Rows.Select(t => t.Value));
    }

    [Fact]
    public void A_cross_count_has_a_column_per_category_and_a_total()
    {
        var table = Small().CountBy(Breakdown.Month, Breakdown.Channel);
        Assert.Equal("month", table.RowBreakdown?.Name);
        Assert.Equal(["phone", "chat", "email"], table.ColumnKeys);
        Assert.Equal([1, 0, 2], table.Column("phone").Select(t => t.Value));
        Assert.Equal([2, 0, 3], table.Rows.Select(t => t.Value));
        Assert.Equal(5, table.Total.Value);
    }

    [Fact]
    public void Weekdays_start_on_Monday_and_hours_run_0_to_23()
    {
        var table = Small().CountBy(Breakdown.Weekday, Breakdown.Hour);
        Assert.Equal("Monday", table.RowKeys[0]);
        Assert.Equal(Enumerable.Range(0, 24).Select(h => $"{h:D2}:00"), table.ColumnKeys);
        Assert.Equal(2, table["Tuesday", "15:00"].Value); // two contacts on Tuesdays at 15:xx
        Assert.Equal(2, table[1, 15].Value);
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
