using System.Globalization;
using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>Part 1 of the answer: contacts per month, year and channel (1a); type of help request (1b); gender and age (1c).</summary>
public static class ContactTables
{
    /// <summary>1a: answered contacts per month: <c>month</c>, <c>phone</c>, <c>chat</c>, <c>email</c>, <c>total</c>.</summary>
    public static DataFrame PerMonthByChannel(Register register) =>
        register.Answered().CountBy(Breakdown.Month, Breakdown.Channel);

    /// <summary>1a: answered contacts per year: <c>year</c>, <c>phone</c>, <c>chat</c>, <c>email</c>, <c>total</c>.</summary>
    public static DataFrame PerYearByChannel(Register register) =>
        register.Answered().CountBy(Breakdown.Year, Breakdown.Channel);

    /// <summary>1b: answered contacts by type of help request in a period: <c>requester</c> (code), <c>label</c>,
    /// <c>contacts</c>, <c>share</c> (percent). Unknown shows only when some are unknown.</summary>
    public static DataFrame HelpRequestTypes(Register register, Period period) =>
        Frames.ByRequester(register.Answered().In(period), "contacts");

    /// <summary>1b: answered contacts by type of help request, counts only (<c>requester</c>, <c>contacts</c>): the input of
    /// <see cref="Disclosure.Protect(DataFrame, DisclosureOptions)"/> before a pie is drawn.</summary>
    public static DataFrame HelpRequestCounts(Register register, Period period)
    {
        var types = HelpRequestTypes(register, period);
        return new DataFrame(types["requester"].Clone(), types["contacts"].Clone());
    }

    /// <summary>1b over time: per year, the share (percent) of each type of help request: <c>year</c>, one column per requester code.</summary>
    public static DataFrame RequesterSharesPerYear(Register register)
    {
        var counts = register.Answered().CountBy(Breakdown.Year, Breakdown.Requester);
        var totals = counts["total"].Cast<int>().ToArray();
        var frame = new DataFrame(counts["year"].Clone());
        foreach (var requester in Enum.GetValues<Requester>())
        {
            var column = counts[requester.Code()].Cast<int>().ToArray();
            if (requester == Requester.Unknown && column.All(c => c == 0))
                continue;
            frame.Columns.Add(Frames.Doubles(requester.Code(), column.Select((n, i) => Frames.Percent(n, totals[i]))));
        }
        return frame;
    }

    /// <summary>1a over time: per year, the share (percent) of each channel: <c>year</c>, <c>phone</c>, <c>chat</c>, <c>email</c>.</summary>
    public static DataFrame ChannelSharesPerYear(Register register)
    {
        var counts = PerYearByChannel(register);
        var totals = counts["total"].Cast<int>().ToArray();
        var frame = new DataFrame(counts["year"].Clone());
        foreach (var channel in Enum.GetValues<Channel>())
            frame.Columns.Add(Frames.Doubles(channel.Code(), counts[channel.Code()].Cast<int>().Select((n, i) => Frames.Percent(n, totals[i]))));
        return frame;
    }

    /// <summary>1b, in the four groups the press reported (self, close environment, professional, other with the
    /// wider environment and unknown): <c>group</c>, <c>contacts</c>, <c>share</c>.</summary>
    public static DataFrame RequesterGroups(Register register, Period period)
    {
        var answered = register.Answered().In(period);
        static string Group(Requester r) => r switch
        {
            Requester.Self => "self",
            Requester.CloseEnvironment => "close_environment",
            Requester.Professional => "professional",
            _ => "other",
        };
        string[] groups = ["self", "close_environment", "professional", "other"];
        var counts = groups.Select(g => answered.Count(c => Group(c.Requester) == g)).ToArray();
        return new DataFrame(
            Frames.Strings("group", groups),
            Frames.Ints("contacts", counts),
            Frames.Doubles("share", counts.Select(n => Frames.Percent(n, answered.Count))));
    }

    /// <summary>1c: per year, how many answered contacts have gender and age recorded: <c>year</c>, <c>answered</c>,
    /// <c>gender_recorded</c>, <c>gender_recorded_share</c>, <c>age_recorded</c>, <c>age_recorded_share</c>.</summary>
    public static DataFrame GenderAndAgeCompleteness(Register register)
    {
        var years = register.Answered().GroupBy(c => c.ReceivedAt.Year).OrderBy(g => g.Key).ToList();
        return new DataFrame(
            Frames.Strings("year", years.Select(g => g.Key.ToString(CultureInfo.InvariantCulture))),
            Frames.Ints("answered", years.Select(g => g.Count())),
            Frames.Ints("gender_recorded", years.Select(g => g.Count(c => c.Gender != Gender.Unknown))),
            Frames.Doubles("gender_recorded_share", years.Select(g => Frames.Percent(g.Count(c => c.Gender != Gender.Unknown), g.Count()))),
            Frames.Ints("age_recorded", years.Select(g => g.Count(c => c.AgeBand != AgeBand.Unknown))),
            Frames.Doubles("age_recorded_share", years.Select(g => Frames.Percent(g.Count(c => c.AgeBand != AgeBand.Unknown), g.Count()))));
    }
}
