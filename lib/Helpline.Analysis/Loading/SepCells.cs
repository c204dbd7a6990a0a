using nietras.SeparatedValues;

namespace Helpline.Analysis;

/// <summary>The cells of the row a Sep reader stands on.</summary>
internal readonly ref struct SepCells(SepReader.Row row) : IRowCells
{
    private readonly SepReader.Row _row = row;

    public int Count => _row.ColCount;

    public ReadOnlySpan<char> this[int i] => _row[i].Span;
}
