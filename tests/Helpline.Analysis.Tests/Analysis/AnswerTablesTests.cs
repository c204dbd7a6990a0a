namespace Helpline.Analysis.Tests.Analysis;

/// <summary>Every table of the answer, on the shipped register: the calibrated totals come out exactly.</summary>
public class AnswerTablesTests
{
    private static IEnumerable<int> Values(IEnumerable<Tally> counts) => counts.Select(t => t.Value);

    [Fact]
    public void Contacts_per_year_are_the_published_series_2017_to_2023()
    {
        var table = ContactTables.PerYearByChannel(Shipped.Register);
        Assert.Equal(["2017", "2018", "2019", "2020", "2021", "2022", "2023"], table.RowKeys);
        Assert.Equal([325, 447, 281, 450, 410, 356, 468], Values(table.Rows));
        Assert.Equal((220, 184, 64), (table["2023", "phone"].Value, table["2023", "email"].Value, table["2023", "chat"].Value));
    }

    [Fact]
    public void Contacts_per_month_add_up_to_the_year_totals_and_chat_starts_in_June_2019()
    {
        var table = ContactTables.PerMonthByChannel(Shipped.Register);
        Assert.Equal("2017-05", table.RowKeys[0]);
        Assert.Equal(2737, Values(table.Rows).Sum());
        Assert.Equal(2737, table.Total.Value);
        var months = table.RowKeys.ToList();
        var chat = Values(table.Column("chat")).ToList();
        Assert.Equal(0, chat.Take(months.IndexOf("2019-06")).Sum());
        Assert.True(chat[months.IndexOf("2019-06")] > 0);
    }

    [Fact]
    public void Help_request_types_over_May_2017_to_December_2020_are_53_24_8_15_percent()
    {
        var answered = Shipped.Register.Answered().In(Period.Answer232);
        Tally[] groups =
        [
            answered.From(Requester.Self).Total(),
            answered.From(Requester.CloseEnvironment).Total(),
            answered.From(Requester.Professional).Total(),
            answered.From(Requester.WiderEnvironment, Requester.Other, Requester.Unknown).Total(),
        ];
        Assert.Equal([797, 361, 120, 225], Values(groups));
        Assert.Equal([53.03, 24.02, 7.98, 14.97], groups.Select(g => Math.Round(g.ShareOf(answered.Total()).Exact, 2)));

        // The table of the answer counts the same contacts, one row per type.
        var table = ContactTables.HelpRequests(Shipped.Register, Period.Answer232);
        Assert.Equal(answered.Total().Value, table.Total.Value);
        Assert.Equal((797, 361, 120), (table["self"].Value, table["close_environment"].Value, table["professional"].Value));
        Assert.Equal(225, table["wider_environment"].Value + table["other"].Value + table["unknown"].Value);
    }

    [Fact]
    public void In_2020_the_close_environment_takes_a_larger_share_than_before()
    {
        double Share(Period p) => ContactTables.HelpRequests(Shipped.Register, p).ShareOf("close_environment").Exact;
        Assert.Equal(Shipped.Register.Answered().In(Period.Year(2020)).Count, ContactTables.HelpRequests(Shipped.Register, Period.Year(2020)).Total.Value);
        Assert.True(Share(Period.Year(2020)) > Share(Period.Months(2017, 5, 2019, 12)) + 5);
    }

    [Fact]
    public void Gender_and_age_completeness_counts_what_is_recorded_per_year()
    {
        var table = ContactTables.GenderAndAgeCompleteness(Shipped.Register);
        Assert.Equal(325, table.Count("2017", "answered").Value);
        int recorded = Shipped.Register.Answered().In(Period.Year(2017)).Count(c => c.Gender != Gender.Unknown);
        Assert.Equal(recorded, table.Count("2017", "gender_recorded").Value);
        Assert.InRange(table.RowKeys.Max(year => Assert.IsType<Share>(table[year, "gender_recorded_share"]).Exact), 1, 99);
    }

    [Fact]
    public void The_four_unanswered_totals_are_164_1961_713_and_3823()
    {
        var totals = UnansweredTables.Totals(Shipped.Register);
        Assert.Equal([164, 1961, 713, 3823], Pages.Counts(totals, "contacts"));
    }

    [Fact]
    public void Unanswered_per_month_adds_up_to_the_totals()
    {
        var phone = UnansweredTables.PerMonth(Shipped.Register.In(Period.Answer232Phone), Channel.Phone);
        Assert.Equal("month", phone.RowBreakdown?.Name);
        Assert.Equal(["busy", "closed"], phone.ColumnKeys);
        Assert.Equal((164, 1961), (Values(phone.Column("busy")).Sum(), Values(phone.Column("closed")).Sum()));
    }

    [Fact]
    public void Sixty_percent_of_missed_phone_contacts_come_from_a_new_number()
    {
        var share = UnansweredTables.NewNumberShare(Shipped.Register, Period.Answer232Phone);
        var period = Assert.Single(share.RowKeys);
        var newShare = Assert.IsType<Share>(share[period, "new_share"]);
        Assert.Equal((2125, 1275, 60.0), (share.Count(period, "missed").Value, share.Count(period, "new_number").Value, Math.Round(newShare.Exact, 2)));
    }

    [Fact]
    public void Closed_hour_contacts_never_fall_in_an_opening_slot()
    {
        var table = UnansweredTables.ClosedByWeekdayAndHour(Shipped.Register, Channel.Chat, Period.Answer232Chat);
        Assert.Equal(0, table["Tuesday", "16:00"].Value);
        Assert.Equal(3823, Values(table.Rows).Sum());
    }

    [Fact]
    public void Referrals_to_end_2020_are_195_of_which_127_about_themselves()
    {
        var byRequester = ReferralTables.ByRequester(Shipped.Register, Period.Answer232);
        Assert.Equal(195, Values(byRequester.Counts.Rows).Sum());
        Assert.Equal(127, byRequester.Counts["self"].Value);
        var perYear = ReferralTables.PerYearByDestination(Shipped.Register.In(Period.Answer232));
        Assert.Equal(195, Values(perYear.Rows).Sum());
        Assert.DoesNotContain("none", perYear.ColumnKeys);
    }

    [Fact]
    public void Self_help_visitors_to_end_2020_are_5492_of_whom_628_returning()
    {
        var table = WebTables.SelfHelpPerMonth(Shipped.Web, new Period(WebTables.SelfHelpStart, new DateOnly(2020, 12, 31)));
        Assert.Equal("2018-12", table.RowKeys[0]);
        Assert.Equal((5492.0, 628.0), (table.Column("visitors").Sum(v => v.Value), table.Column("returning_visitors").Sum(v => v.Value)));
    }

    [Fact]
    public void Website_visitors_per_year_are_the_four_published_figures()
    {
        var table = WebTables.WebsiteVisitorsPerYear(Shipped.Web, Period.Years(2017, 2020));
        Assert.Equal([3343.0, 13191, 35178, 28980], table.Column("visitors").Select(v => v.Value));
        Assert.Equal(80692, table.Total("visitors").Value);
    }
}
