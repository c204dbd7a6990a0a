namespace Helpline.Analysis;

/// <summary>Parts 4 and 5 of the answer: the self-help module and the website. Web statistics are not register counts: shown as they are.</summary>
public static class WebTables
{
    /// <summary>The self-help module's first month: it went online on 14 December 2018.</summary>
    public static readonly DateOnly SelfHelpStart = new(2018, 12, 14);

    /// <summary>4: self-help visitors per month since the start: <c>month</c>, <c>visitors</c>, <c>returning_visitors</c>.</summary>
    public static PublicTable SelfHelpPerMonth(WebStatistics visits, Period? period = null) =>
        new(visits.For(Site.SelfHelp).In(period ?? new Period(SelfHelpStart, DateOnly.MaxValue)).PerMonthFrame());

    /// <summary>5: website visitors per year: <c>year</c>, <c>visitors</c>.</summary>
    public static PublicTable WebsiteVisitorsPerYear(WebStatistics visits, Period? period = null)
    {
        var frame = visits.For(Site.Website).In(period ?? Period.All).PerYearFrame();
        frame.Columns.Remove("returning_visitors");
        return new(frame);
    }

    /// <summary>5: website visitors per month: <c>month</c>, <c>visitors</c>.</summary>
    public static PublicTable WebsiteVisitorsPerMonth(WebStatistics visits, Period? period = null)
    {
        var frame = visits.For(Site.Website).In(period ?? Period.All).PerMonthFrame();
        frame.Columns.Remove("returning_visitors");
        return new(frame);
    }
}
