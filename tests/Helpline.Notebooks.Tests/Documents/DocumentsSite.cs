using Helpline.Notebooks.Tests.Publishing;

namespace Helpline.Notebooks.Tests.Documents;

/// <summary>One publish of the shipped notebooks with their documents, for every test that opens a document.</summary>
[CollectionDefinition(nameof(DocumentsSite))]
public sealed class DocumentsSite : ICollectionFixture<PublishedDocuments>;

/// <summary>Publishes every notebook once, documents included; the <c>answer</c> command's draft is made on first use.</summary>
public sealed class PublishedDocuments
{
    private readonly Lazy<(int Exit, string Log, string Path)> _answer;

    public PublishedDocuments()
    {
        Folder = Cli.TempFolder();
        if (Chromium.Executable is not null)
            (Exit, _, Log) = Cli.Run("publish", "--output", Folder);
        _answer = new(() =>
        {
            var path = System.IO.Path.Combine(Cli.TempFolder(), "answer.docx");
            var (exit, _, log) = Cli.Run("answer", "notebooks/00-answer.ipynb", "-o", path);
            return (exit, log, path);
        });
    }

    public string Folder { get; }

    public int Exit { get; }

    public string Log { get; } = "";

    internal SiteFiles Files => new(Folder);

    /// <summary><c>answer notebooks/00-answer.ipynb -o answer.docx</c>: its exit code, its stderr, the file.</summary>
    public (int Exit, string Log, string Path) Answer => _answer.Value;

    public string Document(string relative) => System.IO.Path.Combine(Folder, relative);

    public static string NoChromium => "Documents are drawn by headless Chromium (Debian package chromium), which is not installed";
}
