namespace Helpline.Analysis;

/// <summary>
/// Opens a file a user named, or says in one line why it cannot be: missing, a folder, a symbolic link to nothing,
/// not readable. Every file a loader opens is also recorded in <see cref="LoadedFiles"/>.
/// </summary>
internal static class ExportFile
{
    public static FileStream Open(string path)
    {
        if (Directory.Exists(path))
            throw new RegisterFormatException(path, "is a folder, not a file: name the export inside it");
        // File.Exists says yes to a link whose target is gone: look at the link first.
        if (new FileInfo(path).LinkTarget is { } link && !File.Exists(RealPath.Of(path)))
            throw new RegisterFormatException(path, $"a symbolic link to {Printable.Of(link)}, which does not exist");
        if (!File.Exists(path))
            throw new RegisterFormatException(path, "the file does not exist");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException)
        {
            throw new RegisterFormatException(path, "the file cannot be read: permission denied");
        }
        catch (FileNotFoundException)
        {
            throw new RegisterFormatException(path, "the file does not exist");
        }
        catch (IOException e)
        {
            throw new RegisterFormatException(path, $"the file cannot be read: {e.Message}");
        }
        LoadedFiles.Record(path);
        return stream;
    }
}
