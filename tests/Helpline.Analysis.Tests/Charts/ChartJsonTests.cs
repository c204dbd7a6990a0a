using Plotly.NET;

namespace Helpline.Analysis.Tests.Charts;

public class ChartJsonTests
{
    public static TheoryData<string> Charts => [.. AnswerCharts().Keys];

    /// <summary>The charts of the answer as a page draws them: the sensitive ones under the gate's own decision.</summary>
    private static Dictionary<string, GenericChart> AnswerCharts()
    {
        var register = Shipped.Register;
        static GenericChart Shown(Figure figure) => figure.Draw(Releases.ShowingAll(figure));
        static GenericChart Protected(Figure figure) => figure.Draw(Releases.Decided(figure));
        return new Dictionary<string, GenericChart>
        {
            ["contacts per month"] = Shown(ContactCharts.PerMonthByChannel(ContactTables.PerMonthByChannel(register))),
            ["contacts per year"] = Shown(ContactCharts.PerYearByChannel(ContactTables.PerYearByChannel(register))),
            ["unanswered per month"] = Shown(UnansweredCharts.PerMonth(UnansweredTables.PerMonth(register, Channel.Phone), Channel.Phone)),
            ["closed hours heat map"] = Protected(UnansweredCharts.ClosedHeatmap(
                UnansweredTables.ClosedByWeekdayAndHour(register, Channel.Phone, Period.Answer232Phone), Shipped.Hours, Channel.Phone, new DateOnly(2020, 11, 30))),
            ["referrals per year"] = Protected(ReferralCharts.PerYearByDestination(ReferralTables.PerYearByDestination(register))),
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
