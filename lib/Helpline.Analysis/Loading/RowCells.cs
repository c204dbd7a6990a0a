namespace Helpline.Analysis;

/// <summary>The cells of a row copied into <see cref="PendingRows"/>, as Sep split them.</summary>
internal readonly ref struct RowCells(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> cells) : IRowCells
{
    private readonly ReadOnlySpan<char> _text = text;
    private readonly ReadOnlySpan<(int Start, int Length)> _cells = cells;

    public int Count => _cells.Length;

    public ReadOnlySpan<char> this[int i] => _text.Slice(_cells[i].Start, _cells[i].Length);
}
