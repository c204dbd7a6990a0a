using System.Collections;
using Microsoft.Data.Analysis;

namespace Helpline.Analysis;

/// <summary>
/// The contacts of a register, in order of arrival, and a small vocabulary to ask questions of them:
/// filters that compose (<see cref="Answered"/>, <see cref="On"/>, <see cref="In"/>, ...) and counts along
/// one or two <see cref="Breakdown"/>s. Every filter returns a new register; the original is never changed.
/// </summary>
/// <example><code>
/// var register = Register.Load();
/// register.Answered().On(Channel.Chat).In(Period.Year(2020)).CountBy(Breakdown.Month);
/// register.Missed().In(Period.Answer232).CountBy(Breakdown.Weekday, Breakdown.Hour);
/// </code></example>
public sealed class Register : IReadOnlyList<Contact>, IPageOutput
{
    // A filtered register is a view: the loaded columns, shared, and the positions it keeps (null: all of them).
    private readonly RegisterColumns _columns;
    private readonly int[]? _selected;

    private Register(RegisterColumns columns, int[]? selected, Period scope, Definition definition, DisclosureOptions options)
    {
        _columns = columns;
        _selected = selected;
        Scope = scope;
        Definition = definition;
        Options = options;
    }

    /// <summary>Which contacts this register holds, as the filters applied so far say it: what its counts count.</summary>
    public Definition Definition { get; }

    /// <summary>The disclosure settings its counts are released with (<see cref="WithOptions"/>).</summary>
    public DisclosureOptions Options { get; }

    /// <summary>The same contacts, released with other disclosure settings.</summary>
    public Register WithOptions(DisclosureOptions options) => new(_columns, _selected, Scope, Definition, options);

    /// <summary>The days this register covers: whole months from its first to its last contact, narrowed by <see cref="In"/>.</summary>
    public Period Scope { get; }

    public int Count => _selected?.Length ?? _columns.Count;

    public Contact this[int index] => _columns[_selected is null ? index : _selected[index]];

    /// <summary>Loads a register file (default: the shipped synthetic one) and drops the cleaning report.</summary>
    public static Register Load(string? path = null) => RegisterCsv.Load(path ?? DataPaths.Default.Register).Contacts;

    /// <summary>Builds a register from rows already clean: sorts them by arrival (ties keep their order) and marks new callers.</summary>
    public static Register FromCleanRows(IEnumerable<Contact> contacts)
    {
        var columns = new RegisterColumns(contacts is ICollection<Contact> known ? known.Count : 1024);
        foreach (var contact in contacts)
            columns.Add(contact, columns.CallerOf(contact.CallerKey));
        return FromColumns(columns);
    }

    internal static Register FromColumns(RegisterColumns columns)
    {
        columns.SortAndMarkNewCallers();
        columns.Seal();
        var scope = columns.Count == 0
            ? new Period(new DateOnly(2017, 5, 1), new DateOnly(2017, 4, 30))
            : Period.Months(new DateTime(columns.Ticks[0]).Year, new DateTime(columns.Ticks[0]).Month,
                new DateTime(columns.Ticks[columns.Count - 1]).Year, new DateTime(columns.Ticks[columns.Count - 1]).Month);
        return new Register(columns, null, scope, Definition.All, DisclosureOptions.Default);
    }

