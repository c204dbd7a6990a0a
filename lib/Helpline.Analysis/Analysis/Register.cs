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
public sealed class Register : IReadOnlyList<Contact>
{
    // A filtered register is a view: the loaded columns, shared, and the positions it keeps (null: all of them).
    private readonly RegisterColumns _columns;
    private readonly int[]? _selected;

    private Register(RegisterColumns columns, int[]? selected, Period scope)
    {
        _columns = columns;
        _selected = selected;
        Scope = scope;
    }

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
        return new Register(columns, null, scope);
    }

    public Register Where(Func<Contact, bool> predicate)
    {
        var columns = _columns;
        return Keep(p => predicate(columns[p]));
    }

    public Register With(Outcome outcome) => Keep(_columns.Outcome, (byte)outcome, equal: true);

    public Register Answered() => With(Outcome.Answered);

    /// <summary>Busy and closed: the contacts the helpline could not take.</summary>
    public Register Missed() => Keep(_columns.Outcome, (byte)Outcome.Answered, equal: false);

    public Register On(Channel channel) => Keep(_columns.Channel, (byte)channel, equal: true);

    public Register From(Requester requester) => Keep(_columns.Requester, (byte)requester, equal: true);

    public Register Referred() => Keep(_columns.Referral, (byte)Referral.None, equal: false);

    /// <summary>The contacts of a period; the scope narrows to it, so month counts list its every month.</summary>
    public Register In(Period period)
    {
        var scope = Scope.Intersect(period);
        if (scope.IsEmpty)
            return new Register(_columns, [], scope);
        // Contacts are in order of arrival: the period is one stretch of them, found by two binary searches.
        int first = FirstAtOrAfter(scope.Start.ToDateTime(TimeOnly.MinValue).Ticks);
        int end = FirstAtOrAfter(scope.End.AddDays(1).ToDateTime(TimeOnly.MinValue).Ticks);
        var selected = new int[end - first];
        for (int k = 0; k < selected.Length; k++)
            selected[k] = Position(first + k);
        return new Register(_columns, selected, scope);
    }

    /// <summary>How many different callers (caller keys) the contacts come from; contacts without a key are not counted.</summary>
    public int CountCallers()
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
    private Register Keep(byte[] column, byte code, bool equal)
    {
        // The filters every table uses: a plain loop without a branch, several times faster than a predicate.
        var buffer = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, Count));
        int kept = 0;
        if (_selected is null)
        {
            for (int p = 0; p < Count; p++)
            {
                buffer[kept] = p;
                kept += (column[p] == code) == equal ? 1 : 0;
            }
        }
        else
        {
            foreach (int p in _selected)
            {
                buffer[kept] = p;
                kept += (column[p] == code) == equal ? 1 : 0;
            }
        }
        return Kept(buffer, kept);
    }

    private Register Keep(Func<int, bool> keep)
    {
        var buffer = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, Count));
        int kept = 0;
        for (int k = 0; k < Count; k++)
        {
            int p = Position(k);
            if (keep(p))
                buffer[kept++] = p;
        }
        return Kept(buffer, kept);
    }

    // Positions go to a pooled buffer first: the view then costs exactly what it keeps.
    private Register Kept(int[] buffer, int kept)
    {
        var selected = buffer.AsSpan(0, kept).ToArray();
        System.Buffers.ArrayPool<int>.Shared.Return(buffer);
        return new Register(_columns, selected, Scope);
    }

    /// <summary>Counts per step of one breakdown: columns <c>{breakdown}</c> and <c>contacts</c>.</summary>
    public DataFrame CountBy(Breakdown rows)
    {
        var axis = rows.For(Scope);
        var counts = new int[axis.Labels.Length];
        var steps = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, Count));
        axis.Place(_columns, _selected, steps.AsSpan(0, Count));
        foreach (int i in steps.AsSpan(0, Count))
        {
            if ((uint)i < (uint)counts.Length)
                counts[i]++;
        }
        System.Buffers.ArrayPool<int>.Shared.Return(steps);
        return new DataFrame(new StringDataFrameColumn(rows.Name, axis.Labels), new Int32DataFrameColumn("contacts", counts));
    }

    /// <summary>A cross table: one row per step of <paramref name="rows"/>, one column per step of <paramref name="columns"/>, and <c>total</c>.</summary>
    public DataFrame CountBy(Breakdown rows, Breakdown columns)
    {
        var rowAxis = rows.For(Scope);
        var colAxis = columns.For(Scope);
        int height = rowAxis.Labels.Length, width = colAxis.Labels.Length;
        var counts = new int[width * height];
        var pool = System.Buffers.ArrayPool<int>.Shared;
        int[] rowSteps = pool.Rent(Math.Max(1, Count)), colSteps = pool.Rent(Math.Max(1, Count));
        rowAxis.Place(_columns, _selected, rowSteps.AsSpan(0, Count));
        colAxis.Place(_columns, _selected, colSteps.AsSpan(0, Count));
        for (int k = 0; k < Count; k++)
        {
            int i = rowSteps[k], j = colSteps[k];
            if ((uint)i < (uint)height && (uint)j < (uint)width)
                counts[j * height + i]++;
        }
        pool.Return(rowSteps);
        pool.Return(colSteps);
        var frame = new DataFrame(new StringDataFrameColumn(rows.Name, rowAxis.Labels));
        for (int j = 0; j < width; j++)
            frame.Columns.Add(new Int32DataFrameColumn(colAxis.Labels[j], counts.AsSpan(j * height, height).ToArray()));
        frame.Columns.Add(new Int32DataFrameColumn("total",
            Enumerable.Range(0, height).Select(i => Enumerable.Range(0, width).Sum(j => counts[j * height + i]))));
        return frame;
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
}
