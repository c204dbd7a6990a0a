using System.Collections;
using System.Globalization;
using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>Monthly visitors of the website and the self-help module, with a small vocabulary like <see cref="Register"/>'s.</summary>
public sealed class WebStatistics : IReadOnlyList<WebVisits>
{
    private readonly WebVisits[] _rows;

    public WebStatistics(IEnumerable<WebVisits> rows) => _rows = [.. rows.OrderBy(r => r.Month).ThenBy(r => r.Site)];

    public int Count => _rows.Length;

    public WebVisits this[int index] => _rows[index];

    /// <summary>Loads a web-statistics file (default: the shipped synthetic one) and drops the cleaning report.</summary>
    public static WebStatistics Load(string? path = null) => WebStatisticsCsv.Load(path ?? DataPaths.Default.WebVisits).Visits;

    public WebStatistics For(Site site) => new(_rows.Where(r => r.Site == site));

    /// <summary>The months that overlap the period (a month is the smallest unit the statistics know).</summary>
    public WebStatistics In(Period period) => new(_rows.Where(r => r.Month <= period.End && r.Month.AddMonths(1).AddDays(-1) >= period.Start));

    /// <summary>Visitors: web statistics, public, shown as they are.</summary>
    public PublicNumber Visitors => new(_rows.Sum(r => (long)r.Visitors));

    /// <summary>Returning visitors, counting months that do not record them as zero.</summary>
    public PublicNumber ReturningVisitors => new(_rows.Sum(r => (long)(r.ReturningVisitors ?? 0)));

    /// <summary>Columns <c>month</c>, <c>visitors</c>, <c>returning_visitors</c>: one row per month present.</summary>
    public PublicTable PerMonth() => new(PerMonthFrame());

    /// <summary>Columns <c>year</c>, <c>visitors</c>, <c>returning_visitors</c>.</summary>
    public PublicTable PerYear() => new(PerYearFrame());

    internal DataFrame PerMonthFrame() => Group(r => r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), "month");

    internal DataFrame PerYearFrame() => Group(r => r.Month.Year.ToString(CultureInfo.InvariantCulture), "year");

    private DataFrame Group(Func<WebVisits, string> key, string name)
    {
        var groups = _rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new DataFrame(
            new StringDataFrameColumn(name, groups.Select(g => g.Key)),
            new Int32DataFrameColumn("visitors", groups.Select(g => g.Sum(r => r.Visitors))),
            new Int32DataFrameColumn("returning_visitors", groups.Select(g => g.All(r => r.ReturningVisitors is null) ? (int?)null : g.Sum(r => r.ReturningVisitors ?? 0))));
    }

    public IEnumerator<WebVisits> GetEnumerator() => ((IEnumerable<WebVisits>)_rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
