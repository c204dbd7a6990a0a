namespace Helpline.Analysis;

/// <summary>The raw cells of a row, as Sep split them: straight from the reader, or copied to be parsed later.</summary>
internal interface IRowCells
{
    int Count { get; }

    ReadOnlySpan<char> this[int i] { get; }
}
