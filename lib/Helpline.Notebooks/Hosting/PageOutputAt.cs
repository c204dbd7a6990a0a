using Helpline.Analysis;

namespace Helpline.Notebooks.Hosting;

/// <summary>An output of a cell that the release gate decides: the cell's position in the executed notebook, the output's position in the cell.</summary>
internal sealed record PageOutputAt(int Cell, int Index, IPageOutput Output);
