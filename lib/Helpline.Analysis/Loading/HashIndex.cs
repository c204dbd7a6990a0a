namespace Helpline.Analysis;

/// <summary>
/// A map from 64-bit hashes to row positions, with open addressing: key and value share a slot, so a lookup in a
/// table of millions costs one cache miss instead of the two or three of a <see cref="Dictionary{TKey, TValue}"/>.
/// Hash collisions are the caller's to resolve (it compares the rows).
/// </summary>
internal sealed class HashIndex
{
    private Slot[] _slots;
    private int _count;

    // Up to 3 of 4 slots filled: linear probing stays short, and a table of millions costs 16 bytes a slot, not 32.
    public HashIndex(int capacity) => _slots = new Slot[Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity) * 4 / 3 + 1))];

    private struct Slot
    {
        public ulong Key;
        public int Value; // position + 1: 0 marks an empty slot
    }

    public bool TryGetValue(ulong key, out int value)
    {
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int i = (int)(Spread(key) & (uint)mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Value == 0)
            {
                value = -1;
                return false;
            }
            if (slot.Key == key)
            {
                value = slot.Value - 1;
                return true;
            }
        }
    }

    /// <summary>Adds the key unless it is there; false when it was.</summary>
    public bool TryAdd(ulong key, int value)
    {
        if ((_count + 1) * 4L > _slots.Length * 3L)
            Grow();
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int i = (int)(Spread(key) & (uint)mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Value == 0)
            {
                slot.Key = key;
                slot.Value = value + 1;
                _count++;
                return true;
            }
            if (slot.Key == key)
                return false;
        }
    }

    private static ulong Spread(ulong key) => (key ^ (key >> 29)) * 0xBF58476D1CE4E5B9UL >> 16;

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _count = 0;
        foreach (var slot in old)
        {
            if (slot.Value != 0)
                TryAdd(slot.Key, slot.Value - 1);
        }
    }
}
