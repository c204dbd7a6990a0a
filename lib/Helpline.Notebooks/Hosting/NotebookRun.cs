namespace Helpline.Notebooks.Hosting;

/// <summary>What running one notebook gave: the executed notebook, its parameters, its failure if any, its timings.</summary>
internal sealed record NotebookRun(
    string Source,
    IpynbNotebook Executed,
    IReadOnlyList<(string Name, string Value)> Parameters,
    CellFailure? Failure,
    TimeSpan Elapsed)
{
    /// <summary>What the notebook put on its page, where: rendered again once the gate has decided every page.</summary>
    public IReadOnlyList<PageOutputAt> Outputs { get; init; } = [];

    public bool Succeeded => Failure is null;
}
