namespace Helpline.Analysis.Tests.Analysis;

/// <summary>Quarter, ISO week and day part: each cell's definition says exactly which contacts it counts (a wrong one is a privacy bug).</summary>
public class CalendarBreakdownTests
{
    private static readonly Breakdown[] Calendar = [Breakdown.Quarter, Breakdown.IsoWeek, Breakdown.DayPart];

    /// <summary>Every cell, totals included, counts exactly the contacts of the whole register its definition matches.</summary>
    private static void AssertDefinitionsExact(Register whole, CountTable table)
    {
        var rows = table.RowKeys.Append("total").ToList();
        var columns = table.ColumnKeys.Count == 0 ? [null] : table.ColumnKeys.Append("total").ToList<string?>();
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                var cell = table[row, column];
                Assert.True(whole.Count(c => cell.Definition.Matches(c)) == cell.Value, $"{table}: cell {row}/{column} counts {cell.Value}, its definition ({cell.Definition}) matches another number");
            }
        }
    }

    [Fact]
    public void Every_quarter_week_and_day_part_cell_counts_exactly_the_contacts_its_definition_matches()
    {
        var whole = Shipped.Register;
        foreach (var breakdown in Calendar)
        {
            AssertDefinitionsExact(whole, whole.Answered().On(Channel.Chat).In(Period.Year(2020)).CountBy(breakdown, Breakdown.Requester));
            AssertDefinitionsExact(whole, whole.Missed().In(Period.Months(2018, 12, 2019, 2)).CountBy(breakdown));
            AssertDefinitionsExact(whole, whole.On(Channel.Phone).In(Period.Between(new DateOnly(2020, 12, 20), new DateOnly(2021, 1, 12))).CountBy(Breakdown.Channel, breakdown));
            AssertDefinitionsExact(whole, whole.AtHours(10, 20).CountBy(breakdown, Breakdown.Outcome));
        }
    }

    [Fact]
    public void Definitions_stay_exact_on_random_small_registers()
    {
        var random = new Random(13);
        for (int run = 0; run < 20; run++)
        {
            var start = new DateTime(2018, 11, 20);
            var contacts = Enumerable.Range(0, 60).Select(_ => new Contact(start.AddMinutes(random.Next(0, 200 * 24 * 60)),
                (Channel)random.Next(3), (Outcome)random.Next(3), (Requester)random.Next(6))).ToList();
            var register = Register.FromCleanRows(contacts);
            foreach (var breakdown in Calendar)
            {
                AssertDefinitionsExact(register, register.CountBy(breakdown, Breakdown.Outcome));
                AssertDefinitionsExact(register, register.Answered().CountBy(Breakdown.Requester, breakdown));
            }
        }
    }

    [Fact]
    public void A_quarter_is_three_whole_months_so_a_count_per_quarter_and_channel_is_not_a_sensitive_cut()
    {
        var table = Shipped.Register.On(Channel.Chat).In(Period.Year(2020)).CountBy(Breakdown.Quarter);
        Assert.Equal(["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"], table.RowKeys);
        Assert.Equal(new DateOnly(2020, 4, 1), table["2020-Q2"].Definition.From);
        Assert.Equal(new DateOnly(2020, 6, 30), table["2020-Q2"].Definition.To);
        Assert.All(table.Rows, q => Assert.False(q.Definition.IsSensitive));
    }

    [Fact]
    public void An_ISO_week_runs_Monday_to_Sunday_across_a_new_year_and_is_cut_to_the_scope()
    {
        var table = Shipped.Register.In(Period.Year(2019)).CountBy(Breakdown.IsoWeek);
        // 1 January 2019 was a Tuesday: week 1 of 2019 began on Monday 31 December 2018, outside the scope.
        Assert.Equal("2019-W01", table.RowKeys[0]);
        Assert.Equal(new DateOnly(2019, 1, 1), table["2019-W01"].Definition.From);
        Assert.Equal(new DateOnly(2019, 1, 6), table["2019-W01"].Definition.To);
        // 30 and 31 December 2019 belong to week 1 of 2020.
        Assert.Equal("2020-W01", table.RowKeys[^1]);
        Assert.Equal(new DateOnly(2019, 12, 30), table["2020-W01"].Definition.From);
        Assert.Equal(new DateOnly(2019, 12, 31), table["2020-W01"].Definition.To);
        // A week across two months: 28 January to 3 February 2019.
        Assert.Equal(new DateOnly(2019, 1, 28), table["2019-W05"].Definition.From);
        Assert.Equal(new DateOnly(2019, 2, 3), table["2019-W05"].Definition.To);
        Assert.True(table["2019-W05"].Definition.IsSensitive);
        var weeks = Shipped.Register.In(Period.Months(2020, 12, 2021, 1)).CountBy(Breakdown.IsoWeek);
        Assert.Equal(new DateOnly(2020, 12, 28), weeks["2020-W53"].Definition.From);
        Assert.Equal(new DateOnly(2021, 1, 3), weeks["2020-W53"].Definition.To);
    }

    [Fact]
    public void A_day_part_is_a_set_of_six_hours_and_only_parts_the_register_keeps_are_listed()
    {
        var table = Shipped.Register.CountBy(Breakdown.DayPart);
        Assert.Equal(["night", "morning", "afternoon", "evening"], table.RowKeys);
        Assert.Equal(0b11_1111u, table["night"].Definition.Hours);
        Assert.Equal(0b11_1111u << 18, table["evening"].Definition.Hours);
        var afternoon = Shipped.Register.AtHours(15, 19).CountBy(Breakdown.DayPart);
        Assert.Equal(["afternoon", "evening"], afternoon.RowKeys);
        Assert.Equal(0b111u << 15, afternoon["afternoon"].Definition.Hours);
    }

    [Fact]
    public void An_empty_register_has_no_weeks()
    {
        var table = Shipped.Register.In(Period.Year(2030)).CountBy(Breakdown.IsoWeek);
        Assert.Empty(table.RowKeys);
        Assert.Equal(0, table.Total.Value);
    }
}
