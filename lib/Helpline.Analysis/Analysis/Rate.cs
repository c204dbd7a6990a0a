using System.Globalization;
using System.Net;

namespace Helpline.Analysis;

/// <summary>
/// A count per unit (say, answered chats a month, calls a week), released only when the count is: the divisor is
/// public (a number of months or weeks), so the rate tells no more than its count. Made by <see cref="Register.PerMonth"/>,
/// <see cref="Register.PerWeek"/> and <see cref="CountTable.PerMonth"/>; a cell may show it or put it in a sentence.
/// </summary>
public sealed class Rate : IReleasedValue, IPageOutput
{
    private readonly Tally _count;

    public Rate(Tally count, double per, int decimals = 2) : this(count, per, decimals, null)
    {
    }

    internal Rate(Tally count, double per, int decimals, string? name)
    {
        _count = count;
        Per = per;
        Decimals = decimals;
        Name = name ?? $"{count.Table.CountName} per unit";
    }

    /// <summary>What the count is divided by (weeks, months...).</summary>
    public double Per { get; }

    public int Decimals { get; }

    /// <summary>What the rate is, as a page says it: <c>answered a month</c>, <c>attempts a week</c>.</summary>
    public string Name { get; }

    /// <summary>The count it comes from.</summary>
    public Tally Count => _count;

    public double Value => Per == 0 ? 0 : Math.Round(_count.Value / Per, Decimals);

    public override string ToString() => $"{Name} (shown on a page through the release gate)";

    IEnumerable<Statistic> IReleasedValue.Statistics => [_count.Statistic];

    string IReleasedValue.Text(Release release) =>
        release.IsShown(_count.Statistic) ? Value.ToString("#,0." + new string('#', Decimals), NotebookDisplay.Culture) : release.Withheld([_count.Statistic]);

    double? IReleasedValue.Shown(Release release) => release.IsShown(_count.Statistic) ? Value : null;

    IEnumerable<Statistic> IPageOutput.Statistics => [_count.Statistic];

    IEnumerable<CountTable> IPageOutput.Tables => [];

    PageContent IPageOutput.Render(Release release) =>
        new($"<p class=\"count\">{WebUtility.HtmlEncode(Name)}: {WebUtility.HtmlEncode(((IReleasedValue)this).Text(release))}</p>");

    /// <summary>How many months a span of days is: whole calendar months counted as such, other spans as days / 30.44.</summary>
    internal static double Months(Period days) =>
        days.IsEmpty ? 0
        : days.Start.Day == 1 && days.End.AddDays(1).Day == 1 ? days.End.Year * 12 + days.End.Month - days.Start.Year * 12 - days.Start.Month + 1
        : (days.End.DayNumber - days.Start.DayNumber + 1) / (365.2425 / 12);

    /// <summary>How many weeks a span of days is: days / 7.</summary>
    internal static double Weeks(Period days) => days.IsEmpty ? 0 : (days.End.DayNumber - days.Start.DayNumber + 1) / 7.0;

    /// <summary>The invariant text for a CSV cell.</summary>
    internal string Invariant(Release release) =>
        release.IsShown(_count.Statistic) ? Value.ToString("0." + new string('#', Decimals), CultureInfo.InvariantCulture) : release.Withheld([_count.Statistic]);
}
