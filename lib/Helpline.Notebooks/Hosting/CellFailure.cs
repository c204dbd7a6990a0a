namespace Helpline.Notebooks.Hosting;

/// <summary>The cell that stopped a notebook: which notebook, which cell, how it starts, and what went wrong.</summary>
internal sealed record CellFailure(string Notebook, int Cell, string Head, string Message)
{
    public override string ToString() =>
        $"{Notebook}: cell {Cell} failed\n{Indent(Head, "  | ")}\n{Indent(Message, "  ")}";

    private static string Indent(string text, string prefix) =>
        string.Join("\n", text.Split('\n').Select(l => prefix + l));
}
