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
    // A filtered register is a view: the loaded contacts, shared, and the positions it keeps (null: all of them).
    private readonly Contact[] _all;
    private readonly int[]? _selected;

    private Register(Contact[] all, int[]? selected, Period scope)
    {
        _all = all;
        _selected = selected;
        Scope = scope;
    }

    /// <summary>The days this register covers: whole months from its first to its last contact, narrowed by <see cref="In"/>.</summary>
    public Period Scope { get; }

    public int Count => _selected?.Length ?? _all.Length;

    public Contact this[int index] => _selected is null ? _all[index] : _all[_selected[index]];

    /// <summary>Loads a register file (default: the shipped synthetic one) and drops the cleaning report.</summary>
    public static Register Load(string? path = null) => RegisterCsv.Load(path ?? DataPaths.Default.Register).Contacts;

    /// <summary>Builds a register from rows already clean: sorts them by arrival (ties keep their order) and marks new callers.</summary>
    public static Register FromCleanRows(IEnumerable<Contact> contacts)
    {
        var sorted = contacts.ToArray();
        if (!IsSorted(sorted))
        {
            var keys = new (long Ticks, int Order)[sorted.Length];
            for (int i = 0; i < sorted.Length; i++)
                keys[i] = (sorted[i].ReceivedAt.Ticks, i);
            Array.Sort(keys, sorted);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < sorted.Length; i++)
        {
            var key = sorted[i].CallerKey;
            sorted[i] = sorted[i] with { IsNewCaller = key is not null && seen.Add(key) };
        }
        var scope = sorted.Length == 0
            ? new Period(new DateOnly(2017, 5, 1), new DateOnly(2017, 4, 30))
            : Period.Months(sorted[0].ReceivedAt.Year, sorted[0].ReceivedAt.Month, sorted[^1].ReceivedAt.Year, sorted[^1].ReceivedAt.Month);
        return new Register(sorted, null, scope);
    }

    private static bool IsSorted(Contact[] contacts)
    {
        for (int i = 1; i < contacts.Length; i++)
        {
            if (contacts[i].ReceivedAt < contacts[i - 1].ReceivedAt)
                return false;
        }
        return true;
    }

    public Register Where(Func<Contact, bool> predicate)
    {
        var kept = new List<int>();
        if (_selected is null)
        {
            for (int i = 0; i < _all.Length; i++)
            {
                if (predicate(_all[i]))
                    kept.Add(i);
            }
        }
        else
        {
            foreach (int i in _selected)
            {
                if (predicate(_all[i]))
                    kept.Add(i);
            }
        }
        return new Register(_all, [.. kept], Scope);
    }

    public Register With(Outcome outcome) => Where(c => c.Outcome == outcome);

    public Register Answered() => With(Outcome.Answered);

    /// <summary>Busy and closed: the contacts the helpline could not take.</summary>
    public Register Missed() => Where(c => c.IsMissed);

    public Register On(Channel channel) => Where(c => c.Channel == channel);

    public Register From(Requester requester) => Where(c => c.Requester == requester);

    public Register Referred() => Where(c => c.Referral != Referral.None);

    /// <summary>The contacts of a period; the scope narrows to it, so month counts list its every month.</summary>
    public Register In(Period period)
    {
        var scope = Scope.Intersect(period);
        var from = scope.IsEmpty ? DateTime.MaxValue : scope.Start.ToDateTime(TimeOnly.MinValue);
        var to = scope.IsEmpty ? DateTime.MinValue : scope.End.ToDateTime(TimeOnly.MaxValue);
        var narrowed = Where(c => c.ReceivedAt >= from && c.ReceivedAt <= to);
        return new Register(_all, narrowed._selected, scope);
    }

    /// <summary>Counts per step of one breakdown: columns <c>{breakdown}</c> and <c>contacts</c>.</summary>
    public DataFrame CountBy(Breakdown rows)
    {
        var axis = rows.For(Scope);
        var counts = new int[axis.Labels.Length];
        foreach (var contact in this)
        {
            int i = axis.IndexOf(contact);
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
        foreach (var contact in this)
        {
            int i = rowAxis.IndexOf(contact), j = colAxis.IndexOf(contact);
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
        if (_selected is null)
        {
            foreach (var contact in _all)
                yield return contact;
        }
        else
        {
            foreach (int i in _selected)
                yield return _all[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
