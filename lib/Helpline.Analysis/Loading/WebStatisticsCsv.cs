using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Helpline.Analysis;

/// <summary>Reads web statistics (data contract, section 2): one row per month and site.</summary>
public static class WebStatisticsCsv
{
    private const int MonthField = 0, SiteField = 1, VisitorsField = 2, ReturningField = 3;

    private static readonly string[][] FieldNames =
    [
        ["month", "maand"],
        ["site", "website"],
        ["visitors", "bezoekers"],
        ["returning_visitors", "terugkerende bezoekers", "terugkerend"],
    ];

    private static readonly string[] DutchMonths =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <param name="clock">Where this month comes from: a month after it is refused. The system's clock by default.</param>
    public static WebStatisticsLoad Load(string path, TimeProvider? clock = null) => Read(ExportFile.Open(path), path, clock);

    public static WebStatisticsLoad Parse(string text, string name = "inline.csv", TimeProvider? clock = null) =>
        Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, clock);

    public static WebStatisticsLoad Read(Stream stream, string name, TimeProvider? clock = null)
    {
        var window = Plausible.Window(clock ?? TimeProvider.System);
        using var source = DelimitedSource.Open(stream, name)
            ?? throw new RegisterFormatException(name, "the file is empty: expected web statistics with a header line (month, site, visitors)");
        var log = new CleaningLog(name);
        HeaderMap? header = null;
        var kept = new List<WebVisits>();
        var seen = new Dictionary<(DateOnly, Site), (WebVisits Row, int Line)>();

        try
        {
            foreach (var row in source.Reader)
                Take(row);
        }
        catch (NotSupportedException e) when (e.Message.Contains("maximum supported length", StringComparison.Ordinal))
        {
            throw new RegisterFormatException(name, $"line {source.LineOfLongRow()}: a row longer than 16 MB, more than any row of web statistics: is a quote opened there never closed?");
        }
        catch (IOException e)
        {
            throw new RegisterFormatException(name, $"the file cannot be read: {e.Message}");
        }

        void Take(SepReader.Row row)
        {
            int line = DelimitedSource.LineOf(row);
            if (RegisterCsv.IsBlank(row))
            {
                log.BlankLines++;
                return;
            }
            if (header is null)
            {
                header = ReadHeader(row, name);
                return;
            }
            log.RowsRead++;
            if (RegisterCsv.IsTotalsRow(row))
            {
                log.Reject(line, "totals row (Totaal), not a month", row.Span);
                return;
            }
            if (row.ColCount < header.Names.Count)
            {
                log.Reject(line, $"has {row.ColCount} fields where the header has {header.Names.Count}", row.Span);
                return;
            }

            ReadOnlySpan<char> Get(SepReader.Row r, int field) => header.Has(field) ? Cell.Text(r[header[field]].Span) : [];
            var monthCell = Get(row, MonthField);
            string? error = null;
            if (!TryParseMonth(monthCell, out var month))
                error = $"month: '{Printable.Of(monthCell)}' is not a month (expected e.g. 2019-03, 03/2019 or maart 2019)";
            else if (window.RefuseMonth(month) is { } outside)
                error = "month: " + outside;
            else if (!Categories.Sites.TryParse(Get(row, SiteField), out var site, out bool synonym))
                error = $"site: unknown value '{Printable.Of(Get(row, SiteField))}' (expected {Categories.Sites.Expected})";
            else if (!TryParseCount(Get(row, VisitorsField), out int visitors))
                error = $"visitors: '{Printable.Of(Get(row, VisitorsField))}' is not a whole number of 0 or more";
            else
            {
                int? returning = null;
                var returningCell = Get(row, ReturningField);
                if (!returningCell.IsEmpty)
                {
                    if (!TryParseCount(returningCell, out int r))
                        error = $"returning_visitors: '{Printable.Of(returningCell)}' is not a whole number of 0 or more";
                    else if (r > visitors)
                        error = $"returning_visitors ({r}) is more than visitors ({visitors})";
                    returning = r;
                }
                if (error is null)
                {
                    var visits = new WebVisits(month, site, visitors, returning, line);
                    if (seen.TryGetValue((month, site), out var first))
                    {
                        if (first.Row with { SourceLine = 0 } == visits with { SourceLine = 0 })
                            log.Duplicates.Add(new DuplicateRow(line, first.Line));
                        else
                            log.Reject(line, string.Create(CultureInfo.InvariantCulture, $"{month:yyyy-MM} {site.Code()} is already on line {first.Line} with other values"), row.Span);
                        return;
                    }
                    seen.Add((month, site), (visits, line));
                    if (synonym)
                        log.Synonym("site", Get(row, SiteField), site.Code());
                    kept.Add(visits);
                    return;
                }
            }
            log.Reject(line, error, row.Span);
        }

        if (header is null)
            throw new RegisterFormatException(name, "the file has no header line: expected month, site, visitors");
        return new WebStatisticsLoad(new WebStatistics(kept), log.ToReport(source, header, kept.Count));
    }

    private static HeaderMap ReadHeader(SepReader.Row row, string name)
    {
        var names = new string[row.ColCount];
        for (int i = 0; i < row.ColCount; i++)
            names[i] = Cell.Text(row[i].Span).ToString();
        var header = HeaderMap.Map(names, FieldNames);
        var missing = new[] { MonthField, SiteField, VisitorsField }.Where(f => !header.Has(f)).Select(f => HeaderMap.Describe(FieldNames[f])).ToList();
        if (missing.Count > 0)
        {
            throw new RegisterFormatException(name,
                $"not web statistics: missing column {string.Join(", ", missing)}; found {string.Join(", ", names.Where(n => n.Length > 0).Select(n => $"'{Printable.Of(n, 40)}'").Take(12))}");
        }
        return header;
    }

    internal static bool TryParseMonth(ReadOnlySpan<char> cell, out DateOnly month)
    {
        var c = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(cell, ["yyyy-MM", "yyyy-M", "MM/yyyy", "M/yyyy", "MMMM yyyy", "MMM yyyy"], c, DateTimeStyles.None, out month))
            return true;
        int space = cell.IndexOf(' ');
        if (space > 0 && int.TryParse(cell[(space + 1)..], NumberStyles.None, c, out int year) && year is > 1900 and < 3000)
        {
            var name = cell[..space];
            for (int m = 0; m < 12; m++)
            {
                if (name.Equals(DutchMonths[m], StringComparison.OrdinalIgnoreCase))
                {
                    month = new DateOnly(year, m + 1, 1);
                    return true;
                }
            }
        }
        month = default;
        return false;
    }

    /// <summary>A whole number, with Dutch (<c>1.961</c>) or English (<c>1,961</c>) thousands separators.</summary>
    internal static bool TryParseCount(ReadOnlySpan<char> cell, out int value)
    {
        value = 0;
        if (cell.IsEmpty)
            return false;
        long total = 0;
        int digitsInGroup = 0;
        bool grouped = false;
        foreach (var ch in cell)
        {
            if (char.IsAsciiDigit(ch))
            {
                total = total * 10 + (ch - '0');
                digitsInGroup++;
                if (total > int.MaxValue)
                    return false;
            }
            else if (ch is '.' or ',' && digitsInGroup > 0 && (grouped ? digitsInGroup == 3 : digitsInGroup <= 3))
            {
                grouped = true;
                digitsInGroup = 0;
            }
            else
            {
                return false;
            }
        }
        if (grouped && digitsInGroup != 3)
            return false;
        value = (int)total;
        return true;
    }
}
