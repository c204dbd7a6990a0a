using System.Text;

namespace Helpline.Analysis.Tests.Loading;

public class RegisterCsvTests
{
    private const string Header = "contact_id,received_at,channel,outcome,requester,gender,age_band,caller_key,referral";

    // A Tuesday inside the phone and chat slot (15:00-19:00), and a Sunday outside every slot.
    private const string Open = "2020-03-03T15:32";
    private const string Shut = "2020-03-01T10:00";

    private static RegisterLoad Parse(params string[] lines) => RegisterCsv.Parse(string.Join("\n", lines), "test.csv", Shipped.Hours);

    private static RegisterLoad Read(byte[] bytes) => RegisterCsv.Read(new MemoryStream(bytes), "test.csv", Shipped.Hours);

    [Fact]
    public void A_canonical_file_loads_every_row_with_its_values()
    {
        var load = Parse(Header,
            $"1,{Open},phone,answered,self,male,26-35,kA,specialised_centre",
            $"2,{Shut},chat,closed,unknown,unknown,unknown,kB,none");

        Assert.Equal(2, load.Report.RowsKept);
        var first = load.Contacts[1];
        Assert.Equal(new DateTime(2020, 3, 3, 15, 32, 0), first.ReceivedAt);
        Assert.Equal((Channel.Phone, Outcome.Answered, Requester.Self, Gender.Male, AgeBand.From26To35, Referral.SpecialisedCentre),
            (first.Channel, first.Outcome, first.Requester, first.Gender, first.AgeBand, first.Referral));
        Assert.Equal(2, first.SourceLine);
        Assert.True(load.Report.AccountingHolds);
    }

    [Fact]
    public void The_register_keeps_no_identifier_and_shows_callers_as_pseudonyms_numbered_by_first_contact()
    {
        var load = Parse(Header,
            $"1,{Open},phone,answered,self,male,26-35,kA,none",
            $"2,{Shut},chat,closed,unknown,unknown,unknown,kB,none",
            $"3,2020-03-03T15:40,phone,answered,self,,,kB,none");

        Assert.Equal(["caller 1", "caller 2", "caller 1"], load.Contacts.Select(c => c.CallerKey));
        Assert.Equal([true, true, false], load.Contacts.Select(c => c.IsNewCaller));
        Assert.Equal(2, load.Contacts.CountCallers().Value);
        Assert.DoesNotContain(load.Contacts.ToDataFrame().Columns, c => c.Name is "contact_id" or "caller_key");
    }

    [Fact]
    public void Repeated_rows_and_reused_ids_are_found_however_far_apart_they_stand()
    {
        // Far enough apart that the loader has parsed and settled several batches of rows in between.
        var rows = Enumerable.Range(1, 1200).Select(i => $"{i},2020-03-03T15:{i % 60:D2},phone,answered,self,,,k{i},none").ToList();
        rows.Add(rows[0]);
        rows.Add($"700,{Shut},chat,closed,,,,,");
        rows.Add(rows[1199]);
        var load = Parse([Header, .. rows]);

        Assert.Equal((1203, 1200), (load.Report.RowsRead, load.Report.RowsKept));
        Assert.Equal([new DuplicateRow(1202, 2), new DuplicateRow(1204, 1201)], load.Report.Duplicates);
        var rejected = Assert.Single(load.Report.Rejected);
        Assert.Equal((1203, "contact_id '700' is already used on line 701 with other values"), (rejected.Line, rejected.Reason));
        Assert.Equal($"700,{Shut},chat,closed,,,,,", rejected.Text);
    }

