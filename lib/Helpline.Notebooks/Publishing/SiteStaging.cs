namespace Helpline.Notebooks.Publishing;

/// <summary>
/// A site is written beside the one it replaces, in a staging folder that starts as a copy of it, and takes its place
/// only once every page is written: a failing notebook or a crash leaves the last good site whole. Files of the folder
/// that no notebook writes stay as they were.
/// </summary>
internal sealed class SiteStaging : IDisposable
{
    private SiteStaging(string site, string folder)
    {
        Site = site;
        Folder = folder;
    }

    /// <summary>The site folder this staging replaces.</summary>
    public string Site { get; }

    /// <summary>Where the pages are written meanwhile: a sibling of the site, so the swap is two renames on one disk.</summary>
    public string Folder { get; }

    public static SiteStaging Begin(string site)
    {
        site = Path.TrimEndingDirectorySeparator(Path.GetFullPath(site));
        var parent = Path.GetDirectoryName(site) ?? throw new IOException($"{site}: cannot publish a site into the root folder");
        Directory.CreateDirectory(parent);
        var folder = Path.Combine(parent, $".{Path.GetFileName(site)}.staging");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true); // what a publish stopped halfway left behind
        if (Directory.Exists(site))
            Copy(site, folder);
        else
            Directory.CreateDirectory(folder);
        return new SiteStaging(site, folder);
    }

    /// <summary>Puts the staged site in place of the old one.</summary>
    public void Commit()
    {
        var old = Path.Combine(Path.GetDirectoryName(Site)!, $".{Path.GetFileName(Site)}.replaced");
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
        if (Directory.Exists(Site))
            Directory.Move(Site, old);
        Directory.Move(Folder, Site);
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
    }

    /// <summary>Drops the staging folder unless it was committed.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                // A link stays a link: following it could copy a folder into itself.
                if (entry is DirectoryInfo)
                    Directory.CreateSymbolicLink(target, link);
                else
                    File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo)
            {
                Copy(entry.FullName, target);
            }
            else
            {
                File.Copy(entry.FullName, target);
            }
        }
    }
}
