using System.Globalization;

namespace Helpline.Analysis;

/// <summary>
/// Recomputes every published figure the register and web statistics can recompute, and sets it beside the
/// published value. Disagreements are shown, never smoothed: two sources that disagree both keep their row. A
/// recomputed count passes the release gate like any count; one equal to its published figure is public already.
/// </summary>
public static class Reconciliation
{
    private delegate IReleasedValue Compute(Register register, WebStatistics visits, Period period);

    private static readonly Dictionary<string, Compute> Computations = new(StringComparer.Ordinal)
    {
        ["a2.phone_busy"] = (r, _, p) => r.On(Channel.Phone).With(Outcome.Busy).In(p).Total(),
        ["a2.phone_closed"] = (r, _, p) => r.On(Channel.Phone).With(Outcome.Closed).In(p).Total(),
        ["a2.new_number_share"] = (r, _, p) => NewShare(r.On(Channel.Phone).Missed().In(p)),
        ["a2.chat_busy"] = (r, _, p) => r.On(Channel.Chat).With(Outcome.Busy).In(p).Total(),
        ["a2.chat_closed"] = (r, _, p) => r.On(Channel.Chat).With(Outcome.Closed).In(p).Total(),
        ["a3.referrals"] = (r, _, p) => r.Answered().Referred().In(p).Total(),
        ["a3.referrals_self"] = (r, _, p) => r.Answered().Referred().From(Requester.Self).In(p).Total(),
        ["a4.selfhelp_visitors"] = (_, w, p) => w.For(Site.SelfHelp).In(p).Visitors,
        ["a4.selfhelp_returning"] = (_, w, p) => w.For(Site.SelfHelp).In(p).ReturningVisitors,
        ["b.unanswered_since_start"] = (r, _, p) =>
            new Sum(r.On(Channel.Phone).With(Outcome.Closed).In(p).Total(), r.On(Channel.Chat).Missed().In(p).Total()),
        ["b.unique_numbers_closed"] = (r, _, p) =>
            r.On(Channel.Phone).With(Outcome.Closed).In(p).CountCallers(),
        ["b.requester_self_2017_2020"] = (r, _, p) => ShareIn(r.Answered().In(p), a => a.From(Requester.Self)),
        ["b.requester_close_2017_2020"] = (r, _, p) => ShareIn(r.Answered().In(p), a => a.From(Requester.CloseEnvironment)),
        ["b.requester_professional_2017_2020"] = (r, _, p) => ShareIn(r.Answered().In(p), a => a.From(Requester.Professional)),
        ["b.requester_other_2017_2020"] = (r, _, p) =>
            ShareIn(r.Answered().In(p), a => a.From(Requester.WiderEnvironment, Requester.Other, Requester.Unknown)),
        ["b.self_share_2018"] = (r, _, p) => ShareIn(r.Answered().In(p), a => a.From(Requester.Self)),
        ["b.self_share_2022"] = (r, _, p) => ShareIn(r.Answered().In(p), a => a.From(Requester.Self)),
        ["b.self_share_2023"] = (r, _, p) => ShareIn(r.Answered().In(p), a => a.From(Requester.Self)),
        ["b.close_share_2023"] = (r, _, p) => ShareIn(r.Answered().In(p), a => a.From(Requester.CloseEnvironment)),
        ["b.professional_share_2023"] = (r, _, p) => ShareIn(r.Answered().In(p), a => a.From(Requester.Professional)),
        ["b.phone_share_2022"] = (r, _, p) => ShareIn(r.Answered().In(p), a => a.On(Channel.Phone)),
        ["b.referred_share_2022"] = (r, _, p) => ShareIn(r.Answered().In(p), a => a.Referred()),
        ["b.phone_closed_to_2019_11"] = (r, _, p) => r.On(Channel.Phone).With(Outcome.Closed).In(p).Total(),
        ["b.missed_per_week_2022"] = (r, _, p) =>
            new Rate(r.On(Channel.Phone).With(Outcome.Closed).In(p).Total(), (p.End.DayNumber - p.Start.DayNumber + 1) / 7.0),
        ["b.phone_2023"] = (r, _, p) => r.Answered().On(Channel.Phone).In(p).Total(),
        ["b.email_2023"] = (r, _, p) => r.Answered().On(Channel.Email).In(p).Total(),
        ["b.chat_2023"] = (r, _, p) => r.Answered().On(Channel.Chat).In(p).Total(),
    };

    /// <summary>Every published figure the data can recompute, in the order of the figures file.</summary>
    public static IReadOnlyList<ReconciliationRow> Rows(Register register, WebStatistics visits, PublishedFigures published) =>
        [.. published.Select(f => Row(register, visits, f)).OfType<ReconciliationRow>()];