    [Fact]
    public void Synonyms_are_counted_as_written_over_every_kept_row_and_not_over_refused_ones()
    {
        var rows = Enumerable.Range(1, 700).Select(i => $"{i},2020-03-03T15:{i % 60:D2},{(i % 2 == 0 ? "telefoon" : "Telefoon")},beantwoord,,,,k{i},").ToList();
        rows.Add(rows[0]); // a repeated row: its synonyms are not counted again
        var load = Parse([Header, .. rows]);

        Assert.Equal(
            [("channel", "Telefoon", "phone", 350), ("channel", "telefoon", "phone", 350), ("outcome", "beantwoord", "answered", 700)],
            load.Report.Synonyms.Select(s => (s.Column, s.From, s.To, s.Count)).OrderBy(s => s.Column).ThenBy(s => s.From, StringComparer.Ordinal));
    }

    [Fact]
    public void Rows_are_ordered_by_arrival_whatever_their_order_in_the_file()
    {
        var load = Parse(Header, $"1,{Open},phone,answered,,,,,", $"2,{Shut},chat,closed,,,,,");
        Assert.Equal([3, 2], load.Contacts.Select(c => c.SourceLine));
    }

    [Fact]
    public void Semicolon_separated_files_are_detected()
    {
        var load = Parse(Header.Replace(',', ';'), $"1;{Open};phone;answered;self;;;;");
        Assert.Equal(';', load.Report.Separator);
        Assert.Equal(1, load.Report.RowsKept);
    }

    [Fact]
    public void Windows_1252_files_with_Dutch_headers_and_synonyms_are_read()
    {
        var text = "Contactnummer;Tijdstip;Kanaal;Resultaat;Type hulpvraag;Geslacht;Leeftijd;Beller;Doorverwezen naar\r\n" +
                   $"1;03/03/2020 15:32;telefoon;beantwoord;eigen gevoelens;v;18-25;kA;privétherapeut\r\n";
        var load = Read(Encoding.GetEncoding(1252).GetBytes(text));

        Assert.Equal("Windows-1252", load.Report.Encoding);
        var contact = Assert.Single(load.Contacts);
        Assert.Equal((Channel.Phone, Requester.Self, Gender.Female, Referral.PrivateTherapist),
            (contact.Channel, contact.Requester, contact.Gender, contact.Referral));
        Assert.Contains(load.Report.Synonyms, s => s is { Column: "referral", From: "privétherapeut", To: "private_therapist", Count: 1 });
        Assert.Contains(load.Report.Synonyms, s => s is { Column: "channel", From: "telefoon", To: "phone" });
    }

