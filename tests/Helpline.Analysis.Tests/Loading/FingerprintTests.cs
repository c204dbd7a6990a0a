namespace Helpline.Analysis.Tests.Loading;

public class FingerprintTests
{
    [Fact]
    public void The_same_text_always_gives_the_same_fingerprint_and_another_seed_another_one()
    {
        Assert.Equal(Fingerprint.Of("k1a72980eb64c"), Fingerprint.Of("k1a72980eb64c".AsSpan()));
        Assert.NotEqual(Fingerprint.Of("k1a72980eb64c"), Fingerprint.Of("k1a72980eb64d"));
        Assert.NotEqual(Fingerprint.Of("C000001", seed: 1), Fingerprint.Of("C000001", seed: 2));
    }

    [Fact]
    public void A_million_different_identifiers_give_a_million_different_fingerprints()
    {
        var seen = new HashSet<Fingerprint>();
        for (int i = 0; i < 1_000_000; i++)
            Assert.True(seen.Add(Fingerprint.Of($"C{i:D7}")));
    }
}
