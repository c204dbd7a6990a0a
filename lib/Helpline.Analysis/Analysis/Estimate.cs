using System.Globalization;
using System.Net;

namespace Helpline.Analysis;

/// <summary>
/// A number a model derives from counts of the register (say, the busy calls Erlang-B expects with two counsellors).
/// Its statistics are its inputs: it is shown only when every count it comes from is, and computed from those shown
/// counts, so it tells no more than they do; otherwise it is written <c>x</c>. It is a model's figure, not a count.
/// </summary>
public sealed class Estimate : IReleasedValue, IPageOutput
{
    private readonly IReadOnlyList<Tally> _inputs;
    private readonly Func<IReadOnlyList<double>, double> _model;
    private readonly string _format;

    internal Estimate(string name, IReadOnlyList<Tally> inputs, Func<IReadOnlyList<double>, double> model, string format = "N1")
    {
        Name = name;
        _inputs = inputs;
        _model = model;
        _format = format;
    }

    /// <summary>What the estimate is, as a page says it.</summary>
    public string Name { get; }

    /// <summary>The model's value from the true counts, for computation.</summary>
    public double Value => _model([.. _inputs.Select(t => (double)t.Value)]);

    /// <summary>The counts the model reads.</summary>
    public IReadOnlyList<Tally> Inputs => _inputs;

    public override string ToString() => $"{Name} (a model's estimate, shown on a page through the release gate)";

    IEnumerable<Statistic> IReleasedValue.Statistics => _inputs.Select(t => t.Statistic);

    string IReleasedValue.Text(Release release) =>
        ((IReleasedValue)this).Shown(release) is { } value ? value.ToString(_format, NotebookDisplay.Culture) : release.Withheld(_inputs.Select(t => t.Statistic));

    double? IReleasedValue.Shown(Release release) =>
        _inputs.All(t => release.IsShown(t.Statistic)) ? _model([.. _inputs.Select(t => (double)t.Value)]) : null;

    IEnumerable<Statistic> IPageOutput.Statistics => _inputs.Select(t => t.Statistic);

    IEnumerable<CountTable> IPageOutput.Tables => [];

    PageContent IPageOutput.Render(Release release) => new(string.Create(CultureInfo.InvariantCulture,
        $"<p class=\"count\">{WebUtility.HtmlEncode(Name)} (model): {WebUtility.HtmlEncode(((IReleasedValue)this).Text(release))}</p>"));
}
