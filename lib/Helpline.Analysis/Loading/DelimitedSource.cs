using System.Text;
using nietras.SeparatedValues;

namespace Helpline.Analysis;

/// <summary>
/// Opens a delimited text file as real exports come: UTF-8 with or without BOM or Windows-1252 (detected),
/// comma, semicolon or tab separated (detected from the first non-blank line), CRLF or LF.
/// </summary>
internal sealed class DelimitedSource : IDisposable
{
    private const int SniffBytes = 1 << 20;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static DelimitedSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private DelimitedSource(string name, Encoding encoding, char separator, SepReader reader)
    {
        Name = name;
        Encoding = encoding;
        Separator = separator;
        Reader = reader;
    }

    public string Name { get; }

    public Encoding Encoding { get; }

    public char Separator { get; }

    public SepReader Reader { get; }

    public string EncodingName => Encoding.CodePage == 1252 ? "Windows-1252" : "UTF-8";

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
        var encoding = DetectEncoding(head, stream.Length > head.Length);
        var text = encoding.GetString(head);
        var separator = DetectSeparator(text);
        if (separator is null)
        {
            stream.Dispose();
            return null;
        }

        // Read in blocks of 64 KiB: the default of 1 KiB makes one system call per dozen rows.
        var textReader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var reader = Sep.New(separator.Value).Reader(o => o with
        {
            HasHeader = false,
            DisableColCountCheck = true,
        }).From(textReader);
        return new DelimitedSource(name, encoding, separator.Value, reader);
    }

    private static Encoding DetectEncoding(byte[] head, bool truncated)
    {
        if (head.AsSpan().StartsWith("\xEF\xBB\xBF"u8))
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var span = head.AsSpan();
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
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
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

    public void Dispose() => Reader.Dispose();
}
