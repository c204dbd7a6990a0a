namespace Helpline.Analysis;

/// <summary>
/// The one place that knows where the repository keeps its files. The root is found from
/// <c>HELPLINE_ROOT</c>, else by walking up from the working folder, then from the program's folder,
/// to the folder that holds <c>Analysis.sln</c>.
/// </summary>
public sealed record DataPaths(string Root)
{
    private static readonly Lazy<DataPaths> Found = new(() => new DataPaths(FindRoot()));

    /// <summary>The paths of the repository this code runs in.</summary>
    public static DataPaths Default => Found.Value;

    public string Data => Path.Combine(Root, "data");

    /// <summary>The shipped, synthetic contact register.</summary>
    public string Register => Path.Combine(Data, "register", "contacts.csv");

    /// <summary>The shipped, synthetic web statistics.</summary>
    public string WebVisits => Path.Combine(Data, "register", "web-visits.csv");

    public string PublishedFigures => Path.Combine(Data, "published", "figures.csv");

    public string OpeningHours => Path.Combine(Data, "reference", "opening-hours.csv");

    /// <summary>Where a real export goes; ignored by git.</summary>
    public string Private => Path.Combine(Data, "private");

    public string Notebooks => Path.Combine(Root, "notebooks");

    public string Site => Path.Combine(Root, "site");

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HELPLINE_ROOT");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Path.GetFullPath(fromEnvironment);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Analysis.sln")))
                    return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException(
            "Cannot find the repository (a folder holding Analysis.sln) above the working folder; set HELPLINE_ROOT.");
    }
}
