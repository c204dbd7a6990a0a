using System.Text;
using nietras.SeparatedValues;

namespace Helpline.Analysis;

/// <summary>
/// Reads a contact register export (data contract, section 1) into a <see cref="Register"/> and a
/// <see cref="CleaningReport"/>. A row that breaks the contract is rejected with its line and reason, never guessed;
/// a file that is not a register at all raises one <see cref="RegisterFormatException"/>.
/// </summary>
public static class RegisterCsv
{
    private const int ContactId = 0, ReceivedAt = 1, Date = 2, Time = 3, ChannelField = 4, OutcomeField = 5,
        RequesterField = 6, GenderField = 7, AgeBandField = 8, CallerKey = 9, ReferralField = 10;

    private static readonly string[][] FieldNames =
    [
        ["contact_id", "id", "nr", "contactnummer"],
        ["received_at", "tijdstip", "datum en uur"],
        ["date", "datum"],
        ["time", "uur", "tijd"],
        ["channel", "kanaal", "medium"],
        ["outcome", "resultaat", "status"],
        ["requester", "type hulpvraag", "soort hulpvraag", "hulpvrager"],
        ["gender", "geslacht"],
        ["age_band", "leeftijd", "leeftijdscategorie"],
        ["caller_key", "beller", "bellersleutel"],
        ["referral", "doorverwezen naar", "doorverwijzing"],
    ];

    /// <summary>Loads a register file; the opening hours default to the schedule shipped in <c>data/reference</c>.</summary>
    /// <param name="clock">Where today comes from: a contact after today (in Brussels) is refused. The system's clock by default.</param>
    public static RegisterLoad Load(string path, OpeningHours? openingHours = null, TimeProvider? clock = null) =>
        Read(ExportFile.Open(path), path, openingHours, clock);

