using nietras.SeparatedValues;

namespace Helpline.Analysis;

/// <summary>
/// Rows parsed but not yet checked against the rows kept before them, with their text (quoted by a refusal) and where
/// their contact id and caller key stand in it (fingerprinted when the rows are checked).
/// </summary>
internal sealed class PendingRows(int capacity = PendingRows.DefaultCapacity)
{
    public const int DefaultCapacity = 256;

    private readonly Row[] _rows = new Row[capacity];
    private char[] _text = new char[capacity * 128];
    private int _textLength;

    public int Count { get; private set; }

    public bool IsFull => Count == _rows.Length;

    public List<(int Row, string Column, string From, string To)> Synonyms { get; } = [];

    public ref Row this[int index] => ref _rows[index];

    /// <summary>Takes the next row; its text is copied so the reason for a refusal can quote it later.</summary>
    public ref Row Add(SepReader.Row row, int line)
    {
        var text = row.Span;
        if (_textLength + text.Length > _text.Length)
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + text.Length));
        text.CopyTo(_text.AsSpan(_textLength));
        ref var pending = ref _rows[Count++];
        pending = new Row { Line = line, TextStart = _textLength, TextLength = text.Length };
        _textLength += text.Length;
        return ref pending;
    }

    /// <summary>Takes a row refused before it could be parsed: only the text it is quoted by, and why.</summary>
    public void Refuse(ReadOnlySpan<char> text, int line, string reason)
    {
        if (_textLength + text.Length > _text.Length)
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + text.Length));
        text.CopyTo(_text.AsSpan(_textLength));
        _rows[Count++] = new Row { Line = line, TextStart = _textLength, TextLength = text.Length, Error = reason };
        _textLength += text.Length;
    }

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
        Synonyms.Clear();
    }

    public struct Row
    {
        public int Line;
        public int TextStart, TextLength;

        /// <summary>Why the row was refused while parsing; null when it parsed.</summary>
        public string? Error;

        public Contact Contact;

        /// <summary>Of the contact id, or of the row's values when it has no id.</summary>
        public Fingerprint Key;

        public bool HasId;
        public int IdStart, IdLength;

        public Fingerprint Caller;
        public bool HasCaller;
        public int CallerStart, CallerLength;
    }
}
