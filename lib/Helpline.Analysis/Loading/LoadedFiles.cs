using System.Collections.Concurrent;

namespace Helpline.Analysis;

/// <summary>
/// Every data file the loaders of this process opened, by its real path (symbolic links resolved). The notebook host
/// reads it after a run to judge the data the pages were actually built from, whatever path a notebook named.
/// </summary>
public static class LoadedFiles
{
    private static readonly ConcurrentDictionary<string, byte> Files = new(StringComparer.Ordinal);

    /// <summary>The real paths opened so far, in name order.</summary>
    public static IReadOnlyList<string> All => [.. Files.Keys.Order(StringComparer.Ordinal)];

    internal static void Record(string path) => Files.TryAdd(RealPath.Of(path), 0);
}
