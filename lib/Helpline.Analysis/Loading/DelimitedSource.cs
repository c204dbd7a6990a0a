using System.Text;
using nietras.SeparatedValues;

namespace Helpline.Analysis;

/// <summary>
/// Opens a delimited text file as real exports come: UTF-8 with or without BOM or Windows-1252 (detected), UTF-16 or
/// UTF-32 by their byte order mark (UTF-16 also by its zero bytes), comma, semicolon or tab separated (detected from
/// the first non-blank line), CRLF or LF. A spreadsheet workbook saved as such is named, not read as text.
/// </summary>
internal sealed class DelimitedSource : IDisposable
{
    private const int SniffBytes = 1 << 20;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static DelimitedSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private DelimitedSource(string name, Stream stream, Encoding encoding, string encodingName, char separator, SepReader reader)
    {
        _stream = stream;
        Name = name;
        Encoding = encoding;
        EncodingName = encodingName;
        Separator = separator;
        Reader = reader;
    }

    public string Name { get; }

    public Encoding Encoding { get; }

    public char Separator { get; }

    public SepReader Reader { get; }

    private readonly Stream _stream;

    /// <summary>Sep's limit on one row, in characters.</summary>
    public const int MaxRowLength = 1 << 24;

    /// <summary>
    /// The line on which the first row longer than <see cref="MaxRowLength"/> starts, read again from the top with quotes
    /// followed as Sep follows them (a row goes on while a quote is open). Sep reads ahead, so the rows it gave before
    /// failing do not say where the long one is. Only on that error: it reads the file a second time.
    /// </summary>
    public int LineOfLongRow()
    {
        _stream.Position = 0;
        using var text = new StreamReader(_stream, Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var buffer = new char[1 << 16];
        int line = 1, rowStart = 1, length = 0;
        bool quoted = false, carriageReturn = false;
        for (int read; (read = text.Read(buffer)) > 0;)
        {
            foreach (var ch in buffer.AsSpan(0, read))
            {
                if (++length > MaxRowLength)
                    return rowStart;
                bool newline = ch == '\n' ? !carriageReturn : ch == '\r';
                carriageReturn = ch == '\r';
                if (ch == '"')
                {
                    quoted = !quoted;
                }
                else if (newline)
                {
                    line++;
                    if (!quoted)
                    {
                        rowStart = line;
                        length = 0;
                    }
                }
            }
        }
        return rowStart;
    }

    /// <summary>UTF-8, Windows-1252, UTF-16LE, UTF-16BE, UTF-32LE or UTF-32BE.</summary>
    public string EncodingName { get; }

    /// <summary>Opens <paramref name="stream"/> (it is disposed with the source); null when it holds no text at all.</summary>
    public static DelimitedSource? Open(Stream stream, string name)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            stream.Dispose();
            copy.Position = 0;
            stream = copy;
        }

        var head = new byte[(int)Math.Min(SniffBytes, stream.Length)];
        stream.ReadExactly(head);
        stream.Position = 0;
        if (Workbook(head) is { } workbook)
        {
            stream.Dispose();
            throw new RegisterFormatException(name, $"{workbook}, not a CSV export: save it from the spreadsheet as CSV (comma or semicolon separated)");
        }
        var (encoding, encodingName) = DetectEncoding(head, stream.Length > head.Length);
        var text = encoding.GetString(head);
        var separator = DetectSeparator(text);
        if (separator is null)
        {
            stream.Dispose();
            return null;
        }

        // Read in blocks of 64 KiB: the default of 1 KiB makes one system call per dozen rows.
        // The stream stays open when Sep lets go of it (as it does on an error): LineOfLongRow reads it again.
        var textReader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var reader = Sep.New(separator.Value).Reader(o => o with
        {
            HasHeader = false,
            DisableColCountCheck = true,
        }).From(textReader);
        return new DelimitedSource(name, stream, encoding, encodingName, separator.Value, reader);
    }

    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> Ole2 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf32LeBom => [0xFF, 0xFE, 0x00, 0x00];

    private static ReadOnlySpan<byte> Utf32BeBom => [0x00, 0x00, 0xFE, 0xFF];

    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];

    /// <summary>What a file of a spreadsheet program is, from its first bytes; null for text.</summary>
    private static string? Workbook(ReadOnlySpan<byte> head) =>
        head.StartsWith(Zip) ? "a zip archive (an .xlsx workbook?)"
        : head.StartsWith(Ole2) ? "an Office document (an .xls workbook?)"
        : null;

    private static (Encoding, string) DetectEncoding(byte[] head, bool truncated)
    {
        var span = head.AsSpan();
        // Byte order marks: UTF-32 before UTF-16, whose little-endian mark begins UTF-32's.
        if (span.StartsWith(Utf8Bom))
            return (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), "UTF-8");
        if (span.StartsWith(Utf32LeBom))
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: true), "UTF-32LE");
        if (span.StartsWith(Utf32BeBom))
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: true), "UTF-32BE");
        if (span.StartsWith(Utf16LeBom))
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: true), "UTF-16LE");
        if (span.StartsWith(Utf16BeBom))
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: true), "UTF-16BE");
        // No mark: a header of ASCII letters in UTF-16 has a zero byte beside each letter.
        if (ZeroBytesAt(span, odd: true))
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), "UTF-16LE");
        if (ZeroBytesAt(span, odd: false))
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), "UTF-16BE");
        if (truncated)
        {
            // The sniffed block may end inside a multi-byte sequence: leave its last bytes out of the test.
            int cut = span.Length;
            while (cut > 0 && span.Length - cut < 3 && (span[cut - 1] & 0xC0) == 0x80)
                cut--;
            if (cut > 0 && span[cut - 1] >= 0xC0)
                cut--;
            span = span[..cut];
        }
        try
        {
            StrictUtf8.GetCharCount(span);
            return (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252), "Windows-1252");
        }
    }

    /// <summary>Whether the first 64 bytes (or fewer) are zero at every odd (or even) place and nowhere else.</summary>
    private static bool ZeroBytesAt(ReadOnlySpan<byte> head, bool odd)
    {
        var sample = head[..(Math.Min(head.Length, 64) & ~1)];
        if (sample.Length < 4)
            return false;
        for (int i = 0; i < sample.Length; i++)
        {
            bool zeroHere = (i % 2 == 1) == odd;
            if ((sample[i] == 0) != zeroHere)
                return false;
        }
        return true;
    }

    /// <summary>The separator that splits the first non-blank line most often (outside quotes).</summary>
    internal static char? DetectSeparator(string text)
    {
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim().TrimStart('\uFEFF');
            if (line.IsEmpty)
                continue;
            char best = ',';
            int bestCount = 0;
            foreach (var candidate in ",;\t|")
            {
                int count = 0;
                bool quoted = false;
                foreach (var ch in line)
                {
                    if (ch == '"')
                        quoted = !quoted;
                    else if (ch == candidate && !quoted)
                        count++;
                }
                if (count > bestCount)
                {
                    best = candidate;
                    bestCount = count;
                }
            }
            return best;
        }
        return null;
    }

    /// <summary>The 1-based line a row starts on. Sep 0.17.1 gives the first row of a header-less read line 2: correct it.</summary>
    public static int LineOf(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

    public void Dispose()
    {
        Reader.Dispose();
        _stream.Dispose();
    }
}
