namespace Helpline.Analysis.Tests.Domain;

/// <summary>The schedule as data, changed from a date: add, remove or move a slot; the shipped schedule stays as it is.</summary>
public class OpeningHoursWhatIfTests
{
    private static readonly DateOnly From = new(2021, 1, 1);

    [Fact]
    public void An_added_slot_opens_the_line_from_its_date_only()
    {
        var shipped = Shipped.Hours;
        var wider = shipped.Add(Channel.Phone, DayOfWeek.Thursday, 18, 21, from: From);
        Assert.Equal(shipped.Slots.Count + 1, wider.Slots.Count);
        Assert.False(wider.IsOpen(Channel.Phone, new DateTime(2020, 12, 31, 19, 0, 0)));
        Assert.True(wider.IsOpen(Channel.Phone, new DateTime(2021, 1, 7, 19, 0, 0)));
        Assert.False(wider.IsOpen(Channel.Phone, new DateTime(2021, 1, 7, 21, 0, 0)));
        Assert.False(shipped.IsOpen(Channel.Phone, new DateTime(2021, 1, 7, 19, 0, 0)));
    }

    [Fact]
    public void A_removed_slot_ends_the_day_before_its_date()
    {
        var narrower = Shipped.Hours.Remove(Channel.Phone, DayOfWeek.Wednesday, new TimeOnly(9, 30), From);
        Assert.True(narrower.IsOpen(Channel.Phone, new DateTime(2020, 12, 30, 10, 0, 0)));
        Assert.False(narrower.IsOpen(Channel.Phone, new DateTime(2021, 1, 6, 10, 0, 0)));
        var slot = Assert.Single(narrower.Slots, s => s.Day == DayOfWeek.Wednesday);
        Assert.Equal(new DateOnly(2020, 12, 31), slot.ValidTo);
    }

    [Fact]
    public void A_moved_slot_keeps_its_length()
    {
        var moved = Shipped.Hours.Move(Channel.Phone, DayOfWeek.Wednesday, new TimeOnly(9, 30), DayOfWeek.Thursday, new TimeOnly(18, 0), From);
        var slot = Assert.Single(moved.Slots, s => s.Day == DayOfWeek.Thursday);
        Assert.Equal((new TimeOnly(18, 0), new TimeOnly(21, 0), From), (slot.Opens, slot.Closes, slot.ValidFrom));
        Assert.False(moved.IsOpen(Channel.Phone, new DateTime(2021, 1, 6, 10, 0, 0)));
    }

    [Fact]
    public void Removing_a_slot_that_does_not_exist_names_the_channels_slots()
    {
        var e = Assert.Throws<ArgumentException>(() => Shipped.Hours.Remove(Channel.Chat, DayOfWeek.Monday, new TimeOnly(9, 0), From));
        Assert.Contains("chat Tuesday 15:00-19:00 from 2019-06-01", e.Message);
    }

    [Fact]
    public void A_slot_to_midnight_is_open_to_the_last_minute_and_counts_its_whole_hours()
    {
        var late = Shipped.Hours.Add(Channel.Chat, DayOfWeek.Saturday, 22, 24, From);
        Assert.True(late.IsOpen(Channel.Chat, new DateTime(2021, 1, 2, 23, 59, 0)));
        Assert.Equal(2.0, late.OpenHours(Channel.Chat, new Period(new DateOnly(2021, 1, 2), new DateOnly(2021, 1, 2))), 9);
    }

    [Fact]
    public void Open_hours_add_up_each_valid_day_of_each_slot()
    {
        // Phone: 4 + 3 + 3 hours a week; 2020 has 52 Tuesdays, 53 Wednesdays, 52 Fridays.
        Assert.Equal(52 * 4 + 53 * 3 + 52 * 3, Shipped.Hours.OpenHours(Channel.Phone, Period.Year(2020)), 9);
        // The chat opened in June 2019: 31 Tuesdays of 4 hours.
        Assert.Equal(31 * 4, Shipped.Hours.OpenHours(Channel.Chat, Period.Year(2019)), 9);
        Assert.Equal(366 * 24, Shipped.Hours.OpenHours(Channel.Email, Period.Year(2020)), 9);
    }
}
