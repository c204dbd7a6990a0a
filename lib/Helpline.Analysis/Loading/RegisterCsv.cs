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
    public static RegisterLoad Load(string path, OpeningHours? openingHours = null)
    {
        if (!File.Exists(path))
            throw new RegisterFormatException(path, "the file does not exist");
        return Read(File.OpenRead(path), path, openingHours);
    }

    /// <summary>Reads register text held in memory, named <paramref name="name"/> in reports.</summary>
    public static RegisterLoad Parse(string text, string name = "inline.csv", OpeningHours? openingHours = null) =>
        Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, openingHours);

    /// <summary>Reads a register from a stream, which is disposed.</summary>
    public static RegisterLoad Read(Stream stream, string name, OpeningHours? openingHours = null)
    {
        openingHours ??= OpeningHours.Shipped();
        using var source = DelimitedSource.Open(stream, name)
            ?? throw new RegisterFormatException(name, "the file is empty: expected a register with a header line (received_at, channel, outcome, ...)");
        var log = new CleaningLog(name);
        HeaderMap? header = null;
        // Sized from the file (a register row takes 80 to 90 bytes) so the columns rarely grow by copying.
        int expected = stream.CanSeek ? (int)Math.Min(stream.Length / 80 + 16, 1 << 26) : 1024;
        var kept = new RegisterColumns(expected);
        // Duplicates and reused ids are found by a 64-bit hash of the row, confirmed by comparing the rows themselves:
        // a fraction of the memory of a dictionary keyed by rows.
        var seen = new HashIndex(expected);
        var collided = new Dictionary<Contact, int>();
        var ids = new HashIndex(expected);
        var pendingSynonyms = new List<(string Column, string From, string To)>();

        foreach (var row in source.Reader)
        {
            int line = DelimitedSource.LineOf(row);
            if (IsBlank(row))
            {
                log.BlankLines++;
                continue;
            }
            if (header is null)
            {
                header = ReadHeader(row, name);
                continue;
            }

            log.RowsRead++;
            pendingSynonyms.Clear();
            var error = ParseRow(row, header, openingHours, pendingSynonyms, out var contact);
            if (error is not null)
            {
                log.Reject(line, error, row.Span);
                continue;
            }

            int caller = header.Has(CallerKey) ? kept.CallerOf(Cell.Text(row[header[CallerKey]].Span)) : -1;
            ulong hash = RowHash(contact, caller);
            if (seen.TryGetValue(hash, out int same) && kept.SameValues(same, contact, caller))
            {
                log.Duplicates.Add(new DuplicateRow(line, kept.Line[same]));
                continue;
            }
            var withCaller = contact with { CallerKey = caller < 0 ? null : kept.CallerKeys[caller] };
            if (collided.TryGetValue(withCaller, out int firstLine))
            {
                log.Duplicates.Add(new DuplicateRow(line, firstLine));
                continue;
            }
            ulong idHash = contact.ContactId is { } id ? Fnv(id, Offset) : 0;
            if (contact.ContactId is not null && ids.TryGetValue(idHash, out int other) && kept.ContactId[other] == contact.ContactId)
            {
                log.Reject(line, $"contact_id '{contact.ContactId}' is already used on line {kept.Line[other]} with other values", row.Span);
                continue;
            }

            if (!seen.TryAdd(hash, kept.Count))
                collided.Add(withCaller, line);
            if (contact.ContactId is not null)
                ids.TryAdd(idHash, kept.Count);
            foreach (var (column, from, to) in pendingSynonyms)
                log.Synonym(column, from, to);
            if (contact.Outcome == Outcome.Answered && !openingHours.IsOpen(contact.Channel, contact.ReceivedAt))
                log.OutsideOpeningHours.Add(new OutOfHoursContact(line, contact.Channel, contact.ReceivedAt));
            kept.Add(contact with { SourceLine = line }, caller);
        }

        if (header is null)
            throw new RegisterFormatException(name, "the file has no header line: expected received_at (or date and time), channel, outcome");
        var register = Register.FromColumns(kept);
        return new RegisterLoad(register, log.ToReport(source, header, kept.Count));
    }

    private const ulong Offset = 14695981039346656037UL;

    /// <summary>FNV-1a over every value of a cleaned row (the caller by its pooled index).</summary>
    private static ulong RowHash(Contact c, int caller)
    {
        ulong h = Offset;
        h = Mix(h, (ulong)c.ReceivedAt.Ticks);
        h = Mix(h, (ulong)c.Channel | (ulong)c.Outcome << 8 | (ulong)c.Requester << 16 | (ulong)c.Gender << 24 | (ulong)c.AgeBand << 32 | (ulong)c.Referral << 40);
        h = Mix(h, (ulong)(uint)caller);
        return Fnv(c.ContactId, Mix(h, 0x1F));
    }

    private static ulong Mix(ulong h, ulong value)
    {
        for (int i = 0; i < 8; i++, value >>= 8)
            h = (h ^ (value & 0xFF)) * 1099511628211UL;
        return h;
    }

    private static ulong Fnv(string? text, ulong h)
    {
        if (text is null)
            return Mix(h, 0xFFFF);
        foreach (char ch in text)
            h = (h ^ ch) * 1099511628211UL;
        return Mix(h, (ulong)text.Length);
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

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Where(n => n.Length > 0).Select(n => $"'{n}'").Take(12));

    private static string? ParseRow(SepReader.Row row, HeaderMap header, OpeningHours hours,
        List<(string, string, string)> synonyms, out Contact contact)
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
                return $"received_at: '{cell}' is not a date and time (expected e.g. 2020-03-03T15:32, 03/03/2020 15:32 or 3-3-2020 15:32)";
        }
        else
        {
            var dateCell = Get(row, Date);
            var timeCell = Get(row, Time);
            if (!DateTimeCells.TryParseDate(dateCell, out var day))
                return dateCell.IsEmpty ? "date: blank" : $"date: '{dateCell}' is not a date (expected e.g. 2020-03-03 or 03/03/2020)";
            if (!DateTimeCells.TryParseTime(timeCell, out var time))
                return timeCell.IsEmpty ? "time: blank" : $"time: '{timeCell}' is not a time of day (expected e.g. 15:32)";
            receivedAt = day.ToDateTime(time);
        }

        string? error = null;
        var channel = Category(Categories.Channels, Get(row, ChannelField), synonyms, ref error);
        var outcome = Category(Categories.Outcomes, Get(row, OutcomeField), synonyms, ref error);
        var requester = Category(Categories.Requesters, Get(row, RequesterField), synonyms, ref error);
        var gender = Category(Categories.Genders, Get(row, GenderField), synonyms, ref error);
        var ageBand = Category(Categories.AgeBands, Get(row, AgeBandField), synonyms, ref error);
        var referral = Category(Categories.Referrals, Get(row, ReferralField), synonyms, ref error);
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

        // The caller key is pooled by the caller of this method, straight from the cell.
        contact = new Contact(receivedAt, channel, outcome, requester, gender, ageBand, referral,
            ContactId: Cell.TextOrNull(header.Has(ContactId) ? row[header[ContactId]].Span : []));
        return null;
    }

    private static T Category<T>(CategoryTable<T> table, ReadOnlySpan<char> cell,
        List<(string, string, string)> synonyms, ref string? error) where T : struct, Enum
    {
        if (table.TryParse(cell, out var value, out bool synonym))
        {
            if (synonym)
                synonyms.Add((table.Column, cell.ToString(), table.Code(value)));
            return value;
        }
        error ??= cell.IsEmpty
            ? $"{table.Column}: blank"
            : $"{table.Column}: unknown value '{cell}' (expected {table.Expected}, or a synonym of the data contract)";
        return value;
    }
}
