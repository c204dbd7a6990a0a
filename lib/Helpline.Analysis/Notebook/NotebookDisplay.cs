using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Helpline.Analysis;

/// <summary>
/// How the library's objects look in a notebook. Call <see cref="Register"/> once, in the setup cell: tables become
/// HTML (with a CSV twin the site offers as a download), charts become inline Plotly charts that load no script
/// from the network, and raw register rows are never shown.
/// </summary>
public static class NotebookDisplay
{
    /// <summary>Columns that identify a contact: a table holding one of them is never displayed.</summary>
    public static readonly IReadOnlySet<string> IdentifyingColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "contact_id", "caller_key", "caller", "received_at",
    };

    /// <summary>How numbers are written in tables (thousands separators): English, as the pages are.</summary>
    public static CultureInfo Culture { get; set; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Rows shown before a table is cut (the CSV download keeps them all).</summary>
    public static int MaxRows { get; set; } = 100;

    /// <summary>Registers the formatters. Idempotent.</summary>
    public static void Register()
    {
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(TableHtml(frame)), "text/html");
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(IsIdentifying(frame) ? "" : TableCsv(frame)), "text/csv");
        Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), "text/html", "text/csv");
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartHtml(chart)), "text/html");
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartJson.Of(chart)), "application/vnd.plotly.v1+json");
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), "text/html", "application/vnd.plotly.v1+json");
        Formatter.Register<Register>((register, writer) => writer.Write(Summary(register)), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(Register), "text/html");
        Formatter.Register<Contact>((_, writer) => writer.Write(Refusal("a register row")), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(Contact), "text/html");
        Formatter.Register<CleaningReport>((report, writer) => writer.Write($"<pre class=\"cleaning-report\">{WebUtility.HtmlEncode(report.Summary())}</pre>"), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(CleaningReport), "text/html");
        Formatter.Register<ProtectedTable>((table, writer) => writer.Write(TableHtml(table.ToDataFrame()) + $"<p class=\"table-note\">{WebUtility.HtmlEncode(table.Legend)}</p>"), "text/html");
        Formatter.Register<ProtectedTable>((table, writer) => writer.Write(TableCsv(table.ToDataFrame())), "text/csv");
        Formatter.SetPreferredMimeTypesFor(typeof(ProtectedTable), "text/html", "text/csv");
        Formatter.Register<Prose>((prose, writer) => writer.Write(prose.Html), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(Prose), "text/html");
        Formatter.Register<HelplineData>((data, writer) => writer.Write(data.Source.BannerHtml(data.RegisterReport)), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(HelplineData), "text/html");
    }

    /// <summary>A table as HTML: numbers right-aligned with thousands separators, at most <see cref="MaxRows"/> rows.</summary>
    public static string TableHtml(DataFrame frame)
    {
        if (IsIdentifying(frame))
            return Refusal($"a table with the column(s) {string.Join(", ", frame.Columns.Select(c => c.Name).Where(IdentifyingColumns.Contains))}");
        var html = new StringBuilder("<table class=\"data\"><thead><tr>");
        foreach (var column in frame.Columns)
            html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        long rows = Math.Min(frame.Rows.Count, MaxRows);
        for (long i = 0; i < rows; i++)
        {
            html.Append("<tr>");
            foreach (var column in frame.Columns)
            {
                var value = column[i];
                bool numeric = value is int or long or double or float or decimal || value is string text && IsCountText(text);
                var cell = Format(value);
                html.Append(numeric ? "<td class=\"n\">" : cell.Length > 24 ? "<td class=\"t\">" : "<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (frame.Rows.Count > rows)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"table-note\">First {rows:N0} of {frame.Rows.Count:N0} rows; the CSV download has them all.</p>");
        return html.ToString();
    }

    /// <summary>A table as CSV (comma, invariant numbers, quoted where needed): what the site offers for download.</summary>
    public static string TableCsv(DataFrame frame)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', frame.Columns.Select(c => Quote(c.Name))).Append('\n');
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            csv.AppendJoin(',', frame.Columns.Select(c => Quote(c[i] switch
            {
                null => "",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString() ?? "",
            })));
            csv.Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>A chart as a div and a script that draws it with the page's plotly.js; the id is derived from the
    /// chart itself so that the same notebook gives the same page, byte for byte.</summary>
    public static string ChartHtml(GenericChart chart)
    {
        var json = ChartJson.Of(chart);
        var id = "chart-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12];
        return $"<div class=\"chart\" id=\"{id}\"></div><script type=\"text/javascript\">(function () {{ var figure = {json}; " +
               $"if (window.Plotly) {{ Plotly.newPlot('{id}', figure.data, figure.layout, {{responsive: true, displaylogo: false}}); }} " +
               $"else {{ document.getElementById('{id}').textContent = 'This chart needs plotly.js, which the published site provides.'; }} }})();</script>";
    }

    /// <summary>plotly.js as Plotly.NET carries it (version 2.28.0): the site writes it once for every page.</summary>
    public static string PlotlyScript()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream("Plotly.NET.plotly-2.28.0.min.js")
            ?? throw new InvalidOperationException("Plotly.NET does not carry plotly-2.28.0.min.js");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A protected count as text: <c>1,234</c>, <c>≤5</c> or <c>x</c>.</summary>
    private static bool IsCountText(string text) => text.Length > 0 && (text == "x" || text.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '≤'));

    internal static bool IsIdentifying(DataFrame frame) => frame.Columns.Any(c => IdentifyingColumns.Contains(c.Name));

    private static string Summary(Register register) => register.Count == 0
        ? "<p class=\"register\">An empty register.</p>"
        : string.Create(CultureInfo.InvariantCulture, $"<p class=\"register\">A register of {register.Count:N0} contacts, {WebUtility.HtmlEncode(register.Scope.ToString())} (rows are not shown: count them with <code>CountBy</code>).</p>");

    private static string Refusal(string what) =>
        $"<p class=\"refused\">Not shown: {WebUtility.HtmlEncode(what)} would put register rows on a page, and raw rows never reach a published page. Aggregate first, e.g. <code>register.CountBy(Breakdown.Month)</code>.</p>";

    private static string Format(object? value) => value switch
    {
        null => "",
        int or long => ((IFormattable)value).ToString("N0", Culture),
        double d => d == Math.Floor(d) && Math.Abs(d) < 1e15 ? d.ToString("N0", Culture) : d.ToString("#,##0.0#", Culture),
        float f => ((double)f).ToString("#,##0.0#", Culture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, Culture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
