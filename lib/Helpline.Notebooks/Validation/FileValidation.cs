using System.Globalization;
using System.Text;
using System.Text.Json;
using Helpline.Analysis;

namespace Helpline.Notebooks.Validation;

/// <summary>What <c>validate</c> says of one file: its cleaning report and a profile of what was kept.</summary>
internal sealed record FileValidation(
    string File,
    string Kind,
    string Encoding,
    string Separator,
    int RowsRead,
    int RowsKept,
    int RowsRejected,
    int Duplicates,
    int BlankLines,
    bool AccountingHolds,
    IReadOnlyList<FileValidation.ReasonCount> RejectedByReason,
    IReadOnlyList<SynonymMapping> Synonyms,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<int> DuplicateLines,
    IReadOnlyList<int> OutsideOpeningHoursLines,
    string? FirstDay,
    string? LastDay,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts)
{
    /// <param name="FirstLines">Up to three lines the reason applies to.</param>
    internal sealed record ReasonCount(string Reason, int Rows, IReadOnlyList<int> FirstLines);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Loads a file as a register, or as web statistics when its header is one; throws when it is neither.</summary>
    /// <param name="clock">Today, for the window of plausible dates (the system's clock by default).</param>
    public static FileValidation Of(string path, TimeProvider? clock = null)
    {
        try
        {
            var load = RegisterCsv.Load(path, clock: clock);
            var register = load.Contacts;
            var counts = Enum.GetValues<Channel>().ToDictionary(ch => ch.Code(), ch => (IReadOnlyDictionary<string, int>)Enum.GetValues<Outcome>()
                .ToDictionary(o => o.Code(), o => register.Count(c => c.Channel == ch && c.Outcome == o)));
            return From(load.Report, "register", register.Count == 0 ? null : Day(register[0].ReceivedAt), register.Count == 0 ? null : Day(register[^1].ReceivedAt), counts);
        }
        catch (RegisterFormatException registerError) when (registerError.Problem.StartsWith("no recognisable register header", StringComparison.Ordinal))
        {
            WebStatisticsLoad web;
            try
            {
                web = WebStatisticsCsv.Load(path, clock);
            }
            catch (RegisterFormatException)
            {
                throw new RegisterFormatException(path, registerError.Problem.Replace("no recognisable register header", "neither a register nor web statistics: no recognisable header", StringComparison.Ordinal));
            }
            var visits = web.Visits;
            // A count of this report is a whole number as the register's are; a site's visitors that add up past one are no helpline's.
            foreach (var site in Enum.GetValues<Site>().Where(s => visits.For(s).Visitors.Value > int.MaxValue))
                throw new RegisterFormatException(path, $"the visitors of {site.Code()} add up to {visits.For(site).Visitors.Value:N0}, more than {int.MaxValue:N0}: not the web statistics of one helpline");
            var counts = Enum.GetValues<Site>().ToDictionary(s => s.Code(), s => (IReadOnlyDictionary<string, int>)new Dictionary<string, int>
            {
                ["months"] = visits.For(s).Count,
                ["visitors"] = (int)visits.For(s).Visitors.Value,
                ["returning_visitors"] = (int)visits.For(s).ReturningVisitors.Value,
            });
            return From(web.Report, "web statistics", visits.Count == 0 ? null : Day(visits[0].Month), visits.Count == 0 ? null : Day(visits[^1].Month), counts);
        }
    }

    private static FileValidation From(CleaningReport report, string kind, string? first, string? last, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> counts) => new(
        report.File, kind, report.Encoding, report.Separator == '\t' ? "tab" : report.Separator.ToString(), report.RowsRead, report.RowsKept,
        report.Rejected.Count, report.Duplicates.Count, report.BlankLines, report.AccountingHolds,
        [.. report.Rejected.GroupBy(r => r.Reason).Select(g => new ReasonCount(g.Key, g.Count(), [.. g.Select(r => r.Line).Take(3)]))
            .OrderByDescending(r => r.Rows).ThenBy(r => r.Reason, StringComparer.Ordinal)],
        report.Synonyms, report.IgnoredColumns, [.. report.Duplicates.Select(d => d.Line)],
        [.. report.OutsideOpeningHours.Select(o => o.Line)], first, last, counts);

    // Days only: validate prints no moment finer than the day, like every published output.
    private static string Day(DateTime moment) => moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{File}: {Kind} ({Encoding}, separator '{Separator}')");
        text.AppendLine(c, $"  rows read {RowsRead:N0} = kept {RowsKept:N0} + rejected {RowsRejected:N0} + duplicates {Duplicates:N0}{(AccountingHolds ? "" : "  (DOES NOT ADD UP)")}; blank lines {BlankLines:N0}");
        if (FirstDay is not null)
            text.AppendLine(c, $"  covers {FirstDay} to {LastDay}");
        foreach (var reason in RejectedByReason)
            text.AppendLine(c, $"  rejected {reason.Rows,6:N0}  {reason.Reason}  (line {string.Join(", ", reason.FirstLines)}{(reason.Rows > reason.FirstLines.Count ? ", ..." : "")})");
        if (Duplicates > 0)
            text.AppendLine(c, $"  duplicates removed {Duplicates:N0} (line {string.Join(", ", DuplicateLines.Take(5))}{(Duplicates > 5 ? ", ..." : "")})");
        foreach (var s in Synonyms)
            text.AppendLine(c, $"  mapped  {s.Count,6:N0}  {s.Column} '{s.From}' -> {s.To}");
        if (IgnoredColumns.Count > 0)
            text.AppendLine(c, $"  columns left out: {string.Join(", ", IgnoredColumns)}");
        if (OutsideOpeningHoursLines.Count > 0)
            text.AppendLine(c, $"  answered outside opening hours (kept): {OutsideOpeningHoursLines.Count:N0} (line {string.Join(", ", OutsideOpeningHoursLines.Take(5))}{(OutsideOpeningHoursLines.Count > 5 ? ", ..." : "")})");
        if (Counts.Count > 0)
        {
            var columns = Counts.First().Value.Keys.ToList();
            text.AppendLine(c, $"  {"",-10}{string.Concat(columns.Select(k => $"{k,20}"))}");
            foreach (var (row, values) in Counts)
                text.AppendLine(c, $"  {row,-10}{string.Concat(columns.Select(k => $"{values[k],20:N0}"))}");
        }
        return text.ToString();
    }
}
