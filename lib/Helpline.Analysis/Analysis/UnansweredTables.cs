using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>Part 2 of the answer: contacts lost to a busy line or to closed hours, and how many came from a new number.</summary>
public static class UnansweredTables
{
    /// <summary>Busy and closed contacts of one channel per month: <c>month</c>, <c>busy</c>, <c>closed</c>, <c>total</c>.</summary>
    public static DataFrame PerMonth(Register register, Channel channel)
    {
        var frame = register.On(channel).Missed().CountBy(Breakdown.Month, Breakdown.Outcome);
        frame.Columns.Remove("answered");
        return frame;
    }

    /// <summary>The four totals of the answer, each in its own window: <c>channel</c>, <c>outcome</c>, <c>period</c>, <c>contacts</c>.</summary>
    public static DataFrame Totals(Register register)
    {
        (Channel Channel, Outcome Outcome, Period Period)[] cells =
        [
            (Channel.Phone, Outcome.Busy, Period.Answer232Phone),
            (Channel.Phone, Outcome.Closed, Period.Answer232Phone),
            (Channel.Chat, Outcome.Busy, Period.Answer232Chat),
            (Channel.Chat, Outcome.Closed, Period.Answer232Chat),
        ];
        return new DataFrame(
            Frames.Strings("channel", cells.Select(c => c.Channel.Code())),
            Frames.Strings("outcome", cells.Select(c => c.Outcome.Code())),
            Frames.Strings("period", cells.Select(c => c.Period.ToString())),
            Frames.Ints("contacts", cells.Select(c => register.On(c.Channel).With(c.Outcome).In(c.Period).Count)));
    }

    /// <summary>Missed phone contacts and how many came from a number no earlier row has:
    /// <c>missed</c>, <c>new_number</c>, <c>known_number</c>, <c>no_key</c>, <c>new_share</c> (percent).</summary>
    public static DataFrame NewNumberShare(Register register, Period period)
    {
        var missed = register.On(Channel.Phone).Missed().In(period);
        var callers = missed.CountBy(Breakdown.Caller);
        int fresh = callers.Int("contacts", 0), noKey = callers.Int("contacts", 2);
        return new DataFrame(
            Frames.Strings("period", [period.ToString()]),
            Frames.Ints("missed", [missed.Count]),
            Frames.Ints("new_number", [fresh]),
            Frames.Ints("known_number", [missed.Count - fresh - noKey]),
            Frames.Ints("no_key", [noKey]),
            Frames.Doubles("new_share", [Frames.Percent(fresh, missed.Count - noKey)]));
    }

    /// <summary>When closed-hour contacts of a channel arrive: <c>weekday</c> by <c>00:00</c> ... <c>23:00</c>.</summary>
    public static DataFrame ClosedByWeekdayAndHour(Register register, Channel channel, Period period) =>
        register.On(channel).With(Outcome.Closed).In(period).CountBy(Breakdown.Weekday, Breakdown.Hour);
}