    /// <summary>
    /// The contacts a custom predicate keeps. Its counts can be explored but not published with disclosure control
    /// on: the gate cannot tell what the predicate selects, so it cannot check them (say it with the vocabulary instead).
    /// </summary>
    public Register Where(Func<Contact, bool> predicate, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(predicate))] string? description = null)
    {
        var columns = _columns;
        return Keep(p => predicate(columns[p]), Definition.All with { Opaque = description ?? "a predicate" });
    }

    public Register With(Outcome outcome) => Keep(_columns.Outcome, (byte)outcome, equal: true, Definition.All with { Outcomes = Bit(outcome) });

    /// <summary>The contacts with any of these outcomes: <c>With(Outcome.Answered, Outcome.Busy)</c> is every contact
    /// that came while the channel was open (what a counsellor could have taken).</summary>
    public Register With(Outcome first, Outcome second, params Outcome[] more)
    {
        var mask = Mask(more.Prepend(second).Prepend(first));
        return KeepCodes(_columns.Outcome, mask, Definition.All with { Outcomes = mask });
    }

    /// <summary>The answered contacts: what the pages call contacts of the helpline. Without it a count is of
    /// <em>attempts</em> (busy and closed included), and its column says so.</summary>
    public Register Answered() => With(Outcome.Answered);

    /// <summary>Busy and closed: the contacts the helpline could not take.</summary>
    public Register Missed() => Keep(_columns.Outcome, (byte)Outcome.Answered, equal: false,
        Definition.All with { Outcomes = (byte)(Bit(Outcome.Busy) | Bit(Outcome.Closed)) });

    public Register On(Channel channel) => Keep(_columns.Channel, (byte)channel, equal: true, Definition.All with { Channels = Bit(channel) });

    /// <summary>The contacts of one or more types of help request.</summary>
    public Register From(params Requester[] requesters) => requesters.Length == 1
        ? Keep(_columns.Requester, (byte)requesters[0], equal: true, Definition.All with { Requesters = Bit(requesters[0]) })
        : KeepCodes(_columns.Requester, Mask(requesters), Definition.All with { Requesters = Mask(requesters) });

    public Register WithGender(params Gender[] genders) => KeepCodes(_columns.Gender, Mask(genders), Definition.All with { Genders = Mask(genders) });

    public Register WithAge(params AgeBand[] bands) => KeepCodes(_columns.AgeBand, Mask(bands), Definition.All with { AgeBands = Mask(bands) });

    /// <summary>The contacts referred to one of these destinations.</summary>
    public Register ReferredTo(params Referral[] destinations) =>
        KeepCodes(_columns.Referral, Mask(destinations), Definition.All with { Referrals = Mask(destinations) });

    /// <summary>The contacts whose caller was new, known or without a key (<see cref="CallerHistory"/>).</summary>
    public Register WithCaller(params CallerHistory[] histories)
    {
        var mask = Mask(histories);
        var columns = _columns;
        return Keep(p => Definition.Has(mask, Breakdown.CallerClass(columns, p)), Definition.All with { Callers = mask });
    }

    /// <summary>The contacts that arrived on these days of the week.</summary>
    public Register OnDays(params DayOfWeek[] days)
    {
        // Monday is bit 0, as on the weekday axis.
        byte mask = (byte)days.Aggregate(0, (m, d) => m | 1 << (((int)d + 6) % 7));
        var ticks = _columns.Ticks;
        return Keep(p => Definition.Has(mask, (int)(ticks[p] / TimeSpan.TicksPerDay % 7)), Definition.All with { Weekdays = mask });
    }

    /// <summary>The contacts that arrived from hour <paramref name="from"/> (0-23) up to, not including, hour <paramref name="to"/> (1-24).</summary>
    public Register AtHours(int from, int to)
    {
        if (from < 0 || to > 24 || from >= to)
            throw new ArgumentOutOfRangeException(nameof(from), $"Hours run from 0 to 24, the first before the second: {from} to {to}.");
        uint mask = (to == 24 ? Definition.AllHours : (1u << to) - 1) & ~((1u << from) - 1);
        var ticks = _columns.Ticks;
        return Keep(p => (mask & (1u << (int)(ticks[p] / TimeSpan.TicksPerHour % 24))) != 0, Definition.All with { Hours = mask });
    }

    /// <summary>The contacts that arrived in one of the hours of a mask (bit h: hour h), for hours that are not one stretch.</summary>
    internal Register AtHourMask(uint mask)
    {
        var ticks = _columns.Ticks;
        return Keep(p => (mask & (1u << (int)(ticks[p] / TimeSpan.TicksPerHour % 24))) != 0, Definition.All with { Hours = mask & Definition.AllHours });
    }

    public Register Referred() => Keep(_columns.Referral, (byte)Referral.None, equal: false,
        Definition.All with { Referrals = (byte)(Definition.AllReferrals & ~Bit(Referral.None)) });

    /// <summary>The contacts of a period; the scope narrows to it, so month counts list its every month.</summary>
    public Register In(Period period)
    {
        var scope = Scope.Intersect(period);
        var definition = Definition.Within(period);
        if (scope.IsEmpty)
            return new Register(_columns, [], scope, definition, Options);
        // Contacts are in order of arrival: the period is one stretch of them, found by two binary searches.
        int first = FirstAtOrAfter(scope.Start.ToDateTime(TimeOnly.MinValue).Ticks);
        int end = FirstAtOrAfter(scope.End.AddDays(1).ToDateTime(TimeOnly.MinValue).Ticks);
        var selected = new int[end - first];
        for (int k = 0; k < selected.Length; k++)
            selected[k] = Position(first + k);
        return new Register(_columns, selected, scope, definition, Options);
    }

    /// <summary>How many different callers (caller keys) the contacts come from; contacts without a key are not counted.
    /// A count of people: released like any sensitive count.</summary>
    public Tally CountCallers() =>
        new CountTable(_columns, StatisticKind.Callers, Definition, Options, null, null, null, null, new[,] { { DistinctCallers() } }).Total;

    /// <summary>Every contact counted once: a table of one count, as a page would show it.</summary>
    public Tally Total() => new CountTable(_columns, StatisticKind.Contacts, Definition, Options, null, null, null, null, new[,] { { Count } }) { Scope = Scope }.Total;

    /// <summary>The count a month on average over the register's scope (<see cref="Scope"/>: its whole months), from
    /// the total: <c>register.Answered().On(Channel.Chat).In(Period.Year(2020)).PerMonth()</c> is answered chats a month.
    /// Released with the total, written with one decimal.</summary>
    public Rate PerMonth() => new(Total(), Rate.Months(Scope), 1, $"{Total().Table.CountName} a month");

    /// <summary>The count a week on average over the register's scope (its days / 7), from the total.</summary>
    public Rate PerWeek() => new(Total(), Rate.Weeks(Scope), 1, $"{Total().Table.CountName} a week");

    private int DistinctCallers()
    {
        var seen = new System.Collections.BitArray(_columns.CallerCount);
        int callers = 0;
        for (int k = 0; k < Count; k++)
        {
            int caller = _columns.Caller[Position(k)];
            if (caller >= 0 && !seen[caller])
            {
                seen[caller] = true;
                callers++;
            }
        }
        return callers;
    }

    private int FirstAtOrAfter(long ticks)
    {
        var all = _columns.Ticks;
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (all[Position(mid)] < ticks)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>The contacts whose byte in <paramref name="column"/> is (or is not) <paramref name="code"/>.</summary>
    private Register Keep(byte[] column, byte code, bool equal, Definition narrowing)
    {
        // The filters every table uses. Over the whole register, its codes are compared 32 at a time; over a view, in
        // a plain loop without a branch, several times faster than a predicate.
        if (_selected is null)
            return new Register(_columns, Selection.Where(column.AsSpan(0, Count), code, equal), Scope, Definition.Intersect(narrowing), Options);
        var buffer = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, Count));
        int kept = 0;
        foreach (int p in _selected)
        {
            buffer[kept] = p;
            kept += (column[p] == code) == equal ? 1 : 0;
        }
        return Kept(buffer, kept, narrowing);
    }

    private Register KeepCodes(byte[] column, byte mask, Definition narrowing)
    {
        var buffer = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, Count));
        int kept = 0;
        for (int k = 0; k < Count; k++)
        {
            int p = Position(k);
            buffer[kept] = p;
            kept += (mask >> column[p]) & 1;
        }
        return Kept(buffer, kept, narrowing);
    }

    private Register Keep(Func<int, bool> keep, Definition narrowing)
    {
        var buffer = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, Count));
        int kept = 0;
        for (int k = 0; k < Count; k++)
        {
            int p = Position(k);
            if (keep(p))
                buffer[kept++] = p;
        }
        return Kept(buffer, kept, narrowing);
    }

    // Positions go to a pooled buffer first: the view then costs exactly what it keeps.
    private Register Kept(int[] buffer, int kept, Definition narrowing)
    {
        var selected = buffer.AsSpan(0, kept).ToArray();
        System.Buffers.ArrayPool<int>.Shared.Return(buffer);
        return new Register(_columns, selected, Scope, Definition.Intersect(narrowing), Options);
    }

    private static byte Bit<T>(T value) where T : struct, Enum => (byte)(1 << Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));

    private static byte Mask<T>(IEnumerable<T> values) where T : struct, Enum => (byte)values.Aggregate(0, (mask, v) => mask | Bit(v));

    /// <summary>Counts per step of one breakdown, with their total: <c>register.CountBy(Breakdown.Month)</c>.</summary>
    public CountTable CountBy(Breakdown rows) => Tabulate(rows, null);

    /// <summary>A cross table: one row per step of <paramref name="rows"/>, one column per step of <paramref name="columns"/>, with totals.</summary>
    public CountTable CountBy(Breakdown rows, Breakdown columns) => Tabulate(rows, columns);

    private CountTable Tabulate(Breakdown rowBreakdown, Breakdown? columnBreakdown)
    {
        var rowAxis = rowBreakdown.For(Scope, Definition);
        var colAxis = columnBreakdown?.For(Scope, Definition);
        int height = rowAxis.Labels.Length, width = colAxis?.Labels.Length ?? 0;
        // Index 0 of each dimension holds the total over it.
        var counts = new int[height + 1, width + 1];
        var pool = System.Buffers.ArrayPool<int>.Shared;
        int[] rowSteps = pool.Rent(Math.Max(1, Count)), colSteps = pool.Rent(Math.Max(1, Count));
        rowAxis.Place(_columns, _selected, rowSteps.AsSpan(0, Count));
        colAxis?.Place(_columns, _selected, colSteps.AsSpan(0, Count));
        for (int k = 0; k < Count; k++)
        {
            int i = rowSteps[k], j = colAxis is null ? -1 : colSteps[k];
            if ((uint)i >= (uint)height || (colAxis is not null && (uint)j >= (uint)width))
                continue;
            counts[i + 1, j + 1]++;
        }
        pool.Return(rowSteps);
        pool.Return(colSteps);
        for (int i = 1; i <= height; i++)
        {
            for (int j = 1; j <= width; j++)
                counts[i, 0] += counts[i, j];
        }
        for (int j = 0; j <= width; j++)
        {
            for (int i = 1; i <= height; i++)
                counts[0, j] += counts[i, j];
        }
        return new CountTable(_columns, StatisticKind.Contacts, Definition, Options, rowBreakdown, rowAxis, columnBreakdown, colAxis, counts) { Scope = Scope };
    }

    private int Position(int k) => _selected is null ? k : _selected[k];

    /// <summary>
    /// Every contact as a typed row, for exploration. It holds register rows: never display it on a page that
    /// will be published (the notebook formatter refuses to).
    /// </summary>
    public DataFrame ToDataFrame() => new(
        new DateTimeDataFrameColumn("received_at", this.Select(c => c.ReceivedAt)),
        new StringDataFrameColumn("channel", this.Select(c => c.Channel.Code())),
        new StringDataFrameColumn("outcome", this.Select(c => c.Outcome.Code())),
        new StringDataFrameColumn("requester", this.Select(c => c.Requester.Code())),
        new StringDataFrameColumn("gender", this.Select(c => c.Gender.Code())),
        new StringDataFrameColumn("age_band", this.Select(c => c.AgeBand.Code())),
        new StringDataFrameColumn("referral", this.Select(c => c.Referral.Code())),
        new BooleanDataFrameColumn("is_new_caller", this.Select(c => c.IsNewCaller)),
        new StringDataFrameColumn("caller", this.Select(c => c.CallerKey)));

    public IEnumerator<Contact> GetEnumerator()
    {
        for (int k = 0; k < Count; k++)
            yield return _columns[Position(k)];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    IEnumerable<Statistic> IPageOutput.Statistics => [Total().Statistic];

    IEnumerable<CountTable> IPageOutput.Tables => [];

    PageContent IPageOutput.Render(Release release) => new(Count == 0 && release.IsShown(Total().Statistic)
        ? "<p class=\"register\">An empty register.</p>"
        : $"<p class=\"register\">A register of {System.Net.WebUtility.HtmlEncode(release.Text(Total().Statistic))} {Total().Table.CountName}, {System.Net.WebUtility.HtmlEncode(Scope.ToString())} (rows are not shown: count them with <code>CountBy</code>).</p>");
}
