namespace Helpline.Analysis.Tests.Domain;

public class OpeningHoursTests
{
    private static readonly OpeningHours Hours = Shipped.Hours;

    // 2020-03-03 is a Tuesday, 03-04 a Wednesday, 03-06 a Friday.
    [Theory]
    [InlineData("2020-03-03 14:59", false)]
    [InlineData("2020-03-03 15:00", true)]
    [InlineData("2020-03-03 18:59", true)]
    [InlineData("2020-03-03 19:00", false)]
    [InlineData("2020-03-04 09:29", false)]
    [InlineData("2020-03-04 09:30", true)]
    [InlineData("2020-03-04 12:29", true)]
    [InlineData("2020-03-04 12:30", false)]
    [InlineData("2020-03-06 11:59", false)]
    [InlineData("2020-03-06 12:00", true)]
    [InlineData("2020-03-06 14:59", true)]
    [InlineData("2020-03-06 15:00", false)]
    [InlineData("2020-03-05 16:00", false)]
    public void The_phone_is_open_from_opening_up_to_but_not_at_closing(string moment, bool open) =>
        Assert.Equal(open, Hours.IsOpen(Channel.Phone, DateTime.Parse(moment, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2020-03-03 15:00", true)]
    [InlineData("2020-03-04 10:00", false)]
    [InlineData("2020-03-06 13:00", false)]
    public void The_chat_is_open_only_on_Tuesday(string moment, bool open) =>
        Assert.Equal(open, Hours.IsOpen(Channel.Chat, DateTime.Parse(moment, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_chat_slot_is_not_valid_before_the_chat_started_in_June_2019()
    {
        Assert.False(Hours.IsOpen(Channel.Chat, new DateTime(2019, 5, 28, 16, 0, 0)));
        Assert.True(Hours.IsOpen(Channel.Chat, new DateTime(2019, 6, 4, 16, 0, 0)));
    }

    [Fact]
    public void Email_is_always_open() =>
        Assert.True(Hours.IsOpen(Channel.Email, new DateTime(2020, 3, 1, 3, 0, 0)));

    [Fact]
    public void A_slot_with_an_end_date_stops_after_it()
    {
        var hours = new OpeningHours([new OpeningSlot(Channel.Phone, DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0), new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 31))]);
        Assert.True(hours.IsOpen(Channel.Phone, new DateTime(2020, 1, 27, 9, 0, 0)));
        Assert.False(hours.IsOpen(Channel.Phone, new DateTime(2020, 2, 3, 9, 0, 0)));
    }

    [Fact]
    public void The_shipped_schedule_is_the_one_of_the_answer()
    {
        Assert.Equal(4, Hours.Slots.Count);
        Assert.Equal(10, Hours.Slots.Where(s => s.Channel == Channel.Phone).Sum(s => (s.Closes - s.Opens).TotalHours));
    }
}
