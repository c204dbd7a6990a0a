using System.Text;
using Helpline.Analysis;
using Helpline.Notebooks.Validation;

namespace Helpline.Notebooks.Tests.Corpus;

/// <summary>Realistic messy exports and the reports <c>validate</c> gives for them (approved files, <c>*.expected.json</c>).</summary>
public class CorpusTests
{
    static CorpusTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Folder => Path.Combine(DataPaths.Default.Root, "tests", "Helpline.Notebooks.Tests", "Corpus");

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Folder, "*.csv").Select(f => Path.GetFileName(f)).Where(f => f != "not-a-register.csv").Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Validate_gives_the_approved_report_for_each_corpus_file(string file)
    {
        var received = FileValidation.Of(Path.Combine(Folder, file)).ToJson().Replace(Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal) + "\n";
        var approved = Path.Combine(Folder, Path.ChangeExtension(file, ".expected.json"));
        if (!File.Exists(approved) || File.ReadAllText(approved) != received)
        {
            File.WriteAllText(Path.Combine(Folder, Path.ChangeExtension(file, ".received.json")), received);
            Assert.Fail($"{file}: the report differs from {Path.GetFileName(approved)}; see the .received.json beside it and approve it by renaming if it is right");
        }
    }

    [Fact]
    public void Every_corpus_report_adds_up()
    {
        foreach (var file in Files())
            Assert.True(FileValidation.Of(Path.Combine(Folder, file)).AccountingHolds, file);
    }

    [Fact]
    public void Validate_on_a_file_that_is_not_a_register_exits_1_with_one_line_naming_the_file()
    {
        var (exit, output, err) = Cli.Run("validate", Path.Combine(Folder, "not-a-register.csv"));
        Assert.Equal(1, exit);
        Assert.Equal("", output.Trim());
        var line = Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains("not-a-register.csv: neither a register nor web statistics", line);
    }

    [Fact]
    public void Validate_exits_0_on_a_file_with_rejected_rows_and_prints_them_by_reason_with_lines()
    {
        var (exit, output, _) = Cli.Run("validate", Path.Combine(Folder, "unknown-values.csv"));
        Assert.Equal(0, exit);
        Assert.Contains("rows read 9 = kept 2 + rejected 7 + duplicates 0", output);
        Assert.Contains("channel: unknown value 'fax'", output);
        Assert.Contains("(line 2)", output);
    }

    [Fact]
    public void The_full_export_is_what_MessyExport_writes_from_the_shipped_register()
    {
        var expected = MessyExport.Bytes(SyntheticRegister.Generate(OpeningHours.Shipped()).Contacts);
        var path = Path.Combine(Folder, MessyExport.FileName);
        if (Environment.GetEnvironmentVariable("HELPLINE_WRITE_CORPUS") == "1")
            File.WriteAllBytes(path, expected);
        Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(expected), $"{MessyExport.FileName} is stale: rerun this test with HELPLINE_WRITE_CORPUS=1");
    }

    [Fact]
    public void The_full_export_keeps_every_contact_of_the_register_and_reports_every_flaw()
    {
        var report = FileValidation.Of(Path.Combine(Folder, MessyExport.FileName));
        var register = Register.Load();
        Assert.Equal(register.Count, report.RowsKept);
        var reasons = string.Join("\n", report.RejectedByReason.Select(r => r.Reason));
        foreach (var flaw in new[] { "channel: unknown value 'fax'", "e-mail recorded as busy", "received_at: '31/02/2021 15:30' is not a date and time", "totals row" })
            Assert.Contains(flaw, reasons);
        Assert.Equal(4, report.RowsRejected);
        Assert.Equal(Enumerable.Range(0, register.Count).Count(MessyExport.IsRepeated), report.Duplicates);
        Assert.Equal(["Opmerking"], report.IgnoredColumns);
        Assert.Equal("Windows-1252", report.Encoding);
    }
}
