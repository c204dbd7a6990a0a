using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace Helpline.Analysis;

/// <summary>Which data a page runs on: the shipped synthetic register, or a real export named by file and SHA-256.</summary>
public sealed record DataSource(string RegisterPath, string WebPath, bool IsSynthetic, string RegisterSha256, string WebSha256)
{
    public static DataSource Of(string registerPath, string webPath)
    {
        var shipped = DataPaths.Default;
        bool synthetic = SamePath(registerPath, shipped.Register) && SamePath(webPath, shipped.WebVisits);
        return new DataSource(Path.GetFullPath(registerPath), Path.GetFullPath(webPath), synthetic, Sha256(registerPath), Sha256(webPath));
    }

    /// <summary>The banner every page opens with.</summary>
    public string BannerHtml(CleaningReport? registerReport = null)
    {
        if (IsSynthetic)
        {
            return "<div class=\"banner synthetic\"><strong>Synthetic data.</strong> This page runs on the repository's synthetic register, " +
                   "calibrated to the published totals: its totals match the sources, its monthly figures are invented. " +
                   "The real register is confidential.</div>";
        }
        var c = CultureInfo.InvariantCulture;
        var report = registerReport is null ? "" : string.Create(c,
            $"<br>Cleaning: {registerReport.RowsRead:N0} rows read, {registerReport.RowsKept:N0} kept, {registerReport.Rejected.Count:N0} rejected, {registerReport.Duplicates.Count:N0} duplicates removed.");
        return "<div class=\"banner real\"><strong>Real export.</strong> " +
               $"Register <code>{WebUtility.HtmlEncode(Path.GetFileName(RegisterPath))}</code> (SHA-256 <code>{RegisterSha256}</code>); " +
               $"web statistics <code>{WebUtility.HtmlEncode(Path.GetFileName(WebPath))}</code> (SHA-256 <code>{WebSha256}</code>).{report}</div>";
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static string Sha256(string path)
    {
        if (!File.Exists(path))
            throw new RegisterFormatException(path, "the file does not exist");
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
