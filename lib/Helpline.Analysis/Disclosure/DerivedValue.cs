namespace Helpline.Analysis;

/// <summary>A value computed from another released value (a difference, an agreement): withheld whenever its source is.</summary>
internal sealed class DerivedValue(IReleasedValue source, Func<double, string> text) : IReleasedValue
{
    IEnumerable<Statistic> IReleasedValue.Statistics => source.Statistics;

    string IReleasedValue.Text(Release release) => source.Shown(release) is { } value ? text(value) : release.Withheld(source.Statistics);

    double? IReleasedValue.Shown(Release release) => source.Shown(release);
}
