using System.Globalization;

namespace Helpline.Analysis;

/// <summary>
/// Capacity what-ifs: which contacts another schedule would have reached or lost, and what a busy line would look
/// like with more counsellors (Erlang-B). Every number is a count of the register, a public number (hours of the
/// schedule) or an <see cref="Estimate"/> derived from counts: the release gate protects them like any other.
/// </summary>
public static class CapacityTables
{
    /// <summary>Channels that have opening hours (e-mail is always received).</summary>
    private static readonly Channel[] Scheduled = [Channel.Phone, Channel.Chat];

    /// <summary>
    /// What a different schedule would have changed, per year and channel: <c>reached</c>, the contacts that came while
    /// the line was closed in hours <paramref name="whatIf"/> opens; <c>lost</c>, the answered and busy contacts in
    /// hours it closes (assuming nobody would have called at another time). The register counts by the hour, so a
    /// change must open or close whole hours, or the part of an hour left out must be closed (reached) or open (lost)
    /// under both schedules; otherwise this throws, naming the hour. Only channels the change touches get columns.
    /// </summary>
    /// <example><code>
    /// var shipped = OpeningHours.Shipped();
    /// CapacityTables.Reached(data.Contacts, shipped, shipped.Add(Channel.Chat, DayOfWeek.Tuesday, 19, 21, from: new DateOnly(2019, 6, 1)))
    /// </code></example>
    public static ReleasedTable Reached(Register contacts, OpeningHours current, OpeningHours whatIf)
    {
        var years = contacts.CountBy(Breakdown.Year).RowKeys;
        List<(string Name, List<CountTable> Parts)> Columns(Period scope)
        {
            var columns = new List<(string Name, List<CountTable> Parts)>();
            foreach (var channel in Scheduled)
            {
                var (opened, closed) = Changes(scope, current, whatIf, channel);
                var on = contacts.On(channel);
                if (opened.Count > 0)
                    columns.Add(($"{channel.Code()} reached", [.. opened.Select(c => Narrow(on, c).With(Outcome.Closed).CountBy(Breakdown.Year))]));
                if (closed.Count > 0)
                    columns.Add(($"{channel.Code()} lost", [.. closed.Select(c => Narrow(on, c).With(Outcome.Answered, Outcome.Busy).CountBy(Breakdown.Year))]));
            }
            return columns;
        }
        var columns = Columns(contacts.Scope);
        // A change outside the register's months (an export that ends before it) reaches nobody: the same columns,
        // counted over the weeks the schedules differ, give zeros rather than no page.
        if (columns.Count == 0)
            columns = Columns(Widened(contacts.Scope, current, whatIf));
        if (columns.Count == 0)
            throw new ArgumentException($"The two schedules open the same hours: nothing to compare.", nameof(whatIf));
        var table = new ReleasedTable(["year", .. columns.Select(c => c.Name)]);
        // Years before the change have nothing to count: left out.
        foreach (var year in years.Where(y => columns.Any(c => c.Parts.Any(p => p.RowKeys.Contains(y)))))
            table.Row([year, .. columns.Select(c => (object)new Sum([.. c.Parts.Where(p => p.RowKeys.Contains(year)).Select(p => p[year])]))]);
        table.Row(["total", .. columns.Select(c => (object)new Sum([.. c.Parts.Select(p => p.Total)]))]);
        return table;
    }

    /// <summary>
    /// The busy line of one channel per year (<c>channel</c>, <c>year</c>), and Erlang-B's reading of it: <c>offered</c> (answered and busy: every
    /// contact that came while the channel was open), <c>open_hours</c> (of the schedule), <c>per_open_hour</c>, the
    /// <c>busy</c> count observed, the busy contacts the model expects with one counsellor and with
    /// <paramref name="counsellors"/>, and the difference: busy contacts that more counsellors would have avoided.
    /// The load is arrivals per open hour × <paramref name="handlingMinutes"/> / 60, one counsellor per channel today.
    /// </summary>
    public static ReleasedTable BusyLine(Register contacts, OpeningHours hours, Channel channel, double handlingMinutes, int counsellors = 2)
    {
        var on = contacts.On(channel);
        var offered = on.With(Outcome.Answered, Outcome.Busy).CountBy(Breakdown.Year);
        var busy = on.With(Outcome.Busy).CountBy(Breakdown.Year);
        string more = counsellors.ToString(CultureInfo.InvariantCulture);
        var table = new ReleasedTable("channel", "year", "offered", "open_hours", "per_open_hour", "busy", "model_busy_1", $"model_busy_{more}", "avoided");
        foreach (var (year, i) in offered.RowKeys.Select((y, i) => (y, i)))
        {
            double open = hours.OpenHours(channel, YearWithin(contacts.Scope, year));
            if (open == 0)
                continue;
            var count = offered.Rows[i];
            table.Row(channel.Code(), year, count, new PublicNumber(open, "N0"), new Rate(count, open, 2),
                busy[year], ModelBusy(count, open, handlingMinutes, 1), ModelBusy(count, open, handlingMinutes, counsellors), Avoided(count, open, handlingMinutes, counsellors));
        }
        return table;
    }

