using System.Globalization;

namespace Helpline.Analysis;

/// <summary>A count per unit (say, calls a week), released only when the count is.</summary>
public sealed class Rate : IReleasedValue
{
    private readonly Tally _count;

    public Rate(Tally count, double per, int decimals = 2)
    {
        _count = count;
        Per = per;
        Decimals = decimals;
    }

    /// <summary>What the count is divided by (weeks, months...).</summary>
    public double Per { get; }

    public int Decimals { get; }

    public double Value => Math.Round(_count.Value / Per, Decimals);

    IEnumerable<Statistic> IReleasedValue.Statistics => [_count.Statistic];

    string IReleasedValue.Text(Release release) =>
        release.IsShown(_count.Statistic) ? Value.ToString("0." + new string('#', Decimals), CultureInfo.InvariantCulture) : "x";

    double? IReleasedValue.Shown(Release release) => release.IsShown(_count.Statistic) ? Value : null;
}
