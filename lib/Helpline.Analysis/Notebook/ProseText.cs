using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace Helpline.Analysis;

/// <summary>
/// The holes a sentence of a page may hold: counts, shares and means (written as the release gate decides: a withheld
/// count prints as <c>≤5</c> or <c>x</c>), public numbers, periods and labels. A plain number or text computed in the
/// notebook does not compile into a sentence: it would reach the page without the gate.
/// </summary>
[InterpolatedStringHandler]
public sealed class ProseText
{
    private readonly List<Func<Release, string>> _parts = [];
    private readonly List<Statistic> _statistics = [];

    public ProseText(int literalLength, int formattedCount)
    {
        _ = literalLength;
        _ = formattedCount;
    }

    public void AppendLiteral(string text) => _parts.Add(_ => text);

    /// <summary>A count: <c>{tally}</c> prints the count, <c>{tally:row}</c> its row's label, <c>{tally:column}</c> its column's.</summary>
    public void AppendFormatted(Tally tally, string? format = null)
    {
        switch (format)
        {
            case "row":
                var row = tally.RowKey;
                _parts.Add(_ => row);
                break;
            case "column":
                var column = tally.ColumnKey;
                _parts.Add(_ => column);
                break;
            default:
                Add(tally);
                break;
        }
    }

    public void AppendFormatted(Share share) => Add(share);

    public void AppendFormatted(Mean mean) => Add(mean);

    public void AppendFormatted(PublicNumber number) => Add(number);

    /// <summary>Any other released value of the library: a <see cref="Rate"/>, a <see cref="Sum"/>, an <see cref="Estimate"/>.</summary>
    public void AppendFormatted(IReleasedValue value) => Add(value);

    public void AppendFormatted(PublishedFigure figure) => Add(new PublicNumber(figure.Value ?? double.NaN));

    /// <summary>Counts listed as <c>2017: 325, 2018: 447</c>.</summary>
    public void AppendFormatted(IEnumerable<Tally> tallies)
    {
        var list = tallies.ToList();
        _statistics.AddRange(list.Select(t => t.Statistic));
        _parts.Add(release => string.Join(", ", list.Select(t => $"{t.RowKey}: {((IReleasedValue)t).Text(release)}")));
    }

    public void AppendFormatted(Period period) => _parts.Add(_ => period.ToString());

    public void AppendFormatted(Label label) => _parts.Add(_ => label.Text);

    public void AppendFormatted(Channel channel) => _parts.Add(_ => channel.Label());

    public void AppendFormatted(Requester requester) => _parts.Add(_ => requester.Label());

    [Obsolete("A number computed in the notebook cannot go into a sentence: it would reach the page without the release gate. Use a count (register.Total(), table[\"2020\"]), a Share or a Mean.", error: true)]
    public void AppendFormatted(int value) => throw new NotSupportedException();

    [Obsolete("A number computed in the notebook cannot go into a sentence: it would reach the page without the release gate. Use a count (register.Total(), table[\"2020\"]), a Share or a Mean.", error: true)]
    public void AppendFormatted(double value, string? format = null) => throw new NotSupportedException();

    [Obsolete("Text computed in the notebook cannot go into a sentence: it may carry a number the release gate has not seen. Write the words in the sentence, or use {tally:row} for a label.", error: true)]
    public void AppendFormatted(string value) => throw new NotSupportedException();

    [Obsolete("Only counts, shares, means, public numbers, periods and labels go into a sentence (see ProseText).", error: true)]
    public void AppendFormatted(object value) => throw new NotSupportedException();

    internal IReadOnlyList<Statistic> Statistics => _statistics;

    internal string Render(Release release)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
            text.Append(part(release));
        return text.ToString();
    }

    private void Add(IReleasedValue value)
    {
        _statistics.AddRange(value.Statistics);
        _parts.Add(value.Text);
    }

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}
