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

    public Register Where(Func<Contact, bool> predicate) => Keep((r, i) => predicate(r[i]));

    public Register With(Outcome outcome)
    {
        byte code = (byte)outcome;
        return Keep((r, i) => r.Outcome[i] == code);
    }

    public Register Answered() => With(Outcome.Answered);

    /// <summary>Busy and closed: the contacts the helpline could not take.</summary>
    public Register Missed() => Keep((r, i) => r.Outcome[i] != (byte)Outcome.Answered);

    public Register On(Channel channel)
    {
        byte code = (byte)channel;
        return Keep((r, i) => r.Channel[i] == code);
    }

    public Register From(Requester requester)
    {
        byte code = (byte)requester;
        return Keep((r, i) => r.Requester[i] == code);
    }

    public Register Referred() => Keep((r, i) => r.Referral[i] != (byte)Referral.None);

    /// <summary>The contacts of a period; the scope narrows to it, so month counts list its every month.</summary>
    public Register In(Period period)
    {
        var scope = Scope.Intersect(period);
        long from = scope.IsEmpty ? long.MaxValue : scope.Start.ToDateTime(TimeOnly.MinValue).Ticks;
        long to = scope.IsEmpty ? long.MinValue : scope.End.ToDateTime(TimeOnly.MaxValue).Ticks;
        var narrowed = Keep((r, i) => r.Ticks[i] >= from && r.Ticks[i] <= to);
        return new Register(_columns, narrowed._selected, scope);
    }

    private Register Keep(Func<RegisterColumns, int, bool> keep)
    {
        // Positions go to a pooled buffer first: the view then costs exactly what it keeps.
        var columns = _columns;
        var buffer = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, Count));
        int kept = 0;
        for (int k = 0; k < Count; k++)
        {
            int i = Position(k);
            if (keep(columns, i))
                buffer[kept++] = i;
        }
        var selected = buffer.AsSpan(0, kept).ToArray();
        System.Buffers.ArrayPool<int>.Shared.Return(buffer);
        return new Register(columns, selected, Scope);
    }

    /// <summary>Counts per step of one breakdown: columns <c>{breakdown}</c> and <c>contacts</c>.</summary>
    public DataFrame CountBy(Breakdown rows)
    {
        var axis = rows.For(Scope);
        var counts = new int[axis.Labels.Length];
        for (int k = 0; k < Count; k++)
        {
            int i = axis.IndexAt(_columns, Position(k));
            if ((uint)i < (uint)counts.Length)
                counts[i]++;
        }
        return new DataFrame(new StringDataFrameColumn(rows.Name, axis.Labels), new Int32DataFrameColumn("contacts", counts));
    }

    /// <summary>A cross table: one row per step of <paramref name="rows"/>, one column per step of <paramref name="columns"/>, and <c>total</c>.</summary>
    public DataFrame CountBy(Breakdown rows, Breakdown columns)
    {
        var rowAxis = rows.For(Scope);
        var colAxis = columns.For(Scope);
        var counts = new int[colAxis.Labels.Length][];
        for (int j = 0; j < counts.Length; j++)
            counts[j] = new int[rowAxis.Labels.Length];
        for (int k = 0; k < Count; k++)
        {
            int p = Position(k);
            int i = rowAxis.IndexAt(_columns, p), j = colAxis.IndexAt(_columns, p);
            if ((uint)i < (uint)rowAxis.Labels.Length && (uint)j < (uint)counts.Length)
                counts[j][i]++;
        }
        var frame = new DataFrame(new StringDataFrameColumn(rows.Name, rowAxis.Labels));
        for (int j = 0; j < counts.Length; j++)
            frame.Columns.Add(new Int32DataFrameColumn(colAxis.Labels[j], counts[j]));
        frame.Columns.Add(new Int32DataFrameColumn("total",
            Enumerable.Range(0, rowAxis.Labels.Length).Select(i => counts.Sum(c => c[i]))));
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
        new StringDataFrameColumn("contact_id", this.Select(c => c.ContactId)),
        new StringDataFrameColumn("caller_key", this.Select(c => c.CallerKey)));

    public IEnumerator<Contact> GetEnumerator()
    {
        for (int k = 0; k < Count; k++)
            yield return _columns[Position(k)];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
