using System.Collections.Concurrent;

namespace Helpline.Analysis;

/// <summary>
/// Everything a notebook reads: the register, the web statistics, the published figures, what cleaning did, and
/// where it all came from. Displayed, it is the page's data banner.
/// </summary>
public sealed record HelplineData(
    Register Contacts,
    WebStatistics Web,
    PublishedFigures Published,
    CleaningReport RegisterReport,
    CleaningReport WebReport,
    DataSource Source) : IPageOutput
{
    // Lazy: notebooks running side by side that ask for the same files wait for one load instead of each parsing them.
    private static readonly ConcurrentDictionary<(string, long, DateTime, string, long, DateTime), Lazy<HelplineData>> Cache = new();

    /// <summary>Loads both files (default: the shipped synthetic ones). Files already loaded in this process and
    /// unchanged since are not parsed again, so the notebooks of one publish share one load.</summary>
    public static HelplineData Load(string? registerPath = null, string? webPath = null) => Load(registerPath, webPath, DisclosureOptions.Default);

    /// <summary>Loads both files; the register's counts are released with this threshold (3 or more) and switch, as the
    /// notebook's parameters say (<c>suppress = false</c> is for a researcher's own look: pages say not for publication).</summary>
    public static HelplineData Load(string? registerPath, string? webPath, int threshold, bool suppress = true) =>
        Load(registerPath, webPath, new DisclosureOptions { Threshold = threshold, Enabled = suppress });

    public static HelplineData Load(string? registerPath, string? webPath, DisclosureOptions options)
    {
        var data = LoadShared(registerPath, webPath);
        return options == data.Contacts.Options ? data : data with { Contacts = data.Contacts.WithOptions(options) };
    }

    private static HelplineData LoadShared(string? registerPath, string? webPath)
    {
        registerPath = Path.GetFullPath(registerPath ?? DataPaths.Default.Register);
        webPath = Path.GetFullPath(webPath ?? DataPaths.Default.WebVisits);
        var r = new FileInfo(registerPath);
        var w = new FileInfo(webPath);
        if (!r.Exists)
            throw new RegisterFormatException(registerPath, "the register file does not exist");
        if (!w.Exists)
            throw new RegisterFormatException(webPath, "the web-statistics file does not exist");
        return Cache.GetOrAdd((r.FullName, r.Length, r.LastWriteTimeUtc, w.FullName, w.Length, w.LastWriteTimeUtc), _ => new Lazy<HelplineData>(() =>
        {
            var register = RegisterCsv.Load(registerPath);
            var web = WebStatisticsCsv.Load(webPath);
            return new HelplineData(register.Contacts, web.Visits, PublishedFigures.Load(), register.Report, web.Report,
                DataSource.Of(registerPath, webPath));
        })).Value;
    }

    /// <summary>The reconciliation table of the published figures whose key starts with one of the prefixes:
    /// <c>"a2."</c> for part 2 of the answer, <c>"a"</c> for the whole answer, <c>"b."</c> for the later sources.</summary>
    public ReleasedTable Reconcile(params string[] keyPrefixes) => Reconciliation.Table(
        Reconciliation.Rows(Contacts, Web, Published).Where(r => keyPrefixes.Any(p => r.Figure.Key.StartsWith(p, StringComparison.Ordinal))));

    IEnumerable<Statistic> IPageOutput.Statistics => [];

    IEnumerable<CountTable> IPageOutput.Tables => [];

    PageContent IPageOutput.Render(Release release) =>
        new(Source.BannerHtml(RegisterReport) + (release.NotForPublication ? NotForPublicationHtml : ""));

    /// <summary>The stamp of a page built without disclosure control.</summary>
    public const string NotForPublicationHtml =
        "<div class=\"banner unprotected\"><strong>Not for publication.</strong> Disclosure control is off (<code>suppress = false</code>): small counts are shown. This page is for the researcher's own look only.</div>";
}
