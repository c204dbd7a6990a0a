using System.Globalization;
using System.IO.Compression;
using Helpline.Notebooks.Tests.Publishing;
using MiniExcelLibs;

namespace Helpline.Notebooks.Tests.Documents;

/// <summary>Each page's workbook reopened by its library: the same cells as the page's CSV downloads, header frozen, notes.</summary>
[Collection(nameof(DocumentsSite))]
public class WorkbookTests(PublishedDocuments site)
{
    [SkippableFact]
    public void Every_sheet_holds_the_cells_of_its_CSV_download_numbers_as_numbers_and_withheld_marks_as_text()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        Assert.True(site.Exit == 0, site.Log);
        int cells = 0, marks = 0;
        foreach (var group in site.Files.Tables().GroupBy(t => t.Page))
        {
            var path = site.Document($"documents/{group.Key}.xlsx");
            Assert.True(File.Exists(path), path);
            var sheets = MiniExcel.GetSheetNames(path);
            Assert.Equal([.. group.Select(t => "Table " + t.File["table-".Length..^".csv".Length]), "Notes"], sheets);
            foreach (var (_, file, header, rows) in group)
            {
                var sheet = "Table " + file["table-".Length..^".csv".Length];
                var read = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
                Assert.Equal(rows.Count + 1, read.Count);
                Assert.Equal(header, read[0].Take(header.Length).Select(v => v?.ToString()));
                for (int r = 0; r < rows.Count; r++)
                {
                    for (int c = 0; c < rows[r].Length; c++)
                    {
                        var csv = rows[r][c];
                        var xlsx = read[r + 1][c];
                        var where = $"{group.Key} {sheet} row {r + 1} column {header[c]}";
                        if (csv.Length == 0)
                        {
                            Assert.True(xlsx is null || xlsx is string { Length: 0 }, where);
                        }
                        else if (Number(csv) is { } number)
                        {
                            Assert.True(xlsx is double or int or long or decimal, $"{where}: '{csv}' is not a number but {xlsx?.GetType().Name}");
                            Assert.Equal(number, Convert.ToDouble(xlsx, CultureInfo.InvariantCulture), 9);
                        }
                        else
                        {
                            Assert.True(csv == xlsx as string, $"{where}: '{csv}' on the page, '{xlsx}' in the workbook");
                            marks += csv is "x" or ".." || csv.StartsWith('≤') ? 1 : 0;
                        }
                        cells++;
                    }
                }
            }
        }
        Assert.True(cells > 500, $"only {cells} cells compared");
        Assert.True(marks > 10, $"only {marks} withheld marks compared");
    }

    [SkippableFact]
    public void The_header_row_is_frozen_and_the_notes_give_the_source_and_the_legend()
    {
        Skip.If(Chromium.Executable is null, PublishedDocuments.NoChromium);
        var path = site.Document("documents/04-unanswered.xlsx");
        using (var zip = ZipFile.OpenRead(path))
        {
            using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var xml = reader.ReadToEnd();
            Assert.Contains("state=\"frozen\"", xml, StringComparison.Ordinal);
            Assert.Contains("ySplit=\"1\"", xml, StringComparison.Ordinal);
        }
        var notes = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Notes").Cast<IDictionary<string, object?>>().Select(r => r["text"] as string ?? "").ToList();
        Assert.Contains(notes, n => n.StartsWith("Source: Stop it Now! register (synthetic", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("≤5: a count from 1 to 5", StringComparison.Ordinal));
    }

    private static double? Number(string cell)
    {
        bool percent = cell.EndsWith('%');
        var text = percent ? cell[..^1] : cell;
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] == '-' && text.Length > 1))
            return null;
        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? percent ? n / 100 : n : null;
    }
}
