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
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(Refusal(IsIdentifying(frame)
            ? $"a table with the column(s) {string.Join(", ", frame.Columns.Select(c => c.Name).Where(IdentifyingColumns.Contains))}"
            : "a DataFrame, which did not pass the release gate")), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), "text/html");
        Formatter.Register<GenericChart>((_, writer) => writer.Write(Refusal("a chart drawn by hand, which did not pass the release gate (draw it with a chart family: ContactCharts, RequesterCharts, ...)")), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), "text/html");
        Formatter.Register<Contact>((_, writer) => writer.Write(Refusal("a register row")), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(Contact), "text/html");
        Formatter.Register<CleaningReport>((report, writer) => writer.Write($"<pre class=\"cleaning-report\">{WebUtility.HtmlEncode(report.Summary())}</pre>"), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(CleaningReport), "text/html");
        RegisterOutput<CountTable>(csv: true);
        RegisterOutput<SharedCountTable>(csv: true);
        RegisterOutput<ShareTable>(csv: true);
        RegisterOutput<ReleasedTable>(csv: true);
        RegisterOutput<PublicTable>(csv: true);
        RegisterOutput<Tally>(csv: false);
        RegisterOutput<Rate>(csv: false);
        RegisterOutput<Mean>(csv: false);
        RegisterOutput<Prose>(csv: false);
        RegisterOutput<HelplineData>(csv: false);
        RegisterOutput<Register>(csv: false);
        RegisterOutput<Figure>(csv: false, figure: true);
    }

    /// <summary>A page output shows what the session's release gate decides: HTML, its CSV download, its chart figure.</summary>
    private static void RegisterOutput<T>(bool csv, bool figure = false) where T : IPageOutput
    {
        Formatter.Register<T>((output, writer) => writer.Write(ReleaseSession.Current.Render(output).Html), "text/html");
        var types = new List<string> { "text/html" };
        if (csv)
        {
            Formatter.Register<T>((output, writer) => writer.Write(ReleaseSession.Current.Render(output).Csv ?? ""), "text/csv");
            types.Add("text/csv");
        }
        if (figure)
        {
            Formatter.Register<T>((output, writer) => writer.Write(ReleaseSession.Current.Render(output).FigureJson ?? "{}"), "application/vnd.plotly.v1+json");
            types.Add("application/vnd.plotly.v1+json");
        }
        Formatter.SetPreferredMimeTypesFor(typeof(T), [.. types]);
    }

    /// <summary>A chart as a div and a script that draws it with the page's plotly.js; the id is derived from the
    /// chart itself so that the same notebook gives the same page, byte for byte.</summary>
    public static string ChartHtml(string json)
    {
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

    internal static bool IsIdentifying(DataFrame frame) => frame.Columns.Any(c => IdentifyingColumns.Contains(c.Name));

    private static string Refusal(string what) =>
        $"<p class=\"refused\">Not shown: {WebUtility.HtmlEncode(what)} would put register rows on a page, and raw rows never reach a published page. Aggregate first, e.g. <code>register.CountBy(Breakdown.Month)</code>.</p>";
}
