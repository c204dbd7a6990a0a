using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Helpline.Analysis;

/// <summary>
/// Components the linked audit has settled in this process, by everything the audit of one reads: the register (the
/// same object, as loaded once a process), the threshold, the opening hours, and for each statistic its definition,
/// kind, value, state and fixedness before the audit, its published range and which of the others share a table
/// with it. The audit is deterministic, so a component equal on all of these is decided as it was, without solving
/// again: a publish run again in one process (<c>watch</c>, <c>publish --runs</c>), or a kernel deciding each new
/// output together with those shown before it, audits only the components that changed.
/// </summary>
internal sealed class AuditMemo
{
    /// <summary>Components kept a register before the memo starts afresh: a site has a handful, an exploring session more.</summary>
    private const int Capacity = 512;

    private readonly ConditionalWeakTable<RegisterColumns, ConcurrentDictionary<Key, Outcome>> _settled = new();

    /// <summary>The memo of this process's release gate.</summary>
    public static AuditMemo Process { get; } = new();

    /// <summary>What the audit of a component starts from; taken before it runs.</summary>
    public static Key KeyOf(RegisterColumns source, IReadOnlyList<GateEntry> component, DisclosureOptions options, OpeningHours? hours)
    {
        // Tables are numbered by first sight: the audit only asks whether two statistics share one.
        var tables = new Dictionary<CountTable, int>(ReferenceEqualityComparer.Instance);
        var items = new Item[component.Count];
        for (int k = 0; k < component.Count; k++)
        {
            var e = component[k];
            var shared = e.Tables.Select(t => tables.TryGetValue(t, out var id) ? id : tables[t] = tables.Count);
            items[k] = new Item(e.Definition, e.Statistic.Kind, e.Value, e.State, e.Fixed, e.PublishedRange, string.Join(',', shared));
        }
        return new Key(source.Count, options.Threshold, hours?.Slots.ToArray(), items);
    }

    /// <summary>Gives the component's statistics the states an equal component was settled with, and its report's
    /// figures; false when no equal component was audited in this process.</summary>
    public bool TryApply(RegisterColumns source, Key key, IReadOnlyList<GateEntry> component, GateReport report)
    {
        if (!_settled.TryGetValue(source, out var settled) || !settled.TryGetValue(key, out var outcome))
            return false;
        for (int k = 0; k < component.Count; k++)
            component[k].State = outcome.States[k];
        report.AddAudit(outcome.Audit);
        return true;
    }

    /// <summary>Keeps what the audit of a component settled (its statistics' states now) and what it cost.</summary>
    public void Add(RegisterColumns source, Key key, IReadOnlyList<GateEntry> component, GateReport report)
    {
        var settled = _settled.GetValue(source, _ => new ConcurrentDictionary<Key, Outcome>());
        if (settled.Count >= Capacity)
            settled.Clear();
        var audit = new GateReport();
        audit.AddAudit(report);
        settled[key] = new Outcome([.. component.Select(e => e.State)], audit);
    }

    internal readonly record struct Item(Definition Definition, StatisticKind Kind, int Value, CellState State, bool Fixed, (int Low, int High)? PublishedRange, string Tables);

    /// <summary>A component as the audit starts on it (compared item by item).</summary>
    internal sealed class Key : IEquatable<Key>
    {
        private readonly int _rows;
        private readonly int _threshold;
        private readonly OpeningSlot[]? _hours;
        private readonly Item[] _items;
        private readonly int _hash;

        public Key(int rows, int threshold, OpeningSlot[]? hours, Item[] items)
        {
            _rows = rows;
            _threshold = threshold;
            _hours = hours;
            _items = items;
            var hash = new HashCode();
            hash.Add(rows);
            hash.Add(threshold);
            hash.Add(hours?.Length ?? -1);
            foreach (var item in items)
                hash.Add(item);
            _hash = hash.ToHashCode();
        }

        public bool Equals(Key? other) =>
            other is not null && _hash == other._hash && _rows == other._rows && _threshold == other._threshold
            && (_hours is null ? other._hours is null : other._hours is not null && _hours.AsSpan().SequenceEqual(other._hours))
            && _items.AsSpan().SequenceEqual(other._items);

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;
    }

    private sealed record Outcome(CellState[] States, GateReport Audit);
}
