using Helpline.Analysis;

namespace Helpline.Benchmarks;

/// <summary>Every aggregation the answer's tables need, as the notebooks compute them; <c>compare_pandas.py</c> does the same.</summary>
internal static class AnswerAggregations
{
    public static int Run(Register register)
    {
        long cells = 0;
        cells += ContactTables.PerMonthByChannel(register).Rows.Count;
        cells += ContactTables.PerYearByChannel(register).Rows.Count;
        cells += ContactTables.HelpRequests(register, Period.Answer232).Rows.Count;
        cells += ContactTables.HelpRequests(register, Period.Year(2020)).Rows.Count;
        cells += ContactTables.GenderAndAgeCompleteness(register).RowKeys.Count;
        cells += UnansweredTables.Totals(register).RowKeys.Count;
        cells += UnansweredTables.PerMonth(register, Channel.Phone).Rows.Count;
        cells += UnansweredTables.PerMonth(register, Channel.Chat).Rows.Count;
        cells += UnansweredTables.NewNumberShare(register, Period.Answer232Phone).RowKeys.Count;
        cells += UnansweredTables.ClosedByWeekdayAndHour(register, Channel.Phone, Period.Answer232Phone).Rows.Count;
        cells += UnansweredTables.ClosedByWeekdayAndHour(register, Channel.Chat, Period.Answer232Chat).Rows.Count;
        cells += ReferralTables.PerYearByDestination(register).Rows.Count;
        cells += ReferralTables.ByRequester(register, Period.Answer232).Counts.Rows.Count;
        return (int)cells;
    }
}
