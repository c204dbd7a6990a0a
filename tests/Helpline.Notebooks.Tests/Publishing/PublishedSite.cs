namespace Helpline.Notebooks.Tests.Publishing;

/// <summary>Publishes every notebook twice, into two fresh folders, once for all the tests that read the site.</summary>
public sealed class PublishedSite
{
    public PublishedSite()
    {
        First = Cli.TempFolder();
        Second = Cli.TempFolder();
        // Documents (PDF, images, workbooks, drafts) are not byte-reproducible and have their own publish (Documents/).
        (Exit, _, Log) = Cli.Run("publish", "--output", First, "--no-documents");
        (SecondExit, _, _) = Cli.Run("publish", "--output", Second, "--no-documents");
    }

    public string First { get; }

    public string Second { get; }

    public int Exit { get; }

    public int SecondExit { get; }

    /// <summary>What publish printed on stderr: progress, failures naming notebook and cell, the summary.</summary>
    public string Log { get; }

    public static IReadOnlyList<string> Notebooks =>
        [.. Directory.GetFiles(Helpline.Analysis.DataPaths.Default.Notebooks, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];
}
