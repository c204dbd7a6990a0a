namespace Helpline.Analysis;

/// <summary>
/// A map from fingerprints to row positions, with open addressing: key and value share a 16-byte slot, so a lookup
/// in a table of millions costs one cache miss instead of the two or three of a <see cref="Dictionary{TKey, TValue}"/>.
/// The slots live in <see cref="TableMemory"/> (huge pages where the system gives them): dispose the index when done.
/// </summary>
internal sealed unsafe class HashIndex : IDisposable
{
    private TableMemory _memory;
    private Slot* _slots;
    private int _length;
    private int _count;

    // Up to 3 of 4 slots filled: linear probing stays short.
    public HashIndex(int capacity)
    {
        _length = Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity) * 4 / 3 + 1));
        _memory = new TableMemory((nuint)_length * (nuint)sizeof(Slot));
        _slots = (Slot*)_memory.Pointer;
    }

    public int Count => _count;

    private struct Slot
    {
        public ulong High;
        public uint Low;
        public int Value; // position + 1: 0 marks an empty slot
    }

    /// <summary>Asks the memory for the slot of <paramref name="key"/> ahead of a lookup, without waiting for it.</summary>
    public void Prefetch(Fingerprint key)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported && _slots is not null)
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(_slots + ((int)key.Low & (_length - 1)));
    }

    /// <summary>The position of <paramref name="key"/>, adding it with <paramref name="value"/> when it is not there yet.</summary>
    public int GetOrAdd(Fingerprint key, int value)
    {
        if ((_count + 1) * 4L > _length * 3L)
            Grow();
        var slots = _slots;
        int mask = _length - 1;
        for (int i = (int)key.Low & mask; ; i = (i + 1) & mask)
        {
            var slot = slots + i;
            if (slot->Value == 0)
            {
                slot->High = key.High;
                slot->Low = key.Low;
                slot->Value = value + 1;
                _count++;
                return value;
            }
            if (slot->High == key.High && slot->Low == key.Low)
                return slot->Value - 1;
        }
    }

    public void Dispose()
    {
        _memory.Dispose();
        _slots = null;
        _length = 0;
    }

    private void Grow()
    {
        ObjectDisposedException.ThrowIf(_slots is null, this);
        var old = _memory;
        var oldSlots = _slots;
        int oldLength = _length;
        _length = oldLength * 2;
        _memory = new TableMemory((nuint)_length * (nuint)sizeof(Slot));
        _slots = (Slot*)_memory.Pointer;
        _count = 0;
        for (int i = 0; i < oldLength; i++)
        {
            if (oldSlots[i].Value != 0)
                GetOrAdd(new Fingerprint(oldSlots[i].High, oldSlots[i].Low), oldSlots[i].Value - 1);
        }
        old.Dispose();
    }
}
