using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Helpline.Notebooks.Tests.Documents;

/// <summary>PDF files read with Debian's poppler-utils, as any reader would: page sizes, text with positions, pages drawn to pixels.</summary>
internal static partial class Poppler
{
    public static bool Installed => File.Exists("/usr/bin/pdftoppm") && File.Exists("/usr/bin/pdftotext") && File.Exists("/usr/bin/pdfinfo");

    public const string Missing = "poppler-utils (pdftoppm, pdftotext, pdfinfo) is not installed";

    public sealed record Word(string Text, double XMin, double YMin, double XMax, double YMax);

    public sealed record Page(int Number, double Width, double Height, IReadOnlyList<Word> Words)
    {
        public string Text => string.Join(' ', Words.Select(w => w.Text));
    }

    /// <summary>Every page with its words and their boxes (points, origin top left): <c>pdftotext -bbox</c>.</summary>
    public static IReadOnlyList<Page> Pages(string pdf)
    {
        var html = Run("pdftotext", "-bbox", pdf, "-");
        var document = XDocument.Parse(XmlEntity().Replace(html, ""));
        XNamespace x = "http://www.w3.org/1999/xhtml";
        return [.. document.Descendants(x + "page").Select((p, i) => new Page(
            i + 1, D(p, "width"), D(p, "height"),
            [.. p.Elements(x + "word").Select(w => new Word(w.Value, D(w, "xMin"), D(w, "yMin"), D(w, "xMax"), D(w, "yMax")))]))];

        static double D(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
    }

    public static string Info(string pdf) => Run("pdfinfo", "-f", "1", "-l", "999", pdf);

    /// <summary>The address of every link of the document (<c>pdfinfo -url</c>, its header line dropped).</summary>
    public static IReadOnlyList<string> Links(string pdf) =>
        [.. Run("pdfinfo", "-url", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 3).Select(f => f[2].Trim())];

    /// <summary>One page drawn in grey levels (0 black, 255 white) at the given resolution: <c>pdftoppm -gray</c>, read as PGM.</summary>
    public static (int Width, int Height, byte[] Pixels) Render(string pdf, int page, int dpi)
    {
        var prefix = Path.Combine(Scratch.Folder("pdf"), "page");
        Run("pdftoppm", "-gray", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", page.ToString(CultureInfo.InvariantCulture),
            "-l", page.ToString(CultureInfo.InvariantCulture), "-singlefile", pdf, prefix);
        var bytes = File.ReadAllBytes(prefix + ".pgm");
        // P5 header: magic, width, height, maximum, each followed by one whitespace; then a byte a pixel.
        int position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[position]))
                position++;
            int start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
                position++;
            return System.Text.Encoding.ASCII.GetString(bytes, start, position - start);
        }
        Assert.Equal("P5", Token());
        int width = int.Parse(Token(), CultureInfo.InvariantCulture), height = int.Parse(Token(), CultureInfo.InvariantCulture);
        Token();
        position++;
        return (width, height, bytes[position..(position + width * height)]);
    }

    public static string Run(string program, params string[] args)
    {
        var (exit, output, error) = ExternalProgram.Run(program, args, TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"{program} {string.Join(' ', args)} exited {exit}: {error}");
        return output;
    }

    // pdftotext's XHTML names entities XML does not know (&nbsp;): the words never need them.
    [GeneratedRegex("<!DOCTYPE[^>]*>")]
    private static partial Regex XmlEntity();
}
