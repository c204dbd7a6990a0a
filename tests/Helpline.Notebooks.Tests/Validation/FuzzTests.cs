using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Helpline.Analysis;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Helpline.Notebooks.Tests.Validation;

/// <summary>
/// Generated exports, mutated as files get broken (bytes flipped, cut, repeated, quotes and separators strewn, dates
/// pushed to the ends of time, encodings mixed), loaded as registers and as web statistics. Every input must give a
/// report whose accounting holds, or one <see cref="RegisterFormatException"/> in one printable line; nothing else.
/// A small sample runs with every test run; <c>HELPLINE_FUZZ_CASES=100000</c> runs the long one (README, Test).
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 1_000;
    private const int Seed = 232;

    private static readonly OpeningHours Hours = OpeningHours.Shipped();
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero));

    static FuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Generated_and_mutated_exports_load_with_the_accounting_holding_or_fail_in_one_clear_line()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("HELPLINE_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultCases;
        var failures = new ConcurrentBag<string>();
        int loaded = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var bytes = Case(i);
            bool web = i % 5 == 4;
            try
            {
                var report = web
                    ? WebStatisticsCsv.Read(new MemoryStream(bytes), $"case-{i}.csv", Clock).Report
                    : RegisterCsv.Read(new MemoryStream(bytes), $"case-{i}.csv", Hours, Clock).Report;
                if (!report.AccountingHolds)
                    failures.Add($"case {i}: rows read {report.RowsRead} != kept {report.RowsKept} + rejected {report.Rejected.Count} + duplicates {report.Duplicates.Count}");
                var summary = report.Summary();
                if (summary.Any(ch => char.IsControl(ch) && ch != '\n'))
                    failures.Add($"case {i}: the report prints a control character: {Printable.Of(summary)}");
                Interlocked.Increment(ref loaded);
            }
            catch (RegisterFormatException e)
            {
                if (e.Message.Any(char.IsControl))
                    failures.Add($"case {i}: the error is not one printable line: {Printable.Of(e.Message)}");
                Interlocked.Increment(ref refused);
            }
#pragma warning disable CA1031 // the point of a fuzz run: any other exception is a finding, reported with its case
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"case {i}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: {cases:N0} exports (seed {Seed}) in {clock.Elapsed.TotalSeconds:F1} s: {loaded:N0} loaded, {refused:N0} refused in one line, {failures.Count} failures"));
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
    }

    /// <summary>The bytes of case <paramref name="i"/>: the same on every machine and every run.</summary>
    internal static byte[] Case(int i)
    {
        var random = new Random((Seed * 1_000_003) + i);
        var text = i % 5 == 4 ? WebExport(random) : RegisterExport(random);
        var encoding = Pick(random, Encodings);
        var bytes = new List<byte>(encoding.GetPreamble());
        bytes.AddRange(encoding.GetBytes(text));
        int mutations = random.Next(0, 6);
        for (int m = 0; m < mutations; m++)
            Mutate(random, bytes);
        return [.. bytes];
    }

    private static readonly Encoding[] Encodings =
    [
        new UTF8Encoding(false), new UTF8Encoding(true), Encoding.GetEncoding(1252), new UnicodeEncoding(false, true),
        new UnicodeEncoding(true, true), new UTF32Encoding(false, true), new UnicodeEncoding(false, false),
    ];

    private static readonly string[][] Columns =
    [
        ["contact_id", "Nr", "ID"], ["received_at", "Tijdstip", "datum en uur"], ["channel", "Kanaal", "medium"],
        ["outcome", "Resultaat", "status"], ["requester", "Type hulpvraag"], ["gender", "Geslacht"], ["age_band", "Leeftijd"],
        ["caller_key", "Beller"], ["referral", "Doorverwezen naar"], ["Opmerking", "note"],
    ];

    private static readonly string[][] Values =
    [
        [], [], ["phone", "telefoon", "tel.", "chat", "email", "e-mail", "mail", "fax", ""],
        ["answered", "beantwoord", "busy", "bezet", "closed", "buiten openingsuren", "gesloten", "?"],
        ["self", "eigen gevoelens", "close_environment", "naaste", "professional", "other", "unknown", "", "zelf"],
        ["male", "M", "V", "female", "X", "unknown", ""], ["<18", "18-25", "26-35", "65+", "unknown", "", "99"],
        [], ["none", "", "CAW", "privétherapeut", "slachtofferhulp", "andere", "specialised_centre"],
        ["", "belde terug; zie ook \"vorig\" gesprek", "x"],
    ];

    private static string RegisterExport(Random random)
    {
        char separator = Pick(random, [',', ';', '\t']);
        string newline = random.Next(2) == 0 ? "\n" : "\r\n";
        int columnCount = random.Next(3, Columns.Length + 1);
        var order = Enumerable.Range(0, Columns.Length).OrderBy(_ => random.Next()).Take(columnCount).ToList();
        if (random.Next(4) > 0)
            order = [.. order.Union([1, 2, 3])]; // mostly a register
        var text = new StringBuilder(string.Join(separator, order.Select(c => Pick(random, Columns[c])))).Append(newline);
        int rows = random.Next(0, 80);
        var written = new List<string>();
        for (int r = 0; r < rows; r++)
        {
            if (written.Count > 0 && random.Next(15) == 0)
            {
                text.Append(Pick(random, [.. written])).Append(newline); // a repeated row
                continue;
            }
            if (random.Next(25) == 0)
                text.Append(newline); // a blank line
            var row = string.Join(separator, order.Select(c => Quote(Cell(random, c, r), separator, random)));
            written.Add(row);
            text.Append(row).Append(newline);
        }
        if (random.Next(4) == 0)
            text.Append("Totaal").Append(separator).Append(rows).Append(newline);
        return text.ToString();
    }

    private static string Cell(Random random, int column, int row) => column switch
    {
        0 => random.Next(10) == 0 ? "" : $"C{random.Next(0, 200):D6}",
        1 => Moment(random),
        7 => random.Next(5) == 0 ? "" : $"k{random.Next(0, 50):x12}",
        _ => Pick(random, Values[column]),
    };

    private static string Moment(Random random)
    {
        int year = random.Next(12) switch { 0 => Pick(random, [1, 1900, 2016, 2099, 9999]), _ => random.Next(2017, 2027) };
        var day = new DateTime(year, random.Next(1, 13), random.Next(1, 29), random.Next(0, 24), random.Next(0, 60), 0, DateTimeKind.Unspecified);
        var c = CultureInfo.InvariantCulture;
        return random.Next(6) switch
        {
            0 => day.ToString("yyyy-MM-dd'T'HH:mm", c),
            1 => day.ToString("yyyy-MM-dd HH:mm:ss", c),
            2 => day.ToString("dd/MM/yyyy HH:mm", c),
            3 => day.ToString("d-M-yyyy H:mm", c),
            4 => Pick(random, ["31/02/2021 15:30", "2020-13-01T10:00", "", "gisteren", "10000-01-01T00:00", "2020-03-03T24:00"]),
            _ => day.ToString("yyyy-MM-ddTHH:mm", c),
        };
    }

    private static string WebExport(Random random)
    {
        char separator = Pick(random, [',', ';']);
        var text = new StringBuilder(string.Join(separator, Pick(random, ["month", "maand"]), "site", Pick(random, ["visitors", "bezoekers"]), "returning_visitors")).Append('\n');
        int rows = random.Next(0, 40);
        for (int r = 0; r < rows; r++)
        {
            var month = random.Next(8) == 0 ? Pick(random, ["0001-01", "9999-12", "2099-01", "2016-12", "maart 2019", "13/2020", "mei 3000"]) : $"{random.Next(2017, 2027)}-{random.Next(1, 13):D2}";
            text.Append(string.Join(separator, month, Pick(random, ["website", "selfhelp", "zelfhulpmodule", "blog"]),
                Pick(random, ["1.961", "12", "0", "-5", "1,000,000", "99999999999", ""]), Pick(random, ["", "3", "1.000", "x"]))).Append('\n');
        }
        return text.ToString();
    }

    private static string Quote(string value, char separator, Random random) =>
        value.Contains(separator) || value.Contains('"') || random.Next(20) == 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static readonly byte[][] Strewn =
    [
        "\""u8.ToArray(), ","u8.ToArray(), ";"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), [0x00], [0x1B, 0x5B, 0x32, 0x4A], [0xFF, 0xFE],
        [0xEF, 0xBB, 0xBF], [0xC3], [0xE2, 0x80, 0xAE], "\"\"\""u8.ToArray(), "9999-12-31T10:00"u8.ToArray(), "0001-01-01T00:00"u8.ToArray(),
    ];

    private static void Mutate(Random random, List<byte> bytes)
    {
        int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(8))
        {
            case 0 when bytes.Count > 0:
                bytes[at] = (byte)random.Next(256);
                break;
            case 1:
                bytes.InsertRange(at, Pick(random, Strewn));
                break;
            case 2 when bytes.Count > 0:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 64)));
                break;
            case 3 when bytes.Count > 0:
                var piece = bytes.GetRange(at, Math.Min(bytes.Count - at, random.Next(1, 256)));
                bytes.InsertRange(random.Next(bytes.Count), piece);
                break;
            case 4:
                bytes.RemoveRange(at, bytes.Count - at); // cut off, as a download that stopped
                break;
            case 5:
                var noise = new byte[random.Next(1, 32)];
                random.NextBytes(noise);
                bytes.InsertRange(at, noise);
                break;
            case 6:
                bytes.InsertRange(at, Enumerable.Repeat((byte)'x', random.Next(1, 70_000)));
                break;
            default:
                bytes.InsertRange(at, "\""u8.ToArray());
                break;
        }
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