    [Fact]
    public void UTF8_with_a_byte_order_mark_and_CRLF_line_ends_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\r\n1,{Open},phone,answered,,,,,\r\n")).ToArray();
        var load = Read(bytes);
        Assert.Equal("UTF-8", load.Report.Encoding);
        Assert.Equal(2, Assert.Single(load.Contacts).SourceLine);
    }

    [Theory]
    [InlineData("2020-03-03T15:32")]
    [InlineData("2020-03-03 15:32")]
    [InlineData("2020-03-03 15:32:00")]
    [InlineData("03/03/2020 15:32")]
    [InlineData("3-3-2020 15:32")]
    public void Every_date_form_of_the_contract_gives_the_same_moment(string received)
    {
        var load = Parse(Header, $"1,{received},phone,answered,,,,,");
        Assert.Equal(new DateTime(2020, 3, 3, 15, 32, 0), Assert.Single(load.Contacts).ReceivedAt);
    }

    [Fact]
    public void Separate_date_and_time_columns_are_combined()
    {
        var load = Parse("datum,uur,kanaal,status", "03/03/2020,15:32,chat,beantwoord");
        Assert.Equal(new DateTime(2020, 3, 3, 15, 32, 0), Assert.Single(load.Contacts).ReceivedAt);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_counted_apart_from_rows()
    {
        var load = Parse(Header, "", $"1,{Open},phone,answered,,,,,", ",,,,,,,,", "   ", $"2,{Open},email,answered,,,,,");
        Assert.Equal((2, 2, 3), (load.Report.RowsRead, load.Report.RowsKept, load.Report.BlankLines));
    }

    [Fact]
    public void A_trailing_totals_row_is_rejected_with_its_line()
    {
        var load = Parse(Header, $"1,{Open},phone,answered,,,,,", "Totaal,,,,,,,,");
        var rejected = Assert.Single(load.Report.Rejected);
        Assert.Equal((3, "totals row (Totaal), not a contact"), (rejected.Line, rejected.Reason));
        Assert.True(load.Report.AccountingHolds);
    }

    [Fact]
    public void Duplicated_rows_are_removed_and_point_to_the_first()
    {
        var row = $"1,{Open},phone,answered,self,,,kA,";
        var load = Parse(Header, row, $"2,{Shut},phone,closed,,,,kB,", row);
        Assert.Equal(new DuplicateRow(4, 2), Assert.Single(load.Report.Duplicates));
        Assert.Equal((3, 2), (load.Report.RowsRead, load.Report.RowsKept));
        Assert.True(load.Report.AccountingHolds);
    }

    [Fact]
    public void A_reused_contact_id_with_other_values_is_rejected()
    {
        var load = Parse(Header, $"1,{Open},phone,answered,,,,,", $"1,{Open},chat,answered,,,,,");
        Assert.Equal("contact_id '1' is already used on line 2 with other values", Assert.Single(load.Report.Rejected).Reason);
    }

    [Fact]
    public void Quoted_fields_keep_the_separators_and_quotes_inside_them()
    {
        var load = Parse(Header, $"\"1,a\",{Open},phone,answered,\"self\",,,\"k\"\"1\",\"CAW\"", $"\"1,a\",{Shut},chat,closed,,,,,");
        var contact = Assert.Single(load.Contacts);
        Assert.Equal((Requester.Self, Referral.SpecialisedCentre, true), (contact.Requester, contact.Referral, contact.IsNewCaller));
        Assert.Equal("contact_id '1,a' is already used on line 2 with other values", Assert.Single(load.Report.Rejected).Reason);
    }

    [Fact]
    public void Values_are_matched_in_any_case_and_trimmed()
    {
        var load = Parse(Header, $" 1 , {Open} , PHONE ,  Answered , Eigen Gevoelens ,M, 65+ ,,");
        var contact = Assert.Single(load.Contacts);
        Assert.Equal((Channel.Phone, Requester.Self, Gender.Male, AgeBand.Over65), (contact.Channel, contact.Requester, contact.Gender, contact.AgeBand));
    }

    [Theory]
    [InlineData("fax", "channel: unknown value 'fax'")]
    [InlineData("", "channel: blank")]
    public void An_unknown_or_blank_channel_is_rejected_never_guessed(string channel, string reason)
    {
        var load = Parse(Header, $"1,{Open},{channel},answered,,,,,");
        var rejected = Assert.Single(load.Report.Rejected);
        Assert.Equal(("test.csv", 2), (rejected.File, rejected.Line));
        Assert.StartsWith(reason, rejected.Reason);
        Assert.Empty(load.Contacts);
    }

    [Fact]
    public void An_impossible_date_is_rejected_with_the_value()
    {
        var load = Parse(Header, "1,31/02/2020 15:00,phone,answered,,,,,");
        Assert.StartsWith("received_at: '31/02/2020 15:00' is not a date and time", Assert.Single(load.Report.Rejected).Reason);
    }

    [Fact]
    public void A_row_with_too_few_fields_is_rejected()
    {
        var load = Parse(Header, $"1,{Open},phone");
        Assert.Equal("has 3 fields where the header has 9", Assert.Single(load.Report.Rejected).Reason);
    }

    [Fact]
    public void An_email_cannot_be_busy_or_closed()
    {
        var load = Parse(Header, $"1,{Open},email,busy,,,,,");
        Assert.StartsWith("e-mail recorded as busy", Assert.Single(load.Report.Rejected).Reason);
    }

    [Fact]
    public void A_requester_on_an_unanswered_contact_is_rejected()
    {
        var load = Parse(Header, $"1,{Shut},phone,closed,self,,,,");
        Assert.StartsWith("requester 'self' recorded for a closed contact", Assert.Single(load.Report.Rejected).Reason);
    }

    [Fact]
    public void An_answered_call_outside_opening_hours_is_kept_and_reported()
    {
        var load = Parse(Header, $"1,{Shut},phone,answered,,,,,", $"2,{Shut},email,answered,,,,,");
        Assert.Equal(2, load.Report.RowsKept);
        Assert.Equal(new OutOfHoursContact(2, Channel.Phone, new DateTime(2020, 3, 1, 10, 0, 0)), Assert.Single(load.Report.OutsideOpeningHours));
    }

    [Fact]
    public void Unknown_extra_columns_are_left_out_and_reported()
    {
        var load = Parse("received_at,channel,outcome,remarks,Opmerking", $"{Open},phone,answered,secret,x");
        Assert.Equal(["remarks", "Opmerking"], load.Report.IgnoredColumns);
        Assert.Single(load.Contacts);
    }

    [Fact]
    public void A_caller_key_seen_in_no_earlier_row_marks_a_new_caller()
    {
        var load = Parse(Header,
            $"1,2020-03-01T10:00,phone,closed,,,,kA,",
            $"2,2020-03-01T11:00,phone,closed,,,,kA,",
            $"3,2020-03-01T12:00,chat,closed,,,,kB,",
            $"4,2020-03-01T13:00,phone,closed,,,,,");
        Assert.Equal([true, false, true, false], load.Contacts.Select(c => c.IsNewCaller));
    }

    [Fact]
    public void A_file_that_is_not_a_register_fails_with_one_message_naming_the_file()
    {
        var error = Assert.Throws<RegisterFormatException>(() => RegisterCsv.Parse("name,price\napple,3\n", "fruit.csv", Shipped.Hours));
        Assert.Equal("fruit.csv: no recognisable register header on line 1: expected columns received_at (or date and time), channel, outcome; found 'name', 'price'", error.Message);
    }

    [Fact]
    public void A_register_without_an_outcome_column_names_what_is_missing()
    {
        var error = Assert.Throws<RegisterFormatException>(() => RegisterCsv.Parse($"received_at,channel\n{Open},phone\n", "half.csv", Shipped.Hours));
        Assert.Contains("missing column outcome (resultaat, status)", error.Message);
    }

    [Fact]
    public void An_empty_file_fails_with_one_message()
    {
        var error = Assert.Throws<RegisterFormatException>(() => RegisterCsv.Parse("\n\n", "empty.csv", Shipped.Hours));
        Assert.StartsWith("empty.csv: the file is empty", error.Message);
    }

    [Fact]
    public void A_missing_file_fails_with_one_message()
    {
        var error = Assert.Throws<RegisterFormatException>(() => RegisterCsv.Load("/no/such/register.csv", Shipped.Hours));
        Assert.Equal("/no/such/register.csv: the file does not exist", error.Message);
    }

    [Fact]
    public void Accounting_holds_on_a_file_with_every_kind_of_problem()
    {
        var row = $"1,{Open},phone,answered,,,,,";
        var load = Parse(Header, row, row, "", $"2,{Open},fax,answered,,,,,", $"3,{Open},email,busy,,,,,", $"4,{Open},chat,busy,,,,,", "Totaal,4,,,,,,,");
        var r = load.Report;
        Assert.Equal((6, 2, 3, 1), (r.RowsRead, r.RowsKept, r.Rejected.Count, r.Duplicates.Count));
        Assert.True(r.AccountingHolds);
    }

    private static RegisterLoad Read(byte[] bytes, bool twoThreads) =>
        RegisterCsv.Read(new MemoryStream(bytes), "test.csv", Shipped.Hours, null, twoThreads);

    [Fact]
    public void A_register_read_on_two_threads_gives_exactly_what_one_thread_gives()
    {
        // Batches enough that the reader waits for the settler and the settler for the reader, whichever parses them.
        var bytes = Encoding.UTF8.GetBytes(MessyRegister.Text(20_000));
        var one = Read(bytes, twoThreads: false);

        var r = one.Report;
        Assert.True(r.AccountingHolds);
        Assert.All(new[] { r.Rejected.Count, r.Duplicates.Count, r.Synonyms.Sum(s => s.Count), r.OutsideOpeningHours.Count, r.BlankLines }, n => Assert.True(n > 100));
        Assert.Contains(r.Rejected, x => x.Reason.StartsWith("contact_id '", StringComparison.Ordinal));
        Assert.Contains(r.Rejected, x => x.Reason.Contains("closes only on line", StringComparison.Ordinal));
        Assert.Contains(r.Rejected, x => x.Reason.Contains("is never closed", StringComparison.Ordinal));
        Assert.Equal(r.Rejected.OrderBy(x => x.Line), r.Rejected);
        for (int run = 0; run < 5; run++)
            SameLoad.Check(one, Read(bytes, twoThreads: true));
    }

    [Fact]
    public void A_file_of_more_than_4_MB_gives_what_one_thread_gives()
    {
        var bytes = Encoding.UTF8.GetBytes(MessyRegister.Text(90_000, seed: 16));
        Assert.True(bytes.Length > 4 << 20, $"{bytes.Length} bytes");
        SameLoad.Check(Read(bytes, twoThreads: false), RegisterCsv.Read(new MemoryStream(bytes), "test.csv", Shipped.Hours));
    }

    [Fact]
    public void Two_threads_give_what_one_gives_for_a_Dutch_export_in_Windows_1252()
    {
        var text = MessyRegister.Text(6_000).Replace(',', ';').Replace("geen", "privétherapeut", StringComparison.Ordinal);
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);
        var one = Read(bytes, twoThreads: false);
        Assert.Equal((';', "Windows-1252"), (one.Report.Separator, one.Report.Encoding));
        Assert.Contains(one.Report.Synonyms, s => s.From == "privétherapeut");
        SameLoad.Check(one, Read(bytes, twoThreads: true));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(4097)]
    public void Synonyms_are_counted_once_a_row_whichever_batch_it_falls_in(int rows)
    {
        var lines = Enumerable.Range(1, rows).Select(i => $"{i},2020-03-03T15:{i % 60:D2},telefoon,beantwoord,zelf,v,26-35,k{i},geen");
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines]));
        var one = Read(bytes, twoThreads: false);
        Assert.Equal(Enumerable.Repeat(rows, 5), one.Report.Synonyms.Select(s => s.Count));
        SameLoad.Check(one, Read(bytes, twoThreads: true));
    }

    [Fact]
    public void A_file_that_fails_to_read_mid_way_fails_on_two_threads_as_on_one()
    {
        // Past the first megabyte, which is read to detect the encoding, and past several batches of rows.
        var bytes = Encoding.UTF8.GetBytes(MessyRegister.Text(50_000));
        Assert.True(bytes.Length > 2_500_000, $"{bytes.Length} bytes");
        RegisterFormatException Fail(bool twoThreads) => Assert.Throws<RegisterFormatException>(() =>
            RegisterCsv.Read(new FailingStream(bytes, failAt: 2_000_000), "test.csv", Shipped.Hours, null, twoThreads));

        var one = Fail(twoThreads: false);
        Assert.Equal("test.csv: the file cannot be read: the disk went away", one.Message);
        for (int run = 0; run < 5; run++)
            Assert.Equal(one.Message, Fail(twoThreads: true).Message);
    }

    [Theory]
    [InlineData("\n\n,,\n")]
    [InlineData("name,price\napple,3\n")]
    [InlineData("received_at,channel\n2020-03-03T15:32,phone\n")]
    public void A_file_that_is_no_register_fails_on_two_threads_as_on_one(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var one = Assert.Throws<RegisterFormatException>(() => Read(bytes, twoThreads: false));
        Assert.Equal(one.Message, Assert.Throws<RegisterFormatException>(() => Read(bytes, twoThreads: true)).Message);
    }
}
