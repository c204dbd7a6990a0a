using System.Net;
using System.Text;

namespace Helpline.Notebooks.Documents;

/// <summary>
/// Where a page's documents go in the site, and the links a page and the index show to them:
/// <c>documents/PAGE.pdf</c>, <c>documents/PAGE.xlsx</c>, <c>documents/PAGE.docx</c>,
/// <c>documents/PAGE/figure-N.png</c> and <c>.svg</c>.
/// </summary>
internal static class DocumentPaths
{
    public const string Folder = "documents";

    public static string Pdf(string page) => $"{Folder}/{page}.pdf";

    public static string Workbook(string page) => $"{Folder}/{page}.xlsx";

    public static string Word(string page) => $"{Folder}/{page}.docx";

    public static string FigureFile(int chart, string extension) => $"figure-{chart}.{extension}";

    public static string Figure(string page, int chart, string extension) => $"{Folder}/{page}/{FigureFile(chart, extension)}";

    /// <summary>The line under a page's parameters: its PDF, its tables as a workbook, its Word draft.</summary>
    public static string PageLinks(string page, bool tables)
    {
        var html = new StringBuilder("<p class=\"documents\">Documents: ");
        html.Append(Link(Pdf(page), "PDF (A4)"));
        if (tables)
            html.Append(" &middot; ").Append(Link(Workbook(page), "tables (XLSX)"));
        html.Append(" &middot; ").Append(Link(Word(page), "Word draft (DOCX)"));
        return html.Append("</p>\n").ToString();
    }

    /// <summary>Beside a table's CSV link: the workbook, whose sheet "Table N" holds the same cells.</summary>
    public static string TableLinks(string page, int table) =>
        $" &middot; {Link(Workbook(page), "XLSX")} <span class=\"sheet\">(sheet {WorkbookWriter.SheetName(table)})</span>";

    /// <summary>Under a chart: its image for Word or slides (PNG, 2x) and as a drawing (SVG).</summary>
    public static string ChartLinks(string page, int chart) =>
        $"<div class=\"download\">Figure {chart}: {Link(Figure(page, chart, "png"), "PNG")} &middot; {Link(Figure(page, chart, "svg"), "SVG")}</div>";

    /// <summary>The index's list of a page's files, after its executed notebook.</summary>
    public static string IndexLinks(string page, bool tables) =>
        $" &middot; {Link(Pdf(page), "PDF")}" + (tables ? $" &middot; {Link(Workbook(page), "XLSX")}" : "") + $" &middot; {Link(Word(page), "Word draft")}";

    private static string Link(string href, string text) => $"<a href=\"{WebUtility.HtmlEncode(href)}\" download>{text}</a>";
}
