namespace Helpline.Analysis;

/// <summary>Counts added up (say, closed-hour calls and missed chats), released only when every count is.</summary>
public sealed class Sum : IReleasedValue
{
    private readonly IReadOnlyList<Tally> _counts;

    public Sum(params Tally[] counts) => _counts = counts;

    public int Value => _counts.Sum(c => c.Value);

    IEnumerable<Statistic> IReleasedValue.Statistics => _counts.Select(c => c.Statistic);

    string IReleasedValue.Text(Release release) =>
        ((IReleasedValue)this).Shown(release) is { } value ? ((int)value).ToString("N0", NotebookDisplay.Culture) : "x";

    double? IReleasedValue.Shown(Release release) => _counts.All(c => release.IsShown(c.Statistic)) ? Value : null;
}
