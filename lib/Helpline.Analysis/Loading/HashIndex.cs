namespace Helpline.Analysis;

/// <summary>
/// A map from fingerprints to row positions, with open addressing: key and value share a 16-byte slot, so a lookup
/// in a table of millions costs one cache miss instead of the two or three of a <see cref="Dictionary{TKey, TValue}"/>.
/// </summary>
internal sealed class HashIndex
{
    private Slot[] _slots;
    private int _count;

    // Up to 3 of 4 slots filled: linear probing stays short.
    public HashIndex(int capacity) => _slots = new Slot[Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity) * 4 / 3 + 1))];

    public int Count => _count;

    private struct Slot
    {
        public ulong High;
        public uint Low;
        public int Value; // position + 1: 0 marks an empty slot
    }

    /// <summary>Asks the memory for the slot of <paramref name="key"/> ahead of a lookup, without waiting for it.</summary>
    public unsafe void Prefetch(Fingerprint key)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref _slots[(int)key.Low & (_slots.Length - 1)]));
    }

    /// <summary>The position of <paramref name="key"/>, adding it with <paramref name="value"/> when it is not there yet.</summary>
    public int GetOrAdd(Fingerprint key, int value)
    {
        if ((_count + 1) * 4L > _slots.Length * 3L)
            Grow();
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int i = (int)key.Low & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Value == 0)
            {
                slot.High = key.High;
                slot.Low = key.Low;
                slot.Value = value + 1;
                _count++;
                return value;
            }
            if (slot.High == key.High && slot.Low == key.Low)
                return slot.Value - 1;
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _count = 0;
        foreach (var slot in old)
        {
            if (slot.Value != 0)
                GetOrAdd(new Fingerprint(slot.High, slot.Low), slot.Value - 1);
        }
    }
}
