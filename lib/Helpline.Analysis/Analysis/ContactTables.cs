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
        int self = answered.From(Requester.Self).Count, close = answered.From(Requester.CloseEnvironment).Count,
            professional = answered.From(Requester.Professional).Count;
        int[] counts = [self, close, professional, answered.Count - self - close - professional];
        return new DataFrame(
            Frames.Strings("group", ["self", "close_environment", "professional", "other"]),
            Frames.Ints("contacts", counts),
            Frames.Doubles("share", counts.Select(n => Frames.Percent(n, answered.Count))));
    }

    /// <summary>1c: per year, how many answered contacts have gender and age recorded: <c>year</c>, <c>answered</c>,
    /// <c>gender_recorded</c>, <c>gender_recorded_share</c>, <c>age_recorded</c>, <c>age_recorded_share</c>.</summary>
    public static DataFrame GenderAndAgeCompleteness(Register register)
    {
        var answered = register.Answered();
        var gender = answered.CountBy(Breakdown.Year, Breakdown.Gender);
        var age = answered.CountBy(Breakdown.Year, Breakdown.AgeBand);
        // Years without an answered contact have nothing to be complete about: they are left out.
        var years = Enumerable.Range(0, (int)gender.Rows.Count).Where(i => gender.Int("total", i) > 0).ToList();
        int Answered(int i) => gender.Int("total", i);
        int WithGender(int i) => Answered(i) - gender.Int(Gender.Unknown.Code(), i);
        int WithAge(int i) => Answered(i) - age.Int(AgeBand.Unknown.Code(), i);
        return new DataFrame(
            Frames.Strings("year", years.Select(i => (string)gender["year"][i])),
            Frames.Ints("answered", years.Select(Answered)),
            Frames.Ints("gender_recorded", years.Select(WithGender)),
            Frames.Doubles("gender_recorded_share", years.Select(i => Frames.Percent(WithGender(i), Answered(i)))),
            Frames.Ints("age_recorded", years.Select(WithAge)),
            Frames.Doubles("age_recorded_share", years.Select(i => Frames.Percent(WithAge(i), Answered(i)))));
    }
}
