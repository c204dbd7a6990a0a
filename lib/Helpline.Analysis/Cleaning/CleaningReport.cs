using System.Globalization;
using System.Text;

namespace Helpline.Analysis;

/// <summary>
/// What loading did to a file: every row read is kept, rejected (with line and reason) or removed as a duplicate,
/// so that <c>RowsRead == RowsKept + Rejected.Count + Duplicates.Count</c> always holds.
/// </summary>
public sealed record CleaningReport
{
    public required string File { get; init; }

    /// <summary>UTF-8, Windows-1252, UTF-16LE, UTF-16BE, UTF-32LE or UTF-32BE.</summary>
    public required string Encoding { get; init; }

    public required char Separator { get; init; }

    /// <summary>Non-blank rows after the header.</summary>
    public required int RowsRead { get; init; }

    public required int RowsKept { get; init; }

    public required IReadOnlyList<RejectedRow> Rejected { get; init; }

    public required IReadOnlyList<DuplicateRow> Duplicates { get; init; }

    public required IReadOnlyList<SynonymMapping> Synonyms { get; init; }

    /// <summary>Header names the loader does not know: their columns were left out.</summary>
    public required IReadOnlyList<string> IgnoredColumns { get; init; }

    public required int BlankLines { get; init; }

    public IReadOnlyList<OutOfHoursContact> OutsideOpeningHours { get; init; } = [];

    public bool AccountingHolds => RowsRead == RowsKept + Rejected.Count + Duplicates.Count;

    /// <summary>Rejected rows counted by reason, the reason's variable part (the value) left in.</summary>
    public IReadOnlyList<(string Reason, int Rows)> RejectedByReason =>
        [.. Rejected.GroupBy(r => r.Reason).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)];

    /// <summary>A few lines a researcher reads before trusting the table.</summary>
    public string Summary()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        string separator = Separator == '\t' ? "tab" : $"'{Separator}'";
        text.AppendLine(c, $"{Path.GetFileName(File)} ({Encoding}, separator {separator})");
        text.AppendLine(c, $"rows read {RowsRead:N0} = kept {RowsKept:N0} + rejected {Rejected.Count:N0} + duplicates {Duplicates.Count:N0}; blank lines skipped {BlankLines:N0}");
        foreach (var (reason, rows) in RejectedByReason.Take(10))
            text.AppendLine(c, $"  rejected {rows:N0}: {reason}");
        if (Synonyms.Count > 0)
            text.AppendLine(c, $"values mapped from a synonym: {Synonyms.Sum(s => s.Count):N0} ({string.Join("; ", Synonyms.Take(6).Select(s => $"{s.Column} '{s.From}' -> {s.To}: {s.Count:N0}"))})");
        if (IgnoredColumns.Count > 0)
            text.AppendLine(c, $"columns left out (unknown): {string.Join(", ", IgnoredColumns)}");
        if (OutsideOpeningHours.Count > 0)
            text.AppendLine(c, $"answered contacts outside opening hours (kept, reported): {OutsideOpeningHours.Count:N0}, first on line {OutsideOpeningHours[0].Line}");
        return text.ToString().TrimEnd();
    }

    public override string ToString() => Summary();
}
