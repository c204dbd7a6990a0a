namespace Helpline.Analysis;

/// <summary>Finds the columns a loader knows among a header's names: any case, trimmed, English or Dutch.</summary>
internal sealed class HeaderMap
{
    private readonly int[] _columnOf;

    private HeaderMap(int[] columnOf, IReadOnlyList<string> ignored, IReadOnlyList<string> names)
    {
        _columnOf = columnOf;
        Ignored = ignored;
        Names = names;
    }

    /// <summary>Header names no column matched: kept out of the table and reported (escaped, see <see cref="Printable"/>).</summary>
    public IReadOnlyList<string> Ignored { get; }

    public IReadOnlyList<string> Names { get; }

    public int Recognised => _columnOf.Count(c => c >= 0);

    /// <summary>The column index of a field, or -1 when the file lacks it.</summary>
    public int this[int field] => _columnOf[field];

    public bool Has(int field) => _columnOf[field] >= 0;

    /// <param name="names">Per field: its canonical name first, then its synonyms.</param>
    public static HeaderMap Map(IReadOnlyList<string> header, IReadOnlyList<string[]> names)
    {
        var columnOf = Enumerable.Repeat(-1, names.Count).ToArray();
        var ignored = new List<string>();
        for (int col = 0; col < header.Count; col++)
        {
            var name = header[col].Trim().TrimStart('\uFEFF').Trim();
            if (name.Length == 0)
                continue;
            int field = -1;
            for (int f = 0; f < names.Count && field < 0; f++)
            {
                if (names[f].Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
                    field = f;
            }
            if (field >= 0 && columnOf[field] < 0)
                columnOf[field] = col;
            else
                ignored.Add(Printable.Of(name, 40));
        }
        return new HeaderMap(columnOf, ignored, [.. header.Select(h => h.Trim())]);
    }

    public static string Describe(string[] names) =>
        names.Length == 1 ? names[0] : $"{names[0]} ({string.Join(", ", names.Skip(1))})";
}
