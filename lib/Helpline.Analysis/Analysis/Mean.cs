using System.Globalization;
using System.Net;

namespace Helpline.Analysis;

/// <summary>
/// The mean of some counts (say, answered contacts per month over the rows of a table), released only when every count
/// is. For a rate over a period from its total, which is released more often, see <see cref="Register.PerMonth"/>.
/// </summary>
public sealed class Mean : IReleasedValue, IPageOutput
{
    private readonly IReadOnlyList<Tally> _counts;

    internal Mean(IReadOnlyList<Tally> counts) => _counts = counts;

    /// <summary>How many counts the mean is over (months, weeks...).</summary>
    public int Over => _counts.Count;

    /// <summary>The true mean, for computation.</summary>
    public double Value => _counts.Count == 0 ? 0 : _counts.Average(c => c.Value);

    IEnumerable<Statistic> IReleasedValue.Statistics => _counts.Select(c => c.Statistic);

    string IReleasedValue.Text(Release release) =>
        ((IReleasedValue)this).Shown(release) is { } mean ? mean.ToString("N1", NotebookDisplay.Culture) : release.Withheld(_counts.Select(c => c.Statistic));

    double? IReleasedValue.Shown(Release release) =>
        _counts.Count > 0 && _counts.All(c => release.IsShown(c.Statistic)) ? Math.Round(Value, 1, MidpointRounding.AwayFromZero) : null;

    IEnumerable<Statistic> IPageOutput.Statistics => _counts.Select(c => c.Statistic);

    IEnumerable<CountTable> IPageOutput.Tables => [];

    PageContent IPageOutput.Render(Release release) => new(string.Create(CultureInfo.InvariantCulture,
        $"<p class=\"count\">mean of {Over} counts ({WebUtility.HtmlEncode(_counts.Count > 0 ? _counts[0].Table.CountName : "contacts")}): {WebUtility.HtmlEncode(((IReleasedValue)this).Text(release))}</p>"));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"mean of {Over} counts");
}
