using System.Text;
using Helpline.Analysis;
using Helpline.Notebooks.Validation;
using Microsoft.Extensions.Time.Testing;

namespace Helpline.Notebooks.Tests.Validation;

/// <summary>What <c>validate</c> makes of exports that are broken in the ways real ones are: nothing lost, nothing guessed.</summary>
public class FileValidationTests
{
    private const string Header = "contact_id,received_at,channel,outcome,requester,gender,age_band,caller_key,referral";

    /// <summary>28 November 2026, noon in Brussels: the day the tests take as today.</summary>
    private static FakeTimeProvider Today() => new(new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero));

    private static string Row(int i, string moment = "2020-03-03T15:32", string channel = "phone") =>
        $"C{i:D6},{moment},{channel},busy,unknown,unknown,unknown,k{i:D12},none";

    private static FileValidation Validate(string text, Encoding? encoding = null, TimeProvider? clock = null)
    {
        var path = Path.Combine(Cli.TempFolder(), "export.csv");
        File.WriteAllBytes(path, [.. (encoding ?? new UTF8Encoding(false)).GetPreamble(), .. (encoding ?? Encoding.UTF8).GetBytes(text)]);
        return FileValidation.Of(path, clock ?? Today());
    }

    private static string Export(IEnumerable<string> rows) => string.Join("\n", rows.Prepend(Header)) + "\n";

    [Fact]
    public void An_unclosed_quote_names_the_line_it_opened_on_and_loses_no_row()
    {
        var rows = Enumerable.Range(1, 49).Select(i => Row(i, $"2020-03-{1 + (i % 28):D2}T15:{i % 60:D2}")).ToList();
        rows[1] = rows[1].Replace(",phone,", ",\"phone,", StringComparison.Ordinal); // line 3
        var report = Validate(Export(rows));
        Assert.Equal(49, report.RowsRead);
        Assert.Equal(48, report.RowsKept);
        Assert.Equal(1, report.RowsRejected);
        Assert.True(report.AccountingHolds);
        var reason = Assert.Single(report.RejectedByReason);
        Assert.Equal([3], reason.FirstLines);
        Assert.Contains("a quote opened on line 3 is never closed", reason.Reason);
        Assert.Contains("48 lines", reason.Reason);
    }

    [Fact]
    public void A_stray_quote_closed_lines_later_breaks_one_row_and_the_lines_it_took_are_read_on_their_own()
    {
        var rows = Enumerable.Range(1, 10).Select(i => Row(i, $"2020-03-{i:D2}T15:00")).ToList();
        rows[2] = rows[2].Replace(",phone,", ",\"phone,", StringComparison.Ordinal); // line 4 opens
        rows[6] = rows[6].Replace(",phone,", ",phone\",", StringComparison.Ordinal); // line 8 closes
        var report = Validate(Export(rows));
        Assert.Equal(10, report.RowsRead);
        Assert.True(report.AccountingHolds);
        Assert.Equal(8, report.RowsKept);
        Assert.Contains(report.RejectedByReason, r => r.FirstLines.SequenceEqual([4]) && r.Reason.Contains("a quote opened on line 4 closes only on line 8", StringComparison.Ordinal));
        Assert.Contains(report.RejectedByReason, r => r.FirstLines.SequenceEqual([8]));
    }

    [Fact]
    public void A_quoted_value_over_two_lines_that_makes_a_whole_row_is_kept()
    {
        var report = Validate("contact_id,received_at,channel,outcome,note\nC1,2020-03-03T15:32,phone,busy,\"called back;\nsee earlier call\"\nC2,2020-03-03T15:40,phone,busy,\n");
        Assert.Equal(2, report.RowsKept);
        Assert.Equal(0, report.RowsRejected);
    }

    [Theory]
    [InlineData("0001-01-01T10:00", "before the helpline opened on 2017-05-19")]
    [InlineData("1900-06-01T10:00", "before the helpline opened on 2017-05-19")]
    [InlineData("2017-05-18T15:00", "before the helpline opened on 2017-05-19")]
    [InlineData("2026-11-29T00:00", "after today (2026-11-28)")]
    [InlineData("2099-01-01T10:00", "after today (2026-11-28)")]
    [InlineData("9999-12-31T10:00", "after today (2026-11-28)")]
    public void A_date_outside_the_helplines_life_is_rejected_with_a_reason(string moment, string why)
    {
        var report = Validate(Export([Row(1, "2017-05-19T15:00"), Row(2, moment), Row(3, "2026-11-28T23:59")]));
        Assert.Equal(2, report.RowsKept);
        var reason = Assert.Single(report.RejectedByReason);
        Assert.Equal($"received_at: {moment[..10]} is {why}", reason.Reason);
        Assert.Equal("2017-05-19", report.FirstDay);
        Assert.Equal("2026-11-28", report.LastDay);
    }

    [Fact]
    public void Today_is_the_clocks_day_in_Brussels_not_in_UTC()
    {
        // 23:30 UTC on 28 November is already 29 November in Brussels: a contact of that day has happened.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.Zero));
        var report = Validate(Export([Row(1, "2026-11-29T00:10")]), clock: clock);
        Assert.Equal(1, report.RowsKept);
        var anHourEarlier = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 22, 30, 0, TimeSpan.Zero));
        Assert.Equal(0, Validate(Export([Row(1, "2026-11-29T00:10")]), clock: anHourEarlier).RowsKept);
    }

    [Fact]
    public void Web_statistics_for_months_to_come_are_rejected_with_a_reason()
    {
        var report = Validate("month,site,visitors\n2020-03,website,100\n2099-01,website,5\n2027-01,website,5\n2016-12,website,7\n");
        Assert.Equal(1, report.RowsKept);
        Assert.Contains(report.RejectedByReason, r => r.Reason == "month: 2099-01 is after this month (2026-11)");
        Assert.Contains(report.RejectedByReason, r => r.Reason == "month: 2016-12 is before the helpline opened (2017-05)");
    }

    [Fact]
    public void Web_statistics_whose_visitors_add_up_past_a_whole_count_are_refused_in_one_line()
    {
        var error = Assert.Throws<RegisterFormatException>(() => Validate("month,site,visitors\n2019-12,website,1500000000\n2020-01,website,1500000000\n"));
        Assert.EndsWith("export.csv: the visitors of website add up to 3,000,000,000, more than 2,147,483,647: not the web statistics of one helpline", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Unicode() => new()
    {
        { "utf-16LE", "UTF-16LE" },
        { "utf-16BE", "UTF-16BE" },
        { "utf-32LE", "UTF-32LE" },
        { "utf-32BE", "UTF-32BE" },
    };

    [Theory]
    [MemberData(nameof(Unicode))]
    public void A_file_with_a_UTF_16_or_UTF_32_byte_order_mark_is_read_and_reported_as_such(string encoding, string reported)
    {
        var report = Validate(Export([Row(1), Row(2, channel: "e-mail\u00e9")]), Encoding.GetEncoding(encoding));
        Assert.Equal(reported, report.Encoding);
        Assert.Equal(1, report.RowsKept);
        Assert.Contains(report.RejectedByReason, r => r.Reason.Contains("unknown value 'e-mail\u00e9'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_UTF_16_file_without_a_byte_order_mark_is_recognised_by_its_zero_bytes()
    {
        var path = Path.Combine(Cli.TempFolder(), "export.csv");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes(Export([Row(1), Row(2)])));
        var report = FileValidation.Of(path, Today());
        Assert.Equal("UTF-16LE", report.Encoding);
        Assert.Equal(2, report.RowsKept);
    }

    [Fact]
    public void A_spreadsheet_workbook_is_named_as_one()
    {
        var path = Path.Combine(Cli.TempFolder(), "export.xlsx");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
        var error = Assert.Throws<RegisterFormatException>(() => FileValidation.Of(path, Today()));
        Assert.Contains("a zip archive (an .xlsx workbook?), not a CSV export", error.Message);
    }

    [Fact]
    public void Control_characters_in_a_cell_are_escaped_in_the_reason()
    {
        var report = Validate(Export([Row(1, channel: "fax\u001b]0;pwned\u0007")]));
        var reason = Assert.Single(report.RejectedByReason).Reason;
        Assert.Contains(@"unknown value 'fax\x1B]0;pwned\x07'", reason);
        Assert.DoesNotContain(reason, char.IsControl);
    }

    [Fact]
    public void Unknown_header_names_are_reported_escaped()
    {
        var report = Validate("received_at,channel,outcome,\u001b[2Jwipe\n2020-03-03T15:32,phone,busy,x\n");
        Assert.Equal([@"\x1B[2Jwipe"], report.IgnoredColumns);
    }
}
