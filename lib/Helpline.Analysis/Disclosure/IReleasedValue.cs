namespace Helpline.Analysis;

/// <summary>A number derived from register statistics that a sentence or a table cell may show: a count, a share, a mean.</summary>
public interface IReleasedValue
{
    internal IEnumerable<Statistic> Statistics { get; }

    /// <summary>The value as the page writes it, or the mark of what the gate withholds.</summary>
    internal string Text(Release release);

    /// <summary>The value when every statistic it comes from is released; null otherwise.</summary>
    internal double? Shown(Release release);
}
