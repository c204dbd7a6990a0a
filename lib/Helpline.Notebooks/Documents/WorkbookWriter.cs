using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Helpline.Notebooks.Documents;

/// <summary>
/// A page's tables as one XLSX workbook (MiniExcel): a sheet per table, named as the page links it ("Table 1"), the
/// same cells as its CSV download: numbers as numbers, shares as fractions, withheld marks as the text the page
/// shows; the header row frozen; a last sheet with the page, the source and the disclosure legend.
/// </summary>
internal static class WorkbookWriter
{
    public const string NotesSheet = "Notes";

    public static string SheetName(int table) => $"Table {table}";

    public static void Write(PageModel page, string path)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in page.Tables)
            sheets[SheetName(table.Number)] = Rows(CsvTable.Parse(table.Csv));
        var notes = new List<Dictionary<string, object?>>
        {
            Note("page", page.Title),
            Note("source", page.SourceLine),
        };
        notes.AddRange(page.Tables.Select(t => Note(SheetName(t.Number), t.Caption)));
        notes.AddRange(page.Legends.Select(l => Note("legend", l)));
        notes.Add(Note("shares", "A share the page shows as 60% is the number 0.6 here; counts and decimals are numbers; a withheld cell is text, the mark the page shows."));
        notes.Add(page.NotForPublication
            ? Note("release", "Disclosure control was off: no count was withheld. The same cells as the page's CSV downloads.")
            : Note("release", "Every count passed the site's release gate: a cell the page withholds is withheld here with the same mark. The same cells as the page's CSV downloads."));
        sheets[NotesSheet] = notes;
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            FastMode = true,
            EnableAutoWidth = true,
            AutoFilter = false,
            TableStyles = TableStyles.None,
        };
        if (File.Exists(path))
            File.Delete(path);
        MiniExcel.SaveAs(path, sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
    }

    private static List<Dictionary<string, object?>> Rows(CsvTable table)
    {
        // Column names are the workbook's header row; a name repeated in a CSV header gets its position added.
        var keys = table.Header.Select((h, i) => table.Header.Take(i).Contains(h, StringComparer.Ordinal) || h.Length == 0 ? $"{h} ({i + 1})" : h).ToList();
        var rows = new List<Dictionary<string, object?>>();
        foreach (var cells in table.Rows)
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (int i = 0; i < keys.Count; i++)
            {
                var cell = i < cells.Count ? cells[i] : "";
                row[keys[i]] = cell.Length == 0 ? null : CsvTable.Value(cell).Number is { } number ? number : cell;
            }
            rows.Add(row);
        }
        return rows;
    }

    private static Dictionary<string, object?> Note(string what, string text) =>
        new(StringComparer.Ordinal) { ["what"] = what, ["text"] = text };
}