    /// <summary>
    /// How the answer of <see cref="BusyLine"/> depends on the handling time: for each time, over the register's whole
    /// scope (year by year, then added up), the busy contacts observed, those the model expects with one counsellor and
    /// with <paramref name="counsellors"/>, and the difference; rows keyed <c>phone 20</c> (channel, minutes).
    /// </summary>
    public static ReleasedTable Sensitivity(Register contacts, OpeningHours hours, Channel channel, IEnumerable<double> handlingMinutes, int counsellors = 2)
    {
        var on = contacts.On(channel);
        var offered = on.With(Outcome.Answered, Outcome.Busy).CountBy(Breakdown.Year);
        var years = offered.RowKeys.Select((y, i) => (Count: offered.Rows[i], Open: hours.OpenHours(channel, YearWithin(contacts.Scope, y))))
            .Where(y => y.Open > 0).ToList();
        var inputs = years.Select(y => y.Count).ToList();
        string more = counsellors.ToString(CultureInfo.InvariantCulture);
        var table = new ReleasedTable("channel", "handling_minutes", "busy", "model_busy_1", $"model_busy_{more}", "avoided");
        var observed = on.With(Outcome.Busy).Total();
        foreach (var minutes in handlingMinutes)
        {
            double Model(IReadOnlyList<double> values, int servers) =>
                values.Select((n, k) => n * ErlangB.Blocking(servers, n / years[k].Open * minutes / 60)).Sum();
            table.Row(channel.Code(), minutes.ToString("0.#", CultureInfo.InvariantCulture), observed,
                new Estimate("busy with one counsellor", inputs, v => Model(v, 1), "N0"),
                new Estimate($"busy with {more} counsellors", inputs, v => Model(v, counsellors), "N0"),
                new Estimate("busy avoided", inputs, v => Model(v, 1) - Model(v, counsellors), "N0"));
        }
        return table;
    }

    /// <summary>
    /// The handling time, in minutes, at which Erlang-B with one counsellor expects exactly the busy contacts observed
    /// over the register's scope (<paramref name="contacts"/>: say, <c>data.Contacts.In(Period.Answer232Phone)</c>):
    /// load = b / (1 - b) for the busy share b, over arrivals per open hour. Derived from two counts; shown with them.
    /// </summary>
    public static Estimate ImpliedHandlingMinutes(Register contacts, OpeningHours hours, Channel channel)
    {
        var on = contacts.On(channel);
        double open = hours.OpenHours(channel, contacts.Scope);
        return new Estimate("handling minutes that reproduce the busy count", [on.With(Outcome.Answered, Outcome.Busy).Total(), on.With(Outcome.Busy).Total()],
            v => v[0] == 0 || open == 0 || v[1] >= v[0] ? double.NaN : ErlangB.LoadForOneServer(v[1] / v[0]) / (v[0] / open) * 60, "N0");
    }

    private static Estimate ModelBusy(Tally offered, double open, double minutes, int servers) =>
        new($"busy with {servers} counsellor(s)", [offered], v => v[0] * ErlangB.Blocking(servers, v[0] / open * minutes / 60), "N1");

    private static Estimate Avoided(Tally offered, double open, double minutes, int servers) =>
        new("busy avoided", [offered], v => v[0] * (ErlangB.Blocking(1, v[0] / open * minutes / 60) - ErlangB.Blocking(servers, v[0] / open * minutes / 60)), "N1");

    private static Period YearWithin(Period scope, string year) =>
        Period.Year(int.Parse(year, CultureInfo.InvariantCulture)).Intersect(scope);

