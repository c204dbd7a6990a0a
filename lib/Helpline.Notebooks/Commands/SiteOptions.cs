using System.CommandLine;
using Helpline.Analysis;
using Helpline.Notebooks.Hosting;
using Helpline.Notebooks.Publishing;

namespace Helpline.Notebooks.Commands;

/// <summary>What <c>publish</c> and <c>watch</c> both take: which notebooks, their parameters, where the site goes, how many at a time.</summary>
internal sealed class SiteOptions
{
    private readonly Argument<string[]> _notebooks = RunCommand.NotebooksArgument();
    private readonly Option<string[]> _parameters = RunCommand.ParamOption();
    private readonly Option<DirectoryInfo?> _output = new("--output", "-o") { Description = "Folder for the site (default: site/ of the repository)." };
    private readonly Option<int> _jobs = RunCommand.JobsOption();
    private readonly Option<bool> _allowTracked = new("--allow-tracked-output")
    {
        Description = "Write pages built from a private export into a folder git tracks (refused otherwise).",
    };

    private readonly Option<bool> _notForPublication = new("--not-for-publication")
    {
        Description = "Write pages built with disclosure control off (suppress=false): every page says it is not for publication. Refused otherwise.",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(_notebooks);
        foreach (var option in new Option[] { _parameters, _output, _jobs, _allowTracked, _notForPublication })
            command.Options.Add(option);
    }

    /// <summary>Whether pages built from a private export may go into a folder git tracks.</summary>
    public bool AllowTracked(ParseResult parse) => parse.GetValue(_allowTracked);

    /// <summary>Whether pages without disclosure control may be written (they are stamped not for publication).</summary>
    public bool NotForPublication(ParseResult parse) => parse.GetValue(_notForPublication);

    /// <summary>Reads the options, and refuses pages from a private export in a folder git tracks.</summary>
    public (string Site, IReadOnlyList<string> Paths, IReadOnlyDictionary<string, string> Values, int Jobs) Read(ParseResult parse)
    {
        // The real path: a link is followed now, as the writes would follow it, so the guard judges where pages land.
        var site = RealPath.Of(parse.GetValue(_output)?.FullName ?? DataPaths.Default.Site);
        var values = NotebookParameters.Parse(parse.GetValue(_parameters) ?? []);
        NotebookParameters.CheckDisclosure(values);
        OutputGuard.Check(site, values, parse.GetValue(_allowTracked));
        var paths = RunCommand.Resolve(parse.GetValue(_notebooks));
        RunCommand.CheckOutput(site, paths);
        return (site, paths, values, parse.GetValue(_jobs));
    }
}
