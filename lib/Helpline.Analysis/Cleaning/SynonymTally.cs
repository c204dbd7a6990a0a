using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Helpline.Analysis;

/// <summary>
/// Counts values mapped from synonyms while a register loads. An export in Dutch maps five cells a row; each distinct
/// text becomes a string once, and counting compares strings by reference, so a million rows cost no allocation.
/// Two threads may intern at once (both parse rows); one counts (it settles them), in a table of its own.
/// </summary>
internal sealed class SynonymTally
{
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Column, string From, string To), int> _counts = new(SameStrings.Instance);

    /// <summary>The one string for this text, whichever thread asks first.</summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
            return known;
        var made = text.ToString();
        return _texts.GetOrAdd(made, made);
    }

    /// <param name="column">A column name, <paramref name="from"/> from <see cref="Intern"/>, <paramref name="to"/> a
    /// category code: strings that are the same text are the same instance.</param>
    public void Count(string column, string from, string to) =>
        CollectionsMarshal.GetValueRefOrAddDefault(_counts, (column, from, to), out _)++;

    public void CopyTo(CleaningLog log)
    {
        foreach (var ((column, from, to), count) in _counts)
            log.Synonym(column, from, to, count);
    }

    private sealed class SameStrings : IEqualityComparer<(string, string, string)>
    {
        public static readonly SameStrings Instance = new();

        public bool Equals((string, string, string) x, (string, string, string) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && ReferenceEquals(x.Item3, y.Item3);

        public int GetHashCode((string, string, string) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Item1), RuntimeHelpers.GetHashCode(key.Item2), RuntimeHelpers.GetHashCode(key.Item3));
    }
}
