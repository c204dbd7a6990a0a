namespace Helpline.Analysis;

/// <summary>Canonical codes, accepted synonyms and display labels of one category (data contract, section 1).</summary>
internal sealed class CategoryTable<T> where T : struct, Enum
{
    private readonly Dictionary<string, T> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<T, (string Code, string Label)> _names = [];
    private readonly List<(string Code, T Value)> _codes = [];

    public CategoryTable(string column, T? blank = null)
    {
        Column = column;
        Blank = blank;
    }

    public string Column { get; }

    /// <summary>The value of an empty cell; null when a blank is an error.</summary>
    public T? Blank { get; }

    public IReadOnlyList<T> Values => [.. _names.Keys];

    public CategoryTable<T> Add(T value, string code, string label, params string[] synonyms)
    {
        _names[value] = (code, label);
        _byName[code] = value;
        _codes.Add((code, value));
        foreach (var synonym in synonyms)
            _byName[synonym] = value;
        return this;
    }

    public string Code(T value) => _names[value].Code;

    public string Label(T value) => _names[value].Label;

    /// <summary>Parses a trimmed cell; <paramref name="synonym"/> is true when the cell was not the canonical code.</summary>
    public bool TryParse(ReadOnlySpan<char> cell, out T value, out bool synonym)
    {
        cell = cell.Trim();
        synonym = false;
        if (cell.IsEmpty)
        {
            value = Blank.GetValueOrDefault();
            return Blank.HasValue;
        }

        // Most cells hold the canonical code: an ordinal compare is cheaper than a case-insensitive hash.
        foreach (var (code, canonical) in _codes)
        {
            if (cell.SequenceEqual(code))
            {
                value = canonical;
                return true;
            }
        }

        var lookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(cell, out value))
            return false;
        synonym = !cell.Equals(_names[value].Code, StringComparison.Ordinal);
        return true;
    }

    public string Expected => string.Join(", ", _names.Values.Select(n => n.Code));
}
