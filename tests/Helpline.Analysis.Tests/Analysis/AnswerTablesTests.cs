using Microsoft.Data.Analysis;

namespace Helpline.Analysis.Tests.Analysis;

/// <summary>Every table of the answer, on the shipped register: the calibrated totals come out exactly.</summary>
public class AnswerTablesTests
{
    private static int Row(DataFrame frame, string keyColumn, string key, string column)
    {
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            if ((string)frame[keyColumn][i] == key)
                return Convert.ToInt32(frame[column][i], System.Globalization.CultureInfo.InvariantCulture);
        }
        throw new KeyNotFoundException(key);
    }

    [Fact]
    public void Contacts_per_year_are_the_published_series_2017_to_2023()
    {
        var frame = ContactTables.PerYearByChannel(Shipped.Register);
        Assert.Equal(["2017", "2018", "2019", "2020", "2021", "2022", "2023"], frame["year"].Cast<string>());
        Assert.Equal([325, 447, 281, 450, 410, 356, 468], frame["total"].Cast<int>());
        Assert.Equal((220, 184, 64), (Row(frame, "year", "2023", "phone"), Row(frame, "year", "2023", "email"), Row(frame, "year", "2023", "chat")));
    }

    [Fact]
    public void Contacts_per_month_add_up_to_the_year_totals_and_chat_starts_in_June_2019()
    {
        var frame = ContactTables.PerMonthByChannel(Shipped.Register);
        Assert.Equal("2017-05", frame["month"][0]);
        Assert.Equal(2737, frame["total"].Cast<int>().Sum());
        var months = frame["month"].Cast<string>().ToList();
        var chat = frame["chat"].Cast<int>().ToList();
        Assert.Equal(0, chat.Take(months.IndexOf("2019-06")).Sum());
        Assert.True(chat[months.IndexOf("2019-06")] > 0);
    }

    [Fact]
    public void Help_request_types_over_May_2017_to_December_2020_are_53_24_8_15_percent()
    {
        var groups = ContactTables.RequesterGroups(Shipped.Register, Period.Answer232);
        Assert.Equal([797, 361, 120, 225], groups["contacts"].Cast<int>());
        Assert.Equal([53.03, 24.02, 7.98, 14.97], groups["share"].Cast<double>());
    }

    [Fact]
    public void In_2020_the_close_environment_takes_a_larger_share_than_before()
    {
        double Share(Period p) => Row(ContactTables.HelpRequestTypes(Shipped.Register, p), "requester", "close_environment", "contacts")
            * 100.0 / Shipped.Register.Answered().In(p).Count;
        Assert.True(Share(Period.Year(2020)) > Share(Period.Months(2017, 5, 2019, 12)) + 5);
    }

    [Fact]
    public void Gender_and_age_completeness_counts_what_is_recorded_per_year()
    {
        var frame = ContactTables.GenderAndAgeCompleteness(Shipped.Register);
        Assert.Equal(325, Row(frame, "year", "2017", "answered"));
        int recorded = Shipped.Register.Answered().In(Period.Year(2017)).Count(c => c.Gender != Gender.Unknown);
        Assert.Equal(recorded, Row(frame, "year", "2017", "gender_recorded"));
        Assert.InRange(frame["gender_recorded_share"].Cast<double>().Max(), 1, 99);
    }

    [Fact]
    public void The_four_unanswered_totals_are_164_1961_713_and_3823()
    {
        var totals = UnansweredTables.Totals(Shipped.Register);
        Assert.Equal([164, 1961, 713, 3823], totals["contacts"].Cast<int>());
    }

    [Fact]
    public void Unanswered_per_month_adds_up_to_the_totals()
    {
        var phone = UnansweredTables.PerMonth(Shipped.Register.In(Period.Answer232Phone), Channel.Phone);
        Assert.Equal(["month", "busy", "closed", "total"], phone.Columns.Select(c => c.Name));
        Assert.Equal((164, 1961), (phone["busy"].Cast<int>().Sum(), phone["closed"].Cast<int>().Sum()));
    }

    [Fact]
    public void Sixty_percent_of_missed_phone_contacts_come_from_a_new_number()
    {
        var share = UnansweredTables.NewNumberShare(Shipped.Register, Period.Answer232Phone);
        Assert.Equal((2125, 1275, 60.0), (share.Int("missed", 0), share.Int("new_number", 0), (double)share["new_share"][0]));
    }

    [Fact]
    public void Closed_hour_contacts_never_fall_in_an_opening_slot()
    {
        var frame = UnansweredTables.ClosedByWeekdayAndHour(Shipped.Register, Channel.Chat, Period.Answer232Chat);
        Assert.Equal(0, Row(frame, "weekday", "Tuesday", "16:00"));
        Assert.Equal(3823, frame["total"].Cast<int>().Sum());
    }

    [Fact]
    public void Referrals_to_end_2020_are_195_of_which_127_about_themselves()
    {
        var byRequester = ReferralTables.ByRequester(Shipped.Register, Period.Answer232);
        Assert.Equal(195, byRequester["referred"].Cast<int>().Sum());
        Assert.Equal(127, Row(byRequester, "requester", "self", "referred"));
        var perYear = ReferralTables.PerYearByDestination(Shipped.Register.In(Period.Answer232));
        Assert.Equal(195, perYear["total"].Cast<int>().Sum());
        Assert.DoesNotContain("none", perYear.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Self_help_visitors_to_end_2020_are_5492_of_whom_628_returning()
    {
        var frame = WebTables.SelfHelpPerMonth(Shipped.Web, new Period(WebTables.SelfHelpStart, new DateOnly(2020, 12, 31)));
        Assert.Equal("2018-12", frame["month"][0]);
        Assert.Equal((5492, 628), (frame["visitors"].Cast<int>().Sum(), frame["returning_visitors"].Cast<int>().Sum()));
    }

    [Fact]
    public void Website_visitors_per_year_are_the_four_published_figures()
    {
        var frame = WebTables.WebsiteVisitorsPerYear(Shipped.Web, Period.Years(2017, 2020));
        Assert.Equal([3343, 13191, 35178, 28980], frame["visitors"].Cast<int>());
        Assert.Equal(80692, frame["visitors"].Cast<int>().Sum());
    }
}
