using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpline.Analysis;

namespace Helpline.Notebooks.Publishing;

/// <summary>
/// What a published site was built from, and what it then held: the notebooks, their parameters, every data file they
/// loaded, the files of <c>data/</c>, the program, the day, and a hash of every file of the site. A publish whose
/// inputs and site are both as recorded would write the same site again, so it has nothing to redo. The record lives
/// in <c>artifacts/publish/</c> (ignored by git, never published): it names paths of this machine.
/// </summary>
internal sealed class PublishInputs
{
    private const int Version = 1;

    private readonly string _site;
    private readonly IReadOnlyList<string> _notebooks;
    private readonly IReadOnlyDictionary<string, string> _parameters;
    private readonly bool _documents;
    private readonly DateOnly _today;

    public PublishInputs(string site, IReadOnlyList<string> notebooks, IReadOnlyDictionary<string, string> parameters, bool documents, TimeProvider? clock = null)
    {
        _site = site;
        _notebooks = notebooks;
        _parameters = parameters;
        _documents = documents;
        // Which rows a register keeps depends on the day (dates after today are refused): a record holds for one day.
        _today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetLocalNow().DateTime);
    }

    /// <summary>Where the record of a site is kept: one file per site folder.</summary>
    public string RecordPath => Path.Combine(DataPaths.Default.Root, "artifacts", "publish",
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_site)))[..16] + ".json");

    /// <summary>
    /// Whether the site is as the last publish with these inputs left it: the same notebooks, parameters, documents
    /// switch, day, program, <c>data/</c> files and loaded files (compared by content), and every file of the site
    /// unchanged. Returns the number of files compared, or null when anything differs or nothing was recorded.
    /// </summary>
    public int? UpToDate()
    {
        if (!File.Exists(RecordPath) || !Directory.Exists(_site))
            return null;
        int? version;
        string? recordedInputs, recordedSite;
        List<string> loaded;
        try
        {
            var record = JsonNode.Parse(File.ReadAllText(RecordPath))?.AsObject() ?? throw new JsonException("empty");
            version = record["version"]?.GetValue<int>();
            recordedInputs = record["inputs"]?.GetValue<string>();
            recordedSite = record["site"]?.GetValue<string>();
            loaded = record["loaded"]?.AsArray().Select(n => n?.GetValue<string>() ?? throw new JsonException("a loaded file without a path")).ToList() ?? [];
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or FormatException)
        {
            return null; // a damaged record is no record: publish again
        }
        var (inputs, inputFiles) = Inputs(loaded);
        if (version != Version || recordedInputs != inputs)
            return null;
        var (site, siteFiles) = SiteHash(_site);
        return recordedSite == site ? inputFiles + siteFiles : null;
    }

    /// <summary>Records the inputs of a whole publish that succeeded, with the data files its notebooks loaded.</summary>
    public void Record(IReadOnlyList<string> loaded)
    {
        var record = new JsonObject
        {
            ["version"] = Version,
            ["site_folder"] = _site,
            ["inputs"] = Inputs(loaded).Hash,
            ["site"] = SiteHash(_site).Hash,
            ["loaded"] = new JsonArray([.. loaded.Select(p => (JsonNode)JsonValue.Create(p))]),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(RecordPath)!);
        File.WriteAllText(RecordPath, record.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private (string Hash, int Files) Inputs(IReadOnlyList<string> loaded)
    {
        var text = new StringBuilder();
        int files = 0;
        void Line(string line) => text.Append(line).Append('\n');
        void Content(string label, string path)
        {
            Line($"{label} {path} {(File.Exists(path) ? Sha256(path) : "missing")}");
            files++;
        }
        Line(string.Create(CultureInfo.InvariantCulture, $"v{Version} documents={_documents} today={_today:yyyy-MM-dd}"));
        foreach (var (name, value) in _parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            Line($"param {name}={value}");
        foreach (var notebook in _notebooks)
            Content("notebook", notebook);
        var data = DataPaths.Default.Data;
        var root = Path.TrimEndingDirectorySeparator(DataPaths.Default.Private) + Path.DirectorySeparatorChar;
        if (Directory.Exists(data))
            foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(root, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                Content("data", file);
        foreach (var file in loaded.Order(StringComparer.Ordinal))
            Content("loaded", file);
        foreach (var line in ProgramLines())
            Line(line);
        return (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), files);
    }

    /// <summary>
    /// The program and the library the notebooks reference, a line a file: a build changes their size or time, and
    /// hashing them all would cost more than it saves.
    /// </summary>
    public static IEnumerable<string> ProgramLines()
    {
        var analysis = Path.Combine(DataPaths.Default.Root, "artifacts", "bin", "Helpline.Analysis", "debug", "Helpline.Analysis.dll");
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Append(analysis).Order(StringComparer.Ordinal))
            yield return string.Create(CultureInfo.InvariantCulture, $"program {file} {FileStamp(file)}");
    }

    /// <summary>A file's size and time of last change, or "missing".</summary>
    public static string FileStamp(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? string.Create(CultureInfo.InvariantCulture, $"{info.Length} {info.LastWriteTimeUtc.Ticks}") : "missing";
    }

    private static (string Hash, int Files) SiteHash(string site)
    {
        var text = new StringBuilder();
        int files = 0;
        if (Directory.Exists(site))
            foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                // A link the site holds is recorded as the link it is: it may lead nowhere, and publishing keeps it so.
                var link = new FileInfo(file).LinkTarget;
                text.Append(Path.GetRelativePath(site, file)).Append(' ').Append(link is null ? Sha256(file) : "-> " + link).Append('\n');
                files++;
            }
        return (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), files);
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
