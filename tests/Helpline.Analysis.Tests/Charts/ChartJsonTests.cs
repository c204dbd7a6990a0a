using Plotly.NET;

namespace Helpline.Analysis.Tests.Charts;

public class ChartJsonTests
{
    public static TheoryData<string> Charts => [.. AnswerCharts().Keys];

    private static Dictionary<string, GenericChart> AnswerCharts()
    {
        var register = Shipped.Register;
        return new Dictionary<string, GenericChart>
        {
            ["contacts per month"] = ContactCharts.PerMonthByChannel(ContactTables.PerMonthByChannel(register)),
            ["contacts per year"] = ContactCharts.PerYearByChannel(ContactTables.PerYearByChannel(register)),
            ["unanswered per month"] = UnansweredCharts.PerMonth(UnansweredTables.PerMonth(register, Channel.Phone), Channel.Phone),
            ["closed hours heat map"] = UnansweredCharts.ClosedHeatmap(Helpline.Analysis.Disclosure.Protect(
                UnansweredTables.ClosedByWeekdayAndHour(register, Channel.Phone, Period.Answer232Phone), DisclosureOptions.Default),
                Shipped.Hours, Channel.Phone, new DateOnly(2020, 11, 30)),
            ["referrals per year"] = ReferralCharts.PerYearByDestination(Helpline.Analysis.Disclosure.Protect(
                ReferralTables.PerYearByDestination(register), DisclosureOptions.Default)),
        };
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void The_figure_JSON_is_what_Plotly_NET_itself_writes(string name)
    {
        var chart = AnswerCharts()[name];
        Assert.Equal(GenericChart.toFigureJson(chart), ChartJson.Of(chart));
    }
}