    /// <summary>The rows of one part of answer 232 (<c>"2"</c>) or of section B (<c>"b"</c>).</summary>
    public static IReadOnlyList<ReconciliationRow> Rows(Register register, WebStatistics visits, PublishedFigures published, string part) =>
        [.. published.OfPart(part).Select(f => Row(register, visits, f)).OfType<ReconciliationRow>()];

    /// <summary>The table a page shows: <c>key</c>, <c>metric</c>, <c>period</c>, <c>published</c>, <c>computed</c>,
    /// <c>difference</c>, <c>agrees</c>, <c>qualifier</c>, <c>source</c>. Difference and agreement are withheld with the computed figure.</summary>
    public static ReleasedTable Table(IEnumerable<ReconciliationRow> rows)
    {
        var table = new ReleasedTable("key", "metric", "period", "published", "computed", "difference", "agrees", "qualifier", "source");
        foreach (var r in rows)
        {
            var published = r.Figure.Value!.Value;
            table.Row(r.Figure.Key, r.Figure.Metric, r.Figure.Period.ToString(), new PublicNumber(published, Format(published)), r.Computed,
                new DerivedValue(r.Computed, v => Math.Round(v - published, 2).ToString(CultureInfo.InvariantCulture)),
                new DerivedValue(r.Computed, v => Agrees(r.Figure, published, Math.Round(v - published, 2)) ? "True" : "False"),
                r.Figure.Qualifier, r.Figure.Source);
        }
        return table;
    }

    public static ReleasedTable Table(Register register, WebStatistics visits, PublishedFigures published) =>
        Table(Rows(register, visits, published));

    private static ReconciliationRow? Row(Register register, WebStatistics visits, PublishedFigure figure)
    {
        if (figure.Value is not { } published)
            return null;
        Compute? compute = Computations.GetValueOrDefault(figure.Key);
        if (compute is null && figure.Unit == "contacts" && figure.Channel == "all" && figure.Key.StartsWith("b.contacts", StringComparison.Ordinal))
            compute = (r, _, p) => r.Answered().In(p).Total();
        if (compute is null && (figure.Key.StartsWith("a5.website", StringComparison.Ordinal) || figure.Key == "b.website_2018_rounded"))
            compute = (_, w, p) => w.For(Site.Website).In(p).Visitors;
        if (compute is null)
            return null;
        var computed = compute(register, visits, figure.Period);
        double value = computed switch
        {
            Tally t => t.Value,
            Share share => share.Exact,
            Sum sum => sum.Value,
            Rate rate => rate.Value,
            PublicNumber n => n.Value,
            _ => throw new InvalidOperationException($"{figure.Key}: no value"),
        };
        // A count equal to its published figure is public already: the gate shows it, and reckons with it.
        if (computed is Tally count && count.Value == published && figure.Unit is "contacts" or "people" or "numbers")
            count.Statistic.IsPublished = true;
        // A published share times its total bounds the count: 18% of 356, rounded, is 63 to 65 however the cell is marked.
        if (computed is Share { Part: Tally part, Whole: Tally whole } && figure.Unit == "percent" && figure.Qualifier != "approximate")
        {
            // Rounded to its last printed digit: 18 is 17.5 to 18.5, 46.9 is 46.85 to 46.95.
            string printed = published.ToString("0.##", CultureInfo.InvariantCulture);
            int point = printed.IndexOf('.', StringComparison.Ordinal);
            double half = 0.5 * Math.Pow(10, point < 0 ? 0 : -(printed.Length - point - 1));
            int low = (int)Math.Ceiling((published - half) / 100 * whole.Value - 1e-9);
            int high = (int)Math.Floor((published + half) / 100 * whole.Value + 1e-9);
            if (part.Value >= low && part.Value <= high)
                part.Statistic.PublishedRange = (low, high);
        }
        double difference = Math.Round(value - published, 2);
        return new ReconciliationRow(figure, computed, value, difference, Agrees(figure, published, difference));
    }

    private static bool Agrees(PublishedFigure figure, double published, double difference) => figure.Qualifier switch
    {
        "approximate" => Math.Abs(difference) <= 0.05 * Math.Abs(published),
        "rounded" when figure.Unit == "percent" => Math.Abs(difference) <= 0.5,
        "rounded" => Math.Abs(difference) <= RoundingUnit(published) / 2,
        _ => difference == 0,
    };

    /// <summary>13,200 is rounded to the hundred: 100.</summary>
    private static double RoundingUnit(double value)
    {
        double unit = 1;
        while (value != 0 && value % (unit * 10) == 0)
            unit *= 10;
        return unit;
    }

    private static Share ShareIn(Register register, Func<Register, Register> part) =>
        Share.Of(part(register).Total(), register.Total());

    private static Share NewShare(Register missed) =>
        Share.Of(missed.WithCaller(CallerHistory.New).Total(), missed.WithCaller(CallerHistory.New, CallerHistory.Known).Total());

    private static string Format(double value) => value == Math.Floor(value) ? "N0" : "#,##0.0#";
}
