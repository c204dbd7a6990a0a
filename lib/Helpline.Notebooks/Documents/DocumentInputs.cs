using System.Security.Cryptography;
using System.Text;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Publishing;

namespace Helpline.Notebooks.Documents;

/// <summary>
/// What a page's documents are made from: its written page, its released notebook, the site's assets, the program and
/// the browser. Documents made from the same inputs are the same documents, so a publish keeps those whose inputs
/// are as recorded (in <c>documents/.made-from</c>, a hash a page) and whose files are all there, and makes the others.
/// </summary>
internal sealed class DocumentInputs
{
    public const string RecordFile = ".made-from";

    private readonly string _site;
    private readonly string _shared;
    private readonly Dictionary<string, string> _recorded;

    private DocumentInputs(string site, string shared, Dictionary<string, string> recorded)
    {
        _site = site;
        _shared = shared;
        _recorded = recorded;
    }

    private string RecordPath => Path.Combine(_site, DocumentPaths.Folder, RecordFile);

    /// <summary>Reads the record of the site's documents; the assets, program and browser are read once here.</summary>
    public static DocumentInputs Of(string site)
    {
        var shared = new StringBuilder();
        foreach (var line in PublishInputs.ProgramLines())
            shared.Append(line).Append('\n');
        var browser = PageRenderer.Executable;
        shared.Append("browser ").Append(browser).Append(' ').Append(browser is null ? "none" : PublishInputs.FileStamp(browser)).Append('\n');
        var assets = Path.Combine(site, "assets");
        if (Directory.Exists(assets))
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                shared.Append("asset ").Append(Path.GetRelativePath(site, file)).Append(' ').Append(PublishInputs.Sha256(file)).Append('\n');

        var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        var record = Path.Combine(site, DocumentPaths.Folder, RecordFile);
        if (File.Exists(record))
            foreach (var line in File.ReadLines(record))
                if (line.Split(' ') is [var page, var hash])
                    recorded[page] = hash;
        return new DocumentInputs(site, shared.ToString(), recorded);
    }

    /// <summary>The hash of what this page's documents are made from, its page as written now.</summary>
    public string Hash(PageModel page, NotebookRun run)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(_shared));
        hash.AppendData(File.ReadAllBytes(Path.Combine(_site, page.Name + ".html")));
        hash.AppendData(Encoding.UTF8.GetBytes(run.Executed.ToJson()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether the page's documents were made from <paramref name="hash"/> and are all still there.</summary>
    public bool Kept(PageModel page, string hash) =>
        _recorded.TryGetValue(page.Name, out var recorded) && recorded == hash && Files(page).All(f => File.Exists(Path.Combine(_site, f)));

    /// <summary>Records what the pages' documents were made from (pages not given keep their line).</summary>
    public void Record(IEnumerable<(string Page, string Hash)> made)
    {
        foreach (var (page, hash) in made)
            _recorded[page] = hash;
        Directory.CreateDirectory(Path.GetDirectoryName(RecordPath)!);
        File.WriteAllLines(RecordPath, _recorded.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));
    }

    private static IEnumerable<string> Files(PageModel page)
    {
        yield return DocumentPaths.Pdf(page.Name);
        yield return DocumentPaths.Word(page.Name);
        if (page.Tables.Any())
            yield return DocumentPaths.Workbook(page.Name);
        for (int chart = 1; chart <= page.Charts.Count(); chart++)
        {
            yield return DocumentPaths.Figure(page.Name, chart, "png");
            yield return DocumentPaths.Figure(page.Name, chart, "svg");
        }
    }
}
