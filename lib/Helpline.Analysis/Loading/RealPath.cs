namespace Helpline.Analysis;

/// <summary>A path with every symbolic link along it resolved, as the operating system will follow it (realpath).</summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>
    /// The real path of <paramref name="path"/>, one component at a time: a link is replaced by its target, and
    /// <c>..</c> climbs from where a link led, as the kernel does. A part that does not exist yet stays as written,
    /// under the real path of what does: a folder about to be made is judged where it will land.
    /// </summary>
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new Stack<string>(Parts(full[root.Length..]).Reverse());
        var real = root;
        int links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "." or "")
                continue;
            if (part == "..")
            {
                real = Path.GetDirectoryName(real) ?? root;
                continue;
            }
            var next = Path.Combine(real, part);
            var target = LinkTarget(next);
            if (target is null || links++ >= MaxLinks)
            {
                real = next;
                continue;
            }
            if (Path.IsPathRooted(target))
                real = Path.GetPathRoot(target) ?? root;
            foreach (var step in Parts(target[(Path.GetPathRoot(target)?.Length ?? 0)..]).Reverse())
                pending.Push(step);
        }
        return real;
    }

    private static string[] Parts(string path) => path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
