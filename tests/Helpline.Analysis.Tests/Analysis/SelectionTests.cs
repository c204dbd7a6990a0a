using CsCheck;
using Xunit.Abstractions;

namespace Helpline.Analysis.Tests.Analysis;

public class SelectionTests(ITestOutputHelper output)
{
    // Codes in runs of 0 to 80 equal values: whole blocks of 32 kept, blocks of none and mixed blocks all occur, and
    // lengths that are not a multiple of 32 leave a tail.
    private static readonly Gen<byte[]> RunsOfCodes =
        Gen.Select(Gen.Byte[0, 3], Gen.Int[0, 80]).List[0, 12]
            .Select(runs => runs.SelectMany(run => Enumerable.Repeat(run.Item1, run.Item2)).ToArray());

    [Fact]
    public void The_positions_kept_are_those_whose_code_is_or_is_not_the_one_asked_in_order()
    {
        int wholeBlocks = 0, mixedBlocks = 0;
        int cases = Deterministic.Sample(Gen.Select(RunsOfCodes, Gen.Byte[0, 4], Gen.Bool), c =>
        {
            var (codes, code, equal) = c;
            var expected = Enumerable.Range(0, codes.Length).Where(p => (codes[p] == code) == equal).ToArray();
            for (int block = 0; block + 32 <= codes.Length; block += 32)
            {
                int kept = expected.Count(p => p >= block && p < block + 32);
                wholeBlocks += kept == 32 ? 1 : 0;
                mixedBlocks += kept is > 0 and < 32 ? 1 : 0;
            }
            return Selection.Where(codes, code, equal).SequenceEqual(expected);
        }, seed: "0N0XIzNsQ0O2", cases: 2000, print: c => $"{c.Item1.Length} codes [{string.Join(",", c.Item1)}], code {c.Item2}, equal {c.Item3}");
        output.WriteLine($"{cases} cases: {wholeBlocks} blocks of 32 all kept, {mixedBlocks} mixed");
        Assert.Equal(2000, cases);
        Assert.True(wholeBlocks > 100 && mixedBlocks > 100, $"{wholeBlocks} whole and {mixedBlocks} mixed blocks of 32: the cases miss a way through");
    }

    [Fact]
    public void A_filter_of_a_million_contacts_keeps_the_same_contacts_as_counting_them_one_by_one()
    {
        var codes = new byte[1_000_003];
        var random = new Random(232);
        for (int p = 0; p < codes.Length; p++)
            codes[p] = (byte)(p % 1000 < 500 ? 1 : random.Next(3)); // long stretches of one code, then mixed ones
        foreach (var equal in new[] { true, false })
        {
            var kept = Selection.Where(codes, 1, equal);
            Assert.Equal(codes.Count(c => (c == 1) == equal), kept.Length);
            Assert.All(kept.Zip(kept.Skip(1)), pair => Assert.True(pair.First < pair.Second));
            Assert.All(kept, p => Assert.Equal(equal, codes[p] == 1));
        }
    }
}
