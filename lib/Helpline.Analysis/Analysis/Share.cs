using System.Globalization;

namespace Helpline.Analysis;

/// <summary>
/// One count as a percentage of another, computed from released counts only: withheld when either is, and in whole
/// percent when either is a sensitive count, so that no share times a total gives back a withheld cell.
/// </summary>
public sealed class Share : IReleasedValue
{
    private Share(IReleasedValue part, IReleasedValue whole, IEnumerable<Statistic> statistics, bool sensitive)
    {
        Part = part;
        Whole = whole;
        _statistics = [.. statistics];
        Decimals = sensitive ? 0 : 1;
    }

    private readonly Statistic[] _statistics;

    public static Share Of(Tally part, Tally whole) => new(part, whole, [part.Statistic, whole.Statistic],
        part.Definition.IsSensitive || whole.Definition.IsSensitive);

    /// <summary>A share of two public numbers (web statistics, published figures): never withheld.</summary>
    public static Share Of(PublicNumber part, PublicNumber whole) => new(part, whole, [], sensitive: false);

    public IReleasedValue Part { get; }

    public IReleasedValue Whole { get; }

    /// <summary>The true percentage, unrounded, for computation.</summary>
    public double Exact => Part is Tally p && Whole is Tally w ? (w.Value == 0 ? 0 : 100.0 * p.Value / w.Value)
        : Part is PublicNumber a && Whole is PublicNumber b ? (b.Value == 0 ? 0 : 100.0 * a.Value / b.Value) : double.NaN;

    /// <summary>0 for a sensitive count, else 1.</summary>
    public int Decimals { get; }

    internal double? Percent(Release release) =>
        Part.Shown(release) is { } part && Whole.Shown(release) is { } whole && whole != 0 ? 100.0 * part / whole : null;

    IEnumerable<Statistic> IReleasedValue.Statistics => _statistics;

    string IReleasedValue.Text(Release release) =>
        Whole.Shown(release) is 0 ? "no data"
        : Percent(release) is { } percent ? Math.Round(percent, Decimals).ToString("0." + new string('#', Decimals), CultureInfo.InvariantCulture) + "%"
        : release.Withheld(_statistics);

    double? IReleasedValue.Shown(Release release) => Percent(release) is { } p ? Math.Round(p, Decimals) : null;
}