    /// <summary>Days of a stretch of dates, the weekdays (bit 0 Monday) and the hours (bit h) of a change.</summary>
    private readonly record struct Change(Period Days, byte Weekdays, uint Hours);

    private static Register Narrow(Register register, Change change) =>
        register.In(change.Days).OnDays([.. Enumerable.Range(0, 7).Where(d => (change.Weekdays & (1 << d)) != 0).Select(d => (DayOfWeek)((d + 1) % 7))]).AtHourMask(change.Hours);

    /// <summary>
    /// The hours a channel opens and closes under <paramref name="whatIf"/> compared with <paramref name="current"/>,
    /// as stretches of dates over which both schedules stay the same, each with the weekdays sharing one set of hours.
    /// </summary>
    /// <summary>The register's months, stretched to every date a slot of either schedule starts or ends, and a week beyond.</summary>
    private static Period Widened(Period scope, OpeningHours current, OpeningHours whatIf)
    {
        var dates = current.Slots.Concat(whatIf.Slots).SelectMany(s => s.ValidTo is { } to ? new[] { s.ValidFrom, to } : [s.ValidFrom]).ToList();
        var start = dates.Append(scope.Start).Min();
        var end = dates.Append(scope.IsEmpty ? start : scope.End).Max().AddDays(7);
        return new Period(start, end);
    }

    private static (List<Change> Opened, List<Change> Closed) Changes(Period scope, OpeningHours current, OpeningHours whatIf, Channel channel)
    {
        var opened = new List<Change>();
        var closed = new List<Change>();
        if (scope.IsEmpty)
            return (opened, closed);
        // Both schedules stay the same between consecutive boundaries: the starts and the day after the ends of validity.
        var bounds = current.Slots.Concat(whatIf.Slots).Where(s => s.Channel == channel)
            .SelectMany(s => new[] { s.ValidFrom, s.ValidTo?.AddDays(1) ?? DateOnly.MaxValue })
            .Where(d => d > scope.Start && d <= scope.End)
            .Append(scope.Start).Append(scope.End.AddDays(1)).Distinct().Order().ToList();
        for (int b = 0; b + 1 < bounds.Count; b++)
        {
            var days = new Period(bounds[b], bounds[b + 1].AddDays(-1));
            var openedHours = new uint[7];
            var closedHours = new uint[7];
            for (int d = 0; d < 7; d++)
            {
                var weekday = (DayOfWeek)((d + 1) % 7);
                int first = days.Start.DayNumber + ((int)weekday - (int)days.Start.DayOfWeek + 7) % 7;
                if (first > days.End.DayNumber)
                    continue;
                var on = DateOnly.FromDayNumber(first);
                for (int h = 0; h < 24; h++)
                {
                    int gained = 0, lost = 0, closedBoth = 0, openBoth = 0;
                    for (int m = h * 60; m < h * 60 + 60; m++)
                    {
                        bool before = current.IsOpen(channel, weekday, m, on), after = whatIf.IsOpen(channel, weekday, m, on);
                        gained += !before && after ? 1 : 0;
                        lost += before && !after ? 1 : 0;
                        closedBoth += !before && !after ? 1 : 0;
                        openBoth += before && after ? 1 : 0;
                    }
                    if (gained > 0 && closedBoth > 0 || lost > 0 && openBoth > 0)
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"The register counts by the hour, and the change to the {channel.Code()} hours on {weekday} {h:D2}:00-{h + 1:D2}:00 from {days.Start:yyyy-MM-dd} opens or closes only part of that hour: give slots on whole hours."));
                    if (gained > 0)
                        openedHours[d] |= 1u << h;
                    if (lost > 0)
                        closedHours[d] |= 1u << h;
                }
            }
            Group(days, openedHours, opened);
            Group(days, closedHours, closed);
        }
        return (opened, closed);
    }

    /// <summary>Weekdays with the same hours become one change (a weekday set × an hour set is what a definition holds).</summary>
    private static void Group(Period days, uint[] hours, List<Change> into)
    {
        foreach (var mask in hours.Where(h => h != 0).Distinct())
            into.Add(new Change(days, (byte)Enumerable.Range(0, 7).Where(d => hours[d] == mask).Sum(d => 1 << d), mask));
    }
}
