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
    /// From this size on, a file is read on two threads: one reads rows while the other checks them against the rows
    /// kept, and either parses them. Starting a thread and handing batches across costs a fraction of a millisecond,
    /// worth it once a load takes tens of milliseconds (4 MB is about 50,000 rows); smaller files, and text held in
    /// memory as tests and notebooks give it, are read on one thread. Both ways give the same.
    /// </summary>
    private const long TwoThreadsFrom = 4 << 20;

    /// <summary>Batches going round between the two threads, and the rows in each: enough that neither waits on the
    /// other's every hiccup, few enough that handing over happens a thousand times for a million rows.</summary>
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
        // The reading thread writes RowsRead and BlankLines; the settling thread the rest of the log, and the counts of
        // synonyms. Either parses rows (interning synonyms' text, which SynonymTally allows from two threads).
        var tally = new SynonymTally();
        int idColumn = -1, callerColumn = -1;

        void SettleRows(PendingRows batch, bool prepare) =>
            Settle(batch, prepare, idColumn, callerColumn, kept, identity, log, tally, openingHours);

        // On the settling thread; a batch's rows all came after the header.
        void SettleBatch(PendingRows batch)
        {
            if (!batch.Parsed)
                ParseUnparsed(batch, header!, tally, window);
            SettleRows(batch, prepare: true);
        }

        // Declared after the index: disposed (the settler stopped) before it.
        using var settler = twoThreads ?? (stream.CanSeek && stream.Length >= TwoThreadsFrom && Environment.ProcessorCount > 1)
            ? new SettlingThread(SettleBatch, Batches, RowsPerBatch)
            : null;
        var pending = settler?.Empty() ?? new PendingRows();
        var scratch = new List<(int, string, string, string)>();

        // On one thread, rows are parsed as they are read, asking for their hash-table slots a batch before they are
        // looked up, and a full batch is settled here. On two, it is handed to the settler for an empty one, and parsed
        // by whichever thread has time: this one when batches wait for the settler, else the settler.
        void Full()
        {
            if (settler is null)
            {
                SettleRows(pending, prepare: false);
                return;
            }
            if (settler.Waiting > 0)
                ParseUnparsed(pending, header!, tally, window);
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
            bool parse = settler is null;
            int synonyms = pending.Synonyms.Count;
            string? error = null;
            Contact contact = default;
            if (parse)
                error = ParseRow(new SepCells(row), header, pending.Synonyms, pending.Count, tally, window, out contact);
            // A quote that opens and runs over line ends took the lines after it into this row. Unless the row it makes
            // is whole (a note over two lines), its first line is refused with where the quote ran, and the lines it took
            // are read again on their own: no row disappears into another.
            if (LineBreak(row.Span) is int end and >= 0 && depth < MaxQuoteDepth)
            {
                int taken = LinesIn(row.Span);
                bool closed = Quotes(row.Span) % 2 == 0;
                if (closed && !parse)
                {
                    error = ParseRow(new SepCells(row), header, scratch, 0, tally, window, out _);
                    scratch.Clear();
                }
                if (!closed || error is not null)
                {
                    pending.Synonyms.RemoveRange(synonyms, pending.Synonyms.Count - synonyms);
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

            if (!parse)
            {
                pending.AddUnparsed(row, line);
            }
            else if (error is not null)
            {
                pending.Synonyms.RemoveRange(synonyms, pending.Synonyms.Count - synonyms);
                pending.Add(row, line).Error = error;
            }
            else
            {
                ref var next = ref pending.Add(row, line);
                next.Contact = contact;
                Prepare(ref next, new SepCells(row), idColumn, callerColumn, openingHours);
                if (next.HasId)
                    (next.IdStart, next.IdLength) = pending.Locate(row, row[idColumn].Span);
                Prefetch(next, kept, identity);
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
            SettleRows(pending, prepare: false);
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

    /// <summary>Parses the rows of a batch added unparsed, but those refused as they were read.</summary>
    private static void ParseUnparsed(PendingRows batch, HeaderMap header, SynonymTally tally, Plausible window)
    {
        for (int r = 0; r < batch.Count; r++)
        {
            ref var row = ref batch[r];
            if (row.Error is not null)
                continue;
            int synonyms = batch.Synonyms.Count;
            var cells = batch.Cells(row);
            row.Error = ParseRow(cells, header, batch.Synonyms, r, tally, window, out var contact);
            if (row.Error is not null)
            {
                batch.Synonyms.RemoveRange(synonyms, batch.Synonyms.Count - synonyms);
                continue;
            }
            row.Contact = contact;
        }
        batch.Parsed = true;
    }

    /// <summary><see cref="Prepare"/> for a row of a batch added unparsed, once parsed, and <see cref="Prefetch"/>.</summary>
    private static void PrepareAhead(PendingRows batch, int r, int idColumn, int callerColumn, RegisterColumns kept, HashIndex identity,
        OpeningHours openingHours)
    {
        ref var row = ref batch[r];
        if (row.Error is not null)
            return;
        Prepare(ref row, batch.Cells(row), idColumn, callerColumn, openingHours);
        if (row.HasId)
            (row.IdStart, row.IdLength) = batch.CellAt(row, idColumn);
        Prefetch(row, kept, identity);
    }

    /// <summary>What settling a parsed row needs to know of it alone: the fingerprints of its contact id (or of its
    /// values, without one) and of its caller key, and whether it was answered outside opening hours.</summary>
    private static void Prepare<TRow>(ref PendingRows.Row row, TRow cells, int idColumn, int callerColumn, OpeningHours openingHours)
        where TRow : IRowCells, allows ref struct
    {
        var callerCell = callerColumn >= 0 ? Cell.Text(cells[callerColumn]) : [];
        row.HasCaller = !callerCell.IsEmpty;
        row.Caller = row.HasCaller ? Fingerprint.Of(callerCell) : default;
        var id = idColumn >= 0 ? Cell.Text(cells[idColumn]) : [];
        row.HasId = !id.IsEmpty;
        row.Key = row.HasId ? Fingerprint.Of(id, IdSeed) : ValuesFingerprint(row.Contact, row.Caller, row.HasCaller);
        row.OutOfHours = row.Contact.Outcome == Outcome.Answered && !openingHours.IsOpen(row.Contact.Channel, row.Contact.ReceivedAt);
    }

    /// <summary>Asks the memory for the hash-table slots a parsed row will be looked up in, without waiting for them.</summary>
    private static void Prefetch(in PendingRows.Row row, RegisterColumns kept, HashIndex identity)
    {
        if (row.Error is not null)
            return;
        identity.Prefetch(row.Key);
        if (row.HasCaller)
            kept.PrefetchCaller(row.Caller);
    }

    /// <summary>How many rows ahead of the one it checks <see cref="Settle"/> prepares rows: far enough that their
    /// hash-table slots have arrived when their row is checked.</summary>
    private const int PrepareAheadRows = 16;

    /// <summary>
    /// Checks parsed rows, in file order, against the rows kept before them; keeps those that pass. With
    /// <paramref name="prepare"/> (rows parsed from their cells, on two threads), rows are prepared here a few ahead of
    /// the one checked: hashing them fills the time spent waiting on memory, and their slots come to this core.
    /// </summary>
    private static void Settle(PendingRows pending, bool prepare, int idColumn, int callerColumn, RegisterColumns kept, HashIndex identity,
        CleaningLog log, SynonymTally tally, OpeningHours openingHours)
    {
        for (int r = 0; prepare && r < Math.Min(PrepareAheadRows, pending.Count); r++)
            PrepareAhead(pending, r, idColumn, callerColumn, kept, identity, openingHours);
        int synonym = 0;
        for (int r = 0; r < pending.Count; r++)
        {
            if (prepare && r + PrepareAheadRows < pending.Count)
                PrepareAhead(pending, r + PrepareAheadRows, idColumn, callerColumn, kept, identity, openingHours);
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
            if (row.OutOfHours)
                log.OutsideOpeningHours.Add(new OutOfHoursContact(row.Line, contact.Channel, contact.ReceivedAt));
            kept.Add(contact with { SourceLine = row.Line }, caller);
        }
        pending.Clear();
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

    internal static bool IsTotalsRow(SepReader.Row row) => IsTotalsRow(new SepCells(row));

    private static bool IsTotalsRow<TRow>(TRow row) where TRow : IRowCells, allows ref struct
    {
        for (int i = 0; i < row.Count; i++)
        {
            var text = Cell.Text(row[i]);
            if (!text.IsEmpty)
                return IsTotals(text);
        }
        return false;
    }

    /// <summary>Whether the first non-blank cell of a row makes it a totals row.</summary>
    private static bool IsTotals(ReadOnlySpan<char> text) =>
        text.StartsWith("totaal", StringComparison.OrdinalIgnoreCase) || text.StartsWith("total", StringComparison.OrdinalIgnoreCase);

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

    /// <summary>Parses a row; the synonyms it was written with are added to <paramref name="synonyms"/> as row
    /// <paramref name="index"/> (also when it is refused: the caller drops them).</summary>
    private static string? ParseRow<TRow>(TRow row, HeaderMap header, List<(int, string, string, string)> synonyms, int index, SynonymTally tally, Plausible window, out Contact contact)
        where TRow : IRowCells, allows ref struct
    {
        contact = default;
        if (IsTotalsRow(row))
            return "totals row (Totaal), not a contact";
        if (row.Count < header.Names.Count)
            return $"has {row.Count} fields where the header has {header.Names.Count}";
        for (int i = header.Names.Count; i < row.Count; i++)
        {
            if (!Cell.Text(row[i]).IsEmpty)
                return $"has {row.Count} fields where the header has {header.Names.Count} (an unquoted separator inside a value?)";
        }

        ReadOnlySpan<char> Get(TRow r, int field) => header.Has(field) ? Cell.Text(r[header[field]]) : [];

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
        var channel = Category(Categories.Channels, Get(row, ChannelField), synonyms, index, tally, ref error);
        var outcome = Category(Categories.Outcomes, Get(row, OutcomeField), synonyms, index, tally, ref error);
        var requester = Category(Categories.Requesters, Get(row, RequesterField), synonyms, index, tally, ref error);
        var gender = Category(Categories.Genders, Get(row, GenderField), synonyms, index, tally, ref error);
        var ageBand = Category(Categories.AgeBands, Get(row, AgeBandField), synonyms, index, tally, ref error);
        var referral = Category(Categories.Referrals, Get(row, ReferralField), synonyms, index, tally, ref error);
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

        // The contact id and caller key are fingerprinted by Prepare, straight from their cells.
        contact = new Contact(receivedAt, channel, outcome, requester, gender, ageBand, referral);
        return null;
    }

    private static T Category<T>(CategoryTable<T> table, ReadOnlySpan<char> cell,
        List<(int, string, string, string)> synonyms, int index, SynonymTally tally, ref string? error) where T : struct, Enum
    {
        if (table.TryParse(cell, out var value, out bool synonym))
        {
            if (synonym)
                synonyms.Add((index, table.Column, tally.Intern(cell.Trim()), table.Code(value)));
            return value;
        }
        error ??= cell.IsEmpty
            ? $"{table.Column}: blank"
            : $"{table.Column}: unknown value '{Printable.Of(cell)}' (expected {table.Expected}, or a synonym of the data contract)";
        return value;
    }
}
