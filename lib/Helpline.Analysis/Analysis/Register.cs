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
    private readonly Contact[] _contacts;

    private Register(Contact[] contacts, Period scope)
    {
        _contacts = contacts;
        Scope = scope;
    }

    /// <summary>The days this register covers: whole months from its first to its last contact, narrowed by <see cref="In"/>.</summary>
    public Period Scope { get; }

    public int Count => _contacts.Length;

    public Contact this[int index] => _contacts[index];

    /// <summary>Loads a register file (default: the shipped synthetic one) and drops the cleaning report.</summary>
    public static Register Load(string? path = null) => RegisterCsv.Load(path ?? DataPaths.Default.Register).Contacts;

    /// <summary>Builds a register from rows already clean: sorts them by arrival and marks new callers.</summary>
    public static Register FromCleanRows(IEnumerable<Contact> contacts)
    {
        var sorted = contacts.Select((c, i) => (c, i)).OrderBy(p => p.c.ReceivedAt).ThenBy(p => p.i).Select(p => p.c).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < sorted.Length; i++)
        {
            var key = sorted[i].CallerKey;
            sorted[i] = sorted[i] with { IsNewCaller = key is not null && seen.Add(key) };
        }
        var scope = sorted.Length == 0
            ? new Period(new DateOnly(2017, 5, 1), new DateOnly(2017, 4, 30))
            : Period.Months(sorted[0].ReceivedAt.Year, sorted[0].ReceivedAt.Month, sorted[^1].ReceivedAt.Year, sorted[^1].ReceivedAt.Month);
        return new Register(sorted, scope);
    }

    public Register Where(Func<Contact, bool> predicate) => new([.. _contacts.Where(predicate)], Scope);

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
        return new Register([.. _contacts.Where(c => scope.Contains(c.ReceivedAt))], scope);
    }

    /// <summary>Counts per step of one breakdown: columns <c>{breakdown}</c> and <c>contacts</c>.</summary>
    public DataFrame CountBy(Breakdown rows)
    {
        var axis = rows.For(Scope);
        var counts = new int[axis.Labels.Length];
        foreach (var contact in _contacts)
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
        foreach (var contact in _contacts)
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
        new DateTimeDataFrameColumn("received_at", _contacts.Select(c => c.ReceivedAt)),
        new StringDataFrameColumn("channel", _contacts.Select(c => c.Channel.Code())),
        new StringDataFrameColumn("outcome", _contacts.Select(c => c.Outcome.Code())),
        new StringDataFrameColumn("requester", _contacts.Select(c => c.Requester.Code())),
        new StringDataFrameColumn("gender", _contacts.Select(c => c.Gender.Code())),
        new StringDataFrameColumn("age_band", _contacts.Select(c => c.AgeBand.Code())),
        new StringDataFrameColumn("referral", _contacts.Select(c => c.Referral.Code())),
        new BooleanDataFrameColumn("is_new_caller", _contacts.Select(c => c.IsNewCaller)),
        new StringDataFrameColumn("contact_id", _contacts.Select(c => c.ContactId)),
        new StringDataFrameColumn("caller_key", _contacts.Select(c => c.CallerKey)));

    public IEnumerator<Contact> GetEnumerator() => ((IEnumerable<Contact>)_contacts).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
