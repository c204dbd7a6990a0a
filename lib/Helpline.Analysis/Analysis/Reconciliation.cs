using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>
/// Recomputes every published figure the register and web statistics can recompute, and sets it beside the
/// published value. Disagreements are shown, never smoothed: two sources that disagree both keep their row.
/// </summary>
public static class Reconciliation
{
    private delegate double Compute(Register register, WebStatistics visits, Period period);

    private static readonly Dictionary<string, Compute> Computations = new(StringComparer.Ordinal)
    {
        ["a2.phone_busy"] = (r, _, p) => r.On(Channel.Phone).With(Outcome.Busy).In(p).Count,
        ["a2.phone_closed"] = (r, _, p) => r.On(Channel.Phone).With(Outcome.Closed).In(p).Count,
        ["a2.new_number_share"] = (r, _, p) => NewShare(r.On(Channel.Phone).Missed().In(p)),
        ["a2.chat_busy"] = (r, _, p) => r.On(Channel.Chat).With(Outcome.Busy).In(p).Count,
        ["a2.chat_closed"] = (r, _, p) => r.On(Channel.Chat).With(Outcome.Closed).In(p).Count,
        ["a3.referrals"] = (r, _, p) => r.Answered().Referred().In(p).Count,
        ["a3.referrals_self"] = (r, _, p) => r.Answered().Referred().From(Requester.Self).In(p).Count,
        ["a4.selfhelp_visitors"] = (_, w, p) => w.For(Site.SelfHelp).In(p).Visitors,
        ["a4.selfhelp_returning"] = (_, w, p) => w.For(Site.SelfHelp).In(p).ReturningVisitors,
        ["b.unanswered_since_start"] = (r, _, p) =>
            r.On(Channel.Phone).With(Outcome.Closed).In(p).Count + r.On(Channel.Chat).Missed().In(p).Count,
        ["b.unique_numbers_closed"] = (r, _, p) =>
            r.On(Channel.Phone).With(Outcome.Closed).In(p).CountCallers(),
        ["b.requester_self_2017_2020"] = (r, _, p) => Share(r.Answered().In(p), a => a.From(Requester.Self)),
        ["b.requester_close_2017_2020"] = (r, _, p) => Share(r.Answered().In(p), a => a.From(Requester.CloseEnvironment)),
        ["b.requester_professional_2017_2020"] = (r, _, p) => Share(r.Answered().In(p), a => a.From(Requester.Professional)),
        ["b.requester_other_2017_2020"] = (r, _, p) =>
            Share(r.Answered().In(p), a => a.Where(c => c.Requester is Requester.WiderEnvironment or Requester.Other or Requester.Unknown)),
        ["b.self_share_2018"] = (r, _, p) => Share(r.Answered().In(p), a => a.From(Requester.Self)),
        ["b.self_share_2022"] = (r, _, p) => Share(r.Answered().In(p), a => a.From(Requester.Self)),
        ["b.self_share_2023"] = (r, _, p) => Share(r.Answered().In(p), a => a.From(Requester.Self)),
        ["b.close_share_2023"] = (r, _, p) => Share(r.Answered().In(p), a => a.From(Requester.CloseEnvironment)),
        ["b.professional_share_2023"] = (r, _, p) => Share(r.Answered().In(p), a => a.From(Requester.Professional)),
        ["b.phone_share_2022"] = (r, _, p) => Share(r.Answered().In(p), a => a.On(Channel.Phone)),
        ["b.referred_share_2022"] = (r, _, p) => Share(r.Answered().In(p), a => a.Referred()),
        ["b.phone_closed_to_2019_11"] = (r, _, p) => r.On(Channel.Phone).With(Outcome.Closed).In(p).Count,
        ["b.missed_per_week_2022"] = (r, _, p) =>
            Math.Round(r.On(Channel.Phone).With(Outcome.Closed).In(p).Count / ((p.End.DayNumber - p.Start.DayNumber + 1) / 7.0), 2),
        ["b.phone_2023"] = (r, _, p) => r.Answered().On(Channel.Phone).In(p).Count,
        ["b.email_2023"] = (r, _, p) => r.Answered().On(Channel.Email).In(p).Count,
        ["b.chat_2023"] = (r, _, p) => r.Answered().On(Channel.Chat).In(p).Count,
    };

    /// <summary>Every published figure the data can recompute, in the order of the figures file.</summary>
    public static IReadOnlyList<ReconciliationRow> Rows(Register register, WebStatistics visits, PublishedFigures published) =>
        [.. published.Select(f => Row(register, visits, f)).OfType<ReconciliationRow>()];

    /// <summary>The rows of one part of answer 232 (<c>"2"</c>) or of section B (<c>"b"</c>).</summary>
    public static IReadOnlyList<ReconciliationRow> Rows(Register register, WebStatistics visits, PublishedFigures published, string part) =>
        [.. published.OfPart(part).Select(f => Row(register, visits, f)).OfType<ReconciliationRow>()];

    /// <summary>The table a page shows: <c>key</c>, <c>metric</c>, <c>period</c>, <c>published</c>, <c>computed</c>,
    /// <c>difference</c>, <c>agrees</c>, <c>qualifier</c>, <c>source</c>.</summary>
    public static DataFrame Table(IEnumerable<ReconciliationRow> rows)
    {
        var list = rows.ToList();
        return new DataFrame(
            Frames.Strings("key", list.Select(r => r.Figure.Key)),
            Frames.Strings("metric", list.Select(r => r.Figure.Metric)),
            Frames.Strings("period", list.Select(r => r.Figure.Period.ToString())),
            Frames.Doubles("published", list.Select(r => r.Figure.Value!.Value)),
            Frames.Doubles("computed", list.Select(r => r.Computed)),
            Frames.Doubles("difference", list.Select(r => r.Difference)),
            new BooleanDataFrameColumn("agrees", list.Select(r => r.Agrees)),
            Frames.Strings("qualifier", list.Select(r => r.Figure.Qualifier)),
            Frames.Strings("source", list.Select(r => r.Figure.Source)));
    }

    public static DataFrame Table(Register register, WebStatistics visits, PublishedFigures published) =>
        Table(Rows(register, visits, published));

    private static ReconciliationRow? Row(Register register, WebStatistics visits, PublishedFigure figure)
    {
        if (figure.Value is not { } published)
            return null;
        Compute? compute = Computations.GetValueOrDefault(figure.Key);
        if (compute is null && figure.Unit == "contacts" && figure.Channel == "all" && figure.Key.StartsWith("b.contacts", StringComparison.Ordinal))
            compute = (r, _, p) => r.Answered().In(p).Count;
        if (compute is null && (figure.Key.StartsWith("a5.website", StringComparison.Ordinal) || figure.Key == "b.website_2018_rounded"))
            compute = (_, w, p) => w.For(Site.Website).In(p).Visitors;
        if (compute is null)
            return null;
        double computed = compute(register, visits, figure.Period);
        double difference = Math.Round(computed - published, 2);
        return new ReconciliationRow(figure, computed, difference, Agrees(figure, published, difference));
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

    private static double Share(Register register, Func<Register, Register> part) =>
        Frames.Percent(part(register).Count, register.Count);

    private static double NewShare(Register missed)
    {
        var callers = missed.CountBy(Breakdown.Caller);
        return Frames.Percent(callers.Int("contacts", 0), missed.Count - callers.Int("contacts", 2));
    }
}
