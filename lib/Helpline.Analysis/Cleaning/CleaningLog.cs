namespace Helpline.Analysis;

/// <summary>What a loader collects while it reads, turned into a <see cref="CleaningReport"/> at the end.</summary>
internal sealed class CleaningLog(string file)
{
    private readonly Dictionary<(string Column, string From, string To), int> _synonyms = [];

    public string File { get; } = file;

    public int RowsRead { get; set; }

    public int BlankLines { get; set; }

    public List<RejectedRow> Rejected { get; } = [];

    public List<DuplicateRow> Duplicates { get; } = [];

    public List<OutOfHoursContact> OutsideOpeningHours { get; } = [];

    public void Reject(int line, string reason, ReadOnlySpan<char> text) =>
        Rejected.Add(new RejectedRow(File, line, reason, (text.Length > 200 ? text[..200] : text).ToString()));

    public void Synonym(string column, ReadOnlySpan<char> from, string to, int count = 1)
    {
        var key = (column, from.Trim().ToString(), to);
        _synonyms[key] = _synonyms.GetValueOrDefault(key) + count;
    }

    public CleaningReport ToReport(DelimitedSource source, HeaderMap header, int kept) => new()
    {
        File = File,
        Encoding = source.EncodingName,
        Separator = source.Separator,
        RowsRead = RowsRead,
        RowsKept = kept,
        Rejected = Rejected,
        Duplicates = Duplicates,
        Synonyms = [.. _synonyms.Select(s => new SynonymMapping(s.Key.Column, s.Key.From, s.Key.To, s.Value))
            .OrderBy(s => s.Column, StringComparer.Ordinal).ThenByDescending(s => s.Count).ThenBy(s => s.From, StringComparer.Ordinal)],
        IgnoredColumns = header.Ignored,
        BlankLines = BlankLines,
        OutsideOpeningHours = OutsideOpeningHours,
    };
}
