namespace Helpline.Notebooks.Hosting;

/// <summary>What running one notebook gave: the executed notebook, its parameters, its failure if any, its timings.</summary>
internal sealed record NotebookRun(
    string Source,
    IpynbNotebook Executed,
    IReadOnlyList<(string Name, string Value)> Parameters,
    CellFailure? Failure,
    TimeSpan Elapsed)
{
    public bool Succeeded => Failure is null;
}
