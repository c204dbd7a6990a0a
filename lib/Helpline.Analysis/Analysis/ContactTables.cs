namespace Helpline.Analysis;

/// <summary>Part 1 of the answer: contacts per month, year and channel (1a); type of help request (1b); gender and age (1c).</summary>
public static class ContactTables
{
    private static readonly AgeBand[] KnownAges = [.. Enum.GetValues<AgeBand>().Where(a => a != AgeBand.Unknown)];

    /// <summary>1a: answered contacts per month by channel.</summary>
    public static CountTable PerMonthByChannel(Register register) =>
        register.Answered().CountBy(Breakdown.Month, Breakdown.Channel);

    /// <summary>1a: answered contacts per year by channel.</summary>
    public static CountTable PerYearByChannel(Register register) =>
        register.Answered().CountBy(Breakdown.Year, Breakdown.Channel);

    /// <summary>1b: answered contacts by type of help request in a period (a sensitive breakdown).</summary>
    public static CountTable HelpRequests(Register register, Period period) =>
        register.Answered().In(period).CountBy(Breakdown.Requester);

    /// <summary>1b over time: per year, the share of each type of help request in the year's answered contacts.</summary>
    public static ShareTable RequesterSharesPerYear(Register register) =>
        register.Answered().CountBy(Breakdown.Year, Breakdown.Requester).SharesOfRows();

    /// <summary>1a over time: per year, the share of each channel in the year's answered contacts.</summary>
    public static ShareTable ChannelSharesPerYear(Register register) =>
        PerYearByChannel(register).SharesOfRows();

    /// <summary>1c: per year, how many answered contacts have a gender and an age band recorded: <c>year</c>, <c>answered</c>,
    /// <c>gender_recorded</c>, <c>gender_recorded_share</c>, <c>age_recorded</c>, <c>age_recorded_share</c>. Recorded
    /// counts are counts of a sensitive breakdown: released with the gender and age tables, not beside them.</summary>
    public static ReleasedTable GenderAndAgeCompleteness(Register register)
    {
        var answered = register.Answered();
        var table = new ReleasedTable("year", "answered", "gender_recorded", "gender_recorded_share", "age_recorded", "age_recorded_share");
        var perYear = answered.CountBy(Breakdown.Year);
        // Years without an answered contact have nothing to be complete about: they are left out.
        foreach (var year in perYear.Rows.Where(y => y.Value > 0))
        {
            var inYear = answered.In(Period.Year(int.Parse(year.RowKey, System.Globalization.CultureInfo.InvariantCulture)));
            var gender = inYear.WithGender(Gender.Male, Gender.Female, Gender.Other).Total();
            var age = inYear.WithAge(KnownAges).Total();
            table.Row(year.RowKey, year, gender, Share.Of(gender, year), age, Share.Of(age, year));
        }
        return table;
    }
}
