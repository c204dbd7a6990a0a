using System.Numerics;
using System.Runtime.Intrinsics;

namespace Helpline.Analysis;

/// <summary>
/// The positions a filter keeps of a whole register. A first pass counts them (vectorised), so the array is allocated
/// once at its size; a second fills it, 32 codes compared at a time. Each kept position of millions is written once,
/// not into a buffer and again into its copy.
/// </summary>
internal static class Selection
{
    /// <summary>The positions, in order, whose code is <paramref name="code"/> (or, unless <paramref name="equal"/>, is not).</summary>
    public static int[] Where(ReadOnlySpan<byte> codes, byte code, bool equal)
    {
        int matches = codes.Count(code);
        var positions = GC.AllocateUninitializedArray<int>(equal ? matches : codes.Length - matches);
        int kept = 0, p = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var wanted = Vector256.Create(code);
            var eight = Vector256.Create(8);
            uint flip = equal ? 0u : uint.MaxValue;
            for (; p + 32 <= codes.Length; p += 32)
            {
                uint mask = Vector256.Equals(Vector256.Create(codes.Slice(p, 32)), wanted).ExtractMostSignificantBits() ^ flip;
                if (mask == uint.MaxValue)
                {
                    // 32 kept in a row (a filter keeping nearly all, or codes in long runs): written 8 at a time.
                    var next = Vector256.Create(p) + Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
                    for (int block = 0; block < 32; block += 8, next += eight)
                        next.CopyTo(positions.AsSpan(kept + block, 8));
                    kept += 32;
                    continue;
                }
                for (; mask != 0; mask &= mask - 1)
                    positions[kept++] = p + BitOperations.TrailingZeroCount(mask);
            }
        }
        for (; p < codes.Length; p++)
        {
            if ((codes[p] == code) == equal)
                positions[kept++] = p;
        }
        return positions;
    }
}
