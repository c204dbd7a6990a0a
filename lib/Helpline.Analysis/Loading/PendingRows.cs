using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;

namespace Helpline.Analysis;

/// <summary>
/// A batch of rows read but not yet checked against the rows kept before them, with their text (quoted by a refusal).
/// On one thread, rows are parsed as they are read (<see cref="Add"/>) and the memory is asked for the hash-table slots
/// they will need a batch before they are checked, so that checking a row costs no wait on memory: on a register of a
/// million rows this halves the load. On two, rows are added with their cells (<see cref="AddUnparsed"/>), to be parsed
/// with their batch on either thread.
/// </summary>
internal sealed class PendingRows(int capacity = PendingRows.DefaultCapacity)
{
    public const int DefaultCapacity = 256;

    private readonly Row[] _rows = new Row[capacity];
    private char[] _text = new char[capacity * 128];
    private int _textLength;
    private (int Start, int Length)[] _cells = [];
    private int _cellCount;

    public int Count { get; private set; }

    public bool IsFull => Count == _rows.Length;

    /// <summary>Whether the rows added unparsed have been parsed, from their <see cref="Cells"/>.</summary>
    public bool Parsed { get; set; }

    /// <summary>The synonyms each parsed row was written with, in row order.</summary>
    public List<(int Row, string Column, string From, string To)> Synonyms { get; } = [];

    public ref Row this[int index] => ref _rows[index];

    /// <summary>Takes the next row, parsed as it is read: its text is copied so the reason for a refusal can quote it later.</summary>
    public ref Row Add(SepReader.Row row, int line)
    {
        var text = row.Span;
        int start = Append(text);
        ref var pending = ref _rows[Count++];
        pending = new Row { Line = line, TextStart = start, TextLength = text.Length };
        return ref pending;
    }

    /// <summary>Takes the next row, to be parsed later: its text and where its cells are in it.</summary>
    public void AddUnparsed(SepReader.Row row, int line)
    {
        var text = row.Span;
        int start = Append(text);
        int columns = row.ColCount;
        if (_cellCount + columns > _cells.Length)
            Array.Resize(ref _cells, Math.Max(Math.Max(_cells.Length * 2, _rows.Length * 12), _cellCount + columns));
        var cells = _cells.AsSpan(_cellCount, columns);
        ref char first = ref MemoryMarshal.GetReference(text);
        for (int i = 0; i < cells.Length; i++)
        {
            // A cell is a slice of the row's text (Sep leaves quotes in): it starts as far in as its first char.
            var cell = row[i].Span;
            int offset = cell.IsEmpty ? 0 : (int)(Unsafe.ByteOffset(ref first, ref MemoryMarshal.GetReference(cell)) / sizeof(char));
            cells[i] = (start + offset, cell.Length);
        }
        _rows[Count++] = new Row { Line = line, TextStart = start, TextLength = text.Length, CellStart = _cellCount, CellCount = columns };
        _cellCount += columns;
    }

    /// <summary>Takes a row refused before it could be parsed: only the text it is quoted by, and why.</summary>
    public void Refuse(ReadOnlySpan<char> text, int line, string reason)
    {
        int start = Append(text);
        _rows[Count++] = new Row { Line = line, TextStart = start, TextLength = text.Length, Error = reason };
    }

    /// <summary>The cells of a row added unparsed.</summary>
    public RowCells Cells(in Row row) => new(_text.AsSpan(0, _textLength), _cells.AsSpan(row.CellStart, row.CellCount));

    /// <summary>Where cell <paramref name="i"/> of a row added unparsed sits in its copied text.</summary>
    public (int Start, int Length) CellAt(in Row row, int i) => _cells[row.CellStart + i];

    /// <summary>Where <paramref name="cell"/>, a cell of the row just added, sits in its copied text.</summary>
    public (int Start, int Length) Locate(SepReader.Row row, ReadOnlySpan<char> cell)
    {
        row.Span.Overlaps(cell, out int offset);
        return (_textLength - row.Span.Length + offset, cell.Length);
    }

    public ReadOnlySpan<char> Text(in Row row) => _text.AsSpan(row.TextStart, row.TextLength);

    public ReadOnlySpan<char> Text(int start, int length) => _text.AsSpan(start, length);

    public void Clear()
    {
        Count = 0;
        _textLength = 0;
        _cellCount = 0;
        Parsed = false;
        Synonyms.Clear();
    }

    private int Append(ReadOnlySpan<char> text)
    {
        if (_textLength + text.Length > _text.Length)
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + text.Length));
        text.CopyTo(_text.AsSpan(_textLength));
        int start = _textLength;
        _textLength += text.Length;
        return start;
    }

    public struct Row
    {
        public int Line;
        public int TextStart, TextLength;

        /// <summary>Where the cells of a row added unparsed are listed.</summary>
        public int CellStart, CellCount;

        /// <summary>Why the row was refused; null when it parsed (or is not parsed yet).</summary>
        public string? Error;

        public Contact Contact;

        /// <summary>Of the contact id, or of the row's values when it has no id.</summary>
        public Fingerprint Key;

        public bool HasId;
        public int IdStart, IdLength;

        public Fingerprint Caller;
        public bool HasCaller;

        /// <summary>Answered when the channel was closed: kept, and reported.</summary>
        public bool OutOfHours;
    }
}