    /// <summary>Reads register text held in memory, named <paramref name="name"/> in reports.</summary>
    public static RegisterLoad Parse(string text, string name = "inline.csv", OpeningHours? openingHours = null, TimeProvider? clock = null) =>
        Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, openingHours, clock);

    /// <summary>Reads a register from a stream, which is disposed.</summary>
    public static RegisterLoad Read(Stream stream, string name, OpeningHours? openingHours = null, TimeProvider? clock = null) =>
        Read(stream, name, openingHours, clock, twoThreads: null);

    /// <summary>
    /// From this size on, a file is read on two threads: one parses rows while the other checks them against the rows
    /// kept. Starting the second thread and handing batches across costs a fraction of a millisecond, worth it only
    /// once the load takes tens of milliseconds (about 50,000 rows); below, one thread does it all. Both give the same.
    /// </summary>
    private const long TwoThreadsFrom = 4 << 20;

    /// <summary>Batches going round between the two threads, and the rows in each: enough that neither waits on the
    /// other's every hiccup, and that handing over happens a few thousand times for a million rows, not 40,000.</summary>
    private const int Batches = 4, RowsPerBatch = 1024;

    /// <param name="twoThreads">Whether to settle rows on a second thread; null decides by the size of the stream.</param>
    internal static RegisterLoad Read(Stream stream, string name, OpeningHours? openingHours, TimeProvider? clock, bool? twoThreads)
    {
        openingHours ??= OpeningHours.Shipped();
        var window = Plausible.Window(openingHours, clock ?? TimeProvider.System);
        using var source = DelimitedSource.Open(stream, name)
            ?? throw new RegisterFormatException(name, "the file is empty: expected a register with a header line (received_at, channel, outcome, ...)");
        var log = new CleaningLog(name);
        HeaderMap? header = null;
        // Sized from the file (a register row takes 80 to 90 bytes) so the columns rarely grow by copying.
        int expected = stream.CanSeek ? (int)Math.Min(stream.Length / 80 + 16, 1 << 26) : 1024;
        var kept = new RegisterColumns(expected);
        // One table finds both repeated rows and reused ids: a row is filed under the fingerprint of its contact id,
        // or of its values when it has none; a row meeting an earlier one there is compared with it.
        using var identity = new HashIndex(expected);
        // The reading thread writes RowsRead, BlankLines and interns synonyms' text; the settling thread writes the
        // rest of the log and counts synonyms: no field has two writers (SynonymTally keeps the two apart).
        var tally = new SynonymTally();
        void SettleBatch(PendingRows batch) => Settle(batch, kept, identity, log, tally, openingHours);
        // Declared after the index: disposed (the settler stopped) before it.
        using var settler = twoThreads ?? (stream.CanSeek && stream.Length >= TwoThreadsFrom && Environment.ProcessorCount > 1)
            ? new SettlingThread(SettleBatch, Batches, RowsPerBatch)
            : null;
        var pending = settler?.Empty() ?? new PendingRows();
        var synonyms = new List<(string Column, string From, string To)>();
        int idColumn = -1, callerColumn = -1;

        // A full batch is checked here, or handed to the settler for an empty one.
        void Full()
        {
            if (settler is null)
                SettleBatch(pending);
            else
                pending = settler.HandOver(pending);
        }

        void Take(SepReader.Row row, int line, int depth)
        {
            if (IsBlank(row))
            {
                log.BlankLines++;
                return;
            }
            if (header is null)
            {
                header = ReadHeader(row, name);
                idColumn = header[ContactId];
                callerColumn = header[CallerKey];
                return;
            }

            log.RowsRead++;
            synonyms.Clear();
            string? error = ParseRow(row, header, synonyms, tally, window, out var contact);
            // A quote that opens and runs over line ends took the lines after it into this row. Unless the row it makes
            // is whole (a note over two lines), its first line is refused with where the quote ran, and the lines it took
            // are read again on their own: no row disappears into another.
            if (LineBreak(row.Span) is int end and >= 0 && depth < MaxQuoteDepth)
            {
                int taken = LinesIn(row.Span);
                bool closed = Quotes(row.Span) % 2 == 0;
                if (!closed || error is not null)
                {
                    var reason = closed
                        ? $"a quote opened on line {line} closes only on line {line + taken - 1} ({taken} lines taken into one row; the {taken - 1} after line {line} are read on their own)"
                        : $"a quote opened on line {line} is never closed: it took the {taken} lines to the end of the file into one row (the {taken - 1} after line {line} are read on their own)";
                    pending.Refuse(row.Span[..end], line, reason);
                    if (pending.IsFull)
                        Full();
                    var rest = row.Span[(end + (row.Span[end] == '\r' && end + 1 < row.Span.Length && row.Span[end + 1] == '\n' ? 2 : 1))..].ToString();
                    using var reader = Sep.New(source.Separator).Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).FromText(rest);
                    foreach (var again in reader)
                        Take(again, line + DelimitedSource.LineOf(again), depth + 1);
                    return;
                }
            }

            ref var next = ref pending.Add(row, line);
            next.Error = error;
            next.Contact = contact;
            if (error is null)
            {
                foreach (var (column, from, to) in synonyms)
                    pending.Synonyms.Add((pending.Count - 1, column, from, to));
                if (idColumn >= 0)
                    (next.IdStart, next.IdLength) = pending.Locate(row, row[idColumn].Span);
                if (callerColumn >= 0)
                    (next.CallerStart, next.CallerLength) = pending.Locate(row, row[callerColumn].Span);
            }
            if (pending.IsFull)
                Full();
        }

        try
        {
            try
            {
                foreach (var row in source.Reader)
                    Take(row, DelimitedSource.LineOf(row), 0);
            }
            catch (NotSupportedException e) when (e.Message.Contains("maximum supported length", StringComparison.Ordinal))
            {
                throw new RegisterFormatException(name,
                    $"line {source.LineOfLongRow()}: a row longer than 16 MB, more than any register row: is a quote opened there never closed, or is this not a register?");
            }
            catch (IOException e)
            {
                throw new RegisterFormatException(name, $"the file cannot be read: {e.Message}");
            }
        }
        catch (Exception) when (settler is not null)
        {
            // On one thread, the rows before the failure were settled before it: if settling one of them failed, that
            // failure came first in the file and is the one to throw.
            settler.Finish(null);
            throw;
        }
        if (settler is null)
            SettleBatch(pending);
        else
            settler.Finish(pending);
        tally.CopyTo(log);

        if (header is null)
            throw new RegisterFormatException(name, "the file has no header line: expected received_at (or date and time), channel, outcome");
        var register = Register.FromColumns(kept);
        return new RegisterLoad(register, log.ToReport(source, header, kept.Count));
    }

    /// <summary>How deep quotes that run over lines are unpicked; a file nested deeper is not a register anyone wrote.</summary>
    private const int MaxQuoteDepth = 64;

    /// <summary>The first line break in a row's text (inside a quoted value), or -1.</summary>
    private static int LineBreak(ReadOnlySpan<char> text) => text.IndexOfAny('\r', '\n');

    /// <summary>The lines a row's text stands on (a line break at its very end, before the end of the file, opens none).</summary>
    private static int LinesIn(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd("\r\n");
        int lines = 1;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                lines++;
        }
        return lines;
    }

    private static int Quotes(ReadOnlySpan<char> text) => text.Count('"');

    /// <summary>How many rows ahead of the one it checks <see cref="Settle"/> fingerprints rows and asks the memory for
    /// their hash-table slots: far enough that a slot has arrived when its row is checked.</summary>
    private const int KeyAhead = 16;

    /// <summary>Checks parsed rows, in file order, against the rows kept before them; keeps those that pass.</summary>
    private static void Settle(PendingRows pending, RegisterColumns kept, HashIndex identity, CleaningLog log, SynonymTally tally, OpeningHours openingHours)
    {
        int keyed = 0;
        for (; keyed < Math.Min(KeyAhead, pending.Count); keyed++)
            Key(pending, keyed, kept, identity);
        int synonym = 0;
        for (int r = 0; r < pending.Count; r++)
        {
            if (keyed < pending.Count)
                Key(pending, keyed++, kept, identity);
            ref var row = ref pending[r];
            if (row.Error is not null)
            {
                log.Reject(row.Line, row.Error, pending.Text(row));
                continue;
            }
            var contact = row.Contact;
            int caller = row.HasCaller ? kept.CallerOf(row.Caller) : -1;
            bool refused = false;
            for (var key = row.Key; ; key = key.Next()) // two different rows without an id on one fingerprint: the second moves on
            {
                int earlier = identity.GetOrAdd(key, kept.Count);
                if (earlier == kept.Count)
                    break;
                if (kept.SameValues(earlier, contact, caller))
                {
                    log.Duplicates.Add(new DuplicateRow(row.Line, kept.Line[earlier]));
                    refused = true;
                    break;
                }
                if (row.HasId)
                {
                    var id = Cell.Text(pending.Text(row.IdStart, row.IdLength));
                    log.Reject(row.Line, $"contact_id '{Printable.Of(id)}' is already used on line {kept.Line[earlier]} with other values", pending.Text(row));
                    refused = true;
                    break;
                }
            }
            for (; synonym < pending.Synonyms.Count && pending.Synonyms[synonym].Row == r; synonym++)
            {
                if (!refused)
                    tally.Count(pending.Synonyms[synonym].Column, pending.Synonyms[synonym].From, pending.Synonyms[synonym].To);
            }
            if (refused)
                continue;
            if (contact.Outcome == Outcome.Answered && !openingHours.IsOpen(contact.Channel, contact.ReceivedAt))
                log.OutsideOpeningHours.Add(new OutOfHoursContact(row.Line, contact.Channel, contact.ReceivedAt));
            kept.Add(contact with { SourceLine = row.Line }, caller);
        }
        pending.Clear();
    }

    /// <summary>Fingerprints a parsed row's contact id (or values) and caller key, and asks for their hash-table slots.</summary>
    private static void Key(PendingRows pending, int r, RegisterColumns kept, HashIndex identity)
    {
        ref var row = ref pending[r];
        if (row.Error is not null)
            return;
        var callerCell = Cell.Text(pending.Text(row.CallerStart, row.CallerLength));
        row.HasCaller = !callerCell.IsEmpty;
        row.Caller = row.HasCaller ? Fingerprint.Of(callerCell) : default;
        var id = Cell.Text(pending.Text(row.IdStart, row.IdLength));
        row.HasId = !id.IsEmpty;
        row.Key = row.HasId ? Fingerprint.Of(id, IdSeed) : ValuesFingerprint(row.Contact, row.Caller, row.HasCaller);
        identity.Prefetch(row.Key);
        if (row.HasCaller)
            kept.PrefetchCaller(row.Caller);
    }

    // Ids and rows are fingerprinted with different seeds: a row without an id never meets one with.
    private const ulong IdSeed = 1, ValuesSeed = 2;

    /// <summary>Every value of a cleaned row, as one fingerprint.</summary>
    private static Fingerprint ValuesFingerprint(in Contact c, Fingerprint caller, bool hasCaller)
    {
        Span<byte> values = stackalloc byte[27];
        BitConverter.TryWriteBytes(values, c.ReceivedAt.Ticks);
        values[8] = (byte)c.Channel;
        values[9] = (byte)c.Outcome;
        values[10] = (byte)c.Requester;
        values[11] = (byte)c.Gender;
        values[12] = (byte)c.AgeBand;
        values[13] = (byte)c.Referral;
        values[14] = hasCaller ? (byte)1 : (byte)0;
        BitConverter.TryWriteBytes(values[15..], caller.High);
        BitConverter.TryWriteBytes(values[23..], caller.Low);
        return Fingerprint.Of(values, ValuesSeed);
    }

    internal static bool IsBlank(SepReader.Row row)
    {
        for (int i = 0; i < row.ColCount; i++)
        {
            if (!Cell.Text(row[i].Span).IsEmpty)
                return false;
        }
        return true;
    }

    internal static bool IsTotalsRow(SepReader.Row row)
    {
        for (int i = 0; i < row.ColCount; i++)
        {
            var text = Cell.Text(row[i].Span);
            if (text.IsEmpty)
                continue;
            return text.StartsWith("totaal", StringComparison.OrdinalIgnoreCase) || text.StartsWith("total", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static HeaderMap ReadHeader(SepReader.Row row, string name)
    {
        var names = new string[row.ColCount];
        for (int i = 0; i < row.ColCount; i++)
            names[i] = Cell.Text(row[i].Span).ToString();
        var header = HeaderMap.Map(names, FieldNames);
        bool hasMoment = header.Has(ReceivedAt) || (header.Has(Date) && header.Has(Time));
        if (header.Recognised == 0)
        {
            throw new RegisterFormatException(name,
                $"no recognisable register header on line {DelimitedSource.LineOf(row)}: expected columns received_at (or date and time), channel, outcome; found {Quote(names)}");
        }
        var missing = new List<string>();
        if (!hasMoment)
            missing.Add(header.Has(Date) ? "time (uur, tijd)" : "received_at (tijdstip, datum en uur; or date and time)");
        if (!header.Has(ChannelField))
            missing.Add(HeaderMap.Describe(FieldNames[ChannelField]));
        if (!header.Has(OutcomeField))
            missing.Add(HeaderMap.Describe(FieldNames[OutcomeField]));
        if (missing.Count > 0)
            throw new RegisterFormatException(name, $"not a contact register: missing column {string.Join(", ", missing)}; found {Quote(names)}");
        return header;
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Where(n => n.Length > 0).Select(n => $"'{Printable.Of(n, 40)}'").Take(12));

    private static string? ParseRow(SepReader.Row row, HeaderMap header, List<(string, string, string)> synonyms, SynonymTally tally, Plausible window, out Contact contact)
    {
        contact = default;
        if (IsTotalsRow(row))
            return "totals row (Totaal), not a contact";
        if (row.ColCount < header.Names.Count)
            return $"has {row.ColCount} fields where the header has {header.Names.Count}";
        for (int i = header.Names.Count; i < row.ColCount; i++)
        {
            if (!Cell.Text(row[i].Span).IsEmpty)
                return $"has {row.ColCount} fields where the header has {header.Names.Count} (an unquoted separator inside a value?)";
        }

        ReadOnlySpan<char> Get(SepReader.Row r, int field) => header.Has(field) ? Cell.Text(r[header[field]].Span) : [];

        DateTime receivedAt;
        if (header.Has(ReceivedAt))
        {
            var cell = Get(row, ReceivedAt);
            if (cell.IsEmpty)
                return "received_at: blank";
            if (!DateTimeCells.TryParseMoment(cell, out receivedAt))
                return $"received_at: '{Printable.Of(cell)}' is not a date and time (expected e.g. 2020-03-03T15:32, 03/03/2020 15:32 or 3-3-2020 15:32)";
        }
        else
        {
            var dateCell = Get(row, Date);
            var timeCell = Get(row, Time);
            if (!DateTimeCells.TryParseDate(dateCell, out var day))
                return dateCell.IsEmpty ? "date: blank" : $"date: '{Printable.Of(dateCell)}' is not a date (expected e.g. 2020-03-03 or 03/03/2020)";
            if (!DateTimeCells.TryParseTime(timeCell, out var time))
                return timeCell.IsEmpty ? "time: blank" : $"time: '{Printable.Of(timeCell)}' is not a time of day (expected e.g. 15:32)";
            receivedAt = day.ToDateTime(time);
        }
        if (window.Refuse(DateOnly.FromDateTime(receivedAt)) is { } outside)
            return "received_at: " + outside;

        string? error = null;
        var channel = Category(Categories.Channels, Get(row, ChannelField), synonyms, tally, ref error);
        var outcome = Category(Categories.Outcomes, Get(row, OutcomeField), synonyms, tally, ref error);
        var requester = Category(Categories.Requesters, Get(row, RequesterField), synonyms, tally, ref error);
        var gender = Category(Categories.Genders, Get(row, GenderField), synonyms, tally, ref error);
        var ageBand = Category(Categories.AgeBands, Get(row, AgeBandField), synonyms, tally, ref error);
        var referral = Category(Categories.Referrals, Get(row, ReferralField), synonyms, tally, ref error);
        if (error is not null)
            return error;

        if (channel == Channel.Email && outcome != Outcome.Answered)
            return $"e-mail recorded as {outcome.Code()}: e-mail is never busy or closed (it is answered within 48 hours)";
        if (outcome != Outcome.Answered)
        {
            string? known = requester != Requester.Unknown ? $"requester '{requester.Code()}'"
                : gender != Gender.Unknown ? $"gender '{gender.Code()}'"
                : ageBand != AgeBand.Unknown ? $"age_band '{ageBand.Code()}'"
                : referral != Referral.None ? $"referral '{referral.Code()}'"
                : null;
            if (known is not null)
                return $"{known} recorded for a {outcome.Code()} contact: requester, gender, age and referral are only known for answered contacts";
        }

        // The contact id and caller key are fingerprinted by the caller of this method, straight from their cells.
        contact = new Contact(receivedAt, channel, outcome, requester, gender, ageBand, referral);
        return null;
    }

    private static T Category<T>(CategoryTable<T> table, ReadOnlySpan<char> cell,
        List<(string, string, string)> synonyms, SynonymTally tally, ref string? error) where T : struct, Enum
    {
        if (table.TryParse(cell, out var value, out bool synonym))
        {
            if (synonym)
                synonyms.Add((table.Column, tally.Intern(cell.Trim()), table.Code(value)));
            return value;
        }
        error ??= cell.IsEmpty
            ? $"{table.Column}: blank"
            : $"{table.Column}: unknown value '{Printable.Of(cell)}' (expected {table.Expected}, or a synonym of the data contract)";
        return value;
    }
}
