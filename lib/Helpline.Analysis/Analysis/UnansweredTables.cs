namespace Helpline.Analysis;

/// <summary>Part 2 of the answer: contacts lost to a busy line or to closed hours, and how many came from a new number.</summary>
public static class UnansweredTables
{
    /// <summary>Busy and closed contacts of one channel per month.</summary>
    public static CountTable PerMonth(Register register, Channel channel) =>
        register.On(channel).Missed().CountBy(Breakdown.Month, Breakdown.Outcome);

    /// <summary>The four totals of the answer, each in its own window: <c>channel</c>, <c>outcome</c>, <c>period</c>, <c>contacts</c>.</summary>
    public static ReleasedTable Totals(Register register)
    {
        (Channel Channel, Outcome Outcome, Period Period)[] cells =
        [
            (Channel.Phone, Outcome.Busy, Period.Answer232Phone),
            (Channel.Phone, Outcome.Closed, Period.Answer232Phone),
            (Channel.Chat, Outcome.Busy, Period.Answer232Chat),
            (Channel.Chat, Outcome.Closed, Period.Answer232Chat),
        ];
        var table = new ReleasedTable("channel", "outcome", "period", "contacts");
        foreach (var (channel, outcome, period) in cells)
            table.Row($"{channel.Code()}", outcome.Code(), period.ToString(), register.On(channel).With(outcome).In(period).Total());
        return table;
    }

    /// <summary>Missed phone contacts and how many came from a number no earlier row has: <c>period</c>, <c>missed</c>,
    /// <c>new_number</c>, <c>known_number</c>, <c>no_key</c>, <c>new_share</c> (of the missed contacts with a key).</summary>
    public static ReleasedTable NewNumberShare(Register register, Period period)
    {
        var missed = register.On(Channel.Phone).Missed().In(period);
        var callers = missed.CountBy(Breakdown.Caller);
        var withKey = missed.WithCaller(CallerHistory.New, CallerHistory.Known).Total();
        return new ReleasedTable("period", "missed", "new_number", "known_number", "no_key", "new_share")
            .Row(period.ToString(), callers.Total, callers["new"], callers["known"], callers["no key"], Share.Of(callers["new"], withKey));
    }

    /// <summary>When closed-hour contacts of a channel arrive: weekday by hour (a sensitive breakdown: finer than a month).</summary>
    public static CountTable ClosedByWeekdayAndHour(Register register, Channel channel, Period period) =>
        register.On(channel).With(Outcome.Closed).In(period).CountBy(Breakdown.Weekday, Breakdown.Hour);
}
