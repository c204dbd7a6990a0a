namespace Helpline.Analysis;

/// <summary>Counts added up (say, closed-hour calls and missed chats), released only when every count is.</summary>
public sealed class Sum : IReleasedValue
{
    private readonly Tally[] _counts;

    public Sum(params Tally[] counts) => _counts = counts;

    public int Value => _counts.Sum(c => c.Value);

    IEnumerable<Statistic> IReleasedValue.Statistics => _counts.Select(c => c.Statistic);

    /// <summary>The sum, or the mark of its one count (<c>≤5</c>, <c>..</c>) when it has one, else <c>x</c> (<c>..</c> when a
    /// count claims no range) when a count is withheld.</summary>
    string IReleasedValue.Text(Release release) =>
        _counts.Length == 1 ? release.Text(_counts[0].Statistic)
        : ((IReleasedValue)this).Shown(release) is { } value ? ((int)value).ToString("N0", NotebookDisplay.Culture) : release.Withheld(_counts.Select(c => c.Statistic));

    double? IReleasedValue.Shown(Release release) => _counts.All(c => release.IsShown(c.Statistic)) ? Value : null;
}
