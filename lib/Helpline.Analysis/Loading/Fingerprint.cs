using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Helpline.Analysis;

/// <summary>
/// What the register keeps of an identifier (a contact id, a caller key) or of a whole row: 96 bits of its XxHash128.
/// Two different identifiers share one with a chance of about 10^-15 in a register of ten million rows, so a
/// fingerprint stands for its identifier; the identifiers themselves are never kept, which saves memory and means
/// no page can show one.
/// </summary>
internal readonly record struct Fingerprint(ulong High, uint Low)
{
    public static Fingerprint Of(ReadOnlySpan<char> text, ulong seed = 0) => From(XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text), (long)seed));

    public static Fingerprint Of(ReadOnlySpan<byte> bytes, ulong seed = 0) => From(XxHash128.HashToUInt128(bytes, (long)seed));

    /// <summary>The next fingerprint: where two different rows meet on one, the second moves on.</summary>
    public Fingerprint Next() => new(High + 1, Low);

    private static Fingerprint From(UInt128 hash) => new((ulong)(hash >> 64), (uint)hash);
}
