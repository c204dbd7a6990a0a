namespace Helpline.Analysis.Tests.Loading;

public class HashIndexTests
{
    [Fact]
    public void Keys_added_past_the_planned_capacity_are_all_found_with_their_first_value()
    {
        var index = new HashIndex(capacity: 4);
        for (int i = 0; i < 10_000; i++)
        {
            var key = Fingerprint.Of($"k{i}");
            index.Prefetch(key);
            Assert.Equal(i, index.GetOrAdd(key, i));
            Assert.Equal(i, index.GetOrAdd(key, -1));
        }
        Assert.Equal(10_000, index.Count);
        for (int i = 0; i < 10_000; i++)
            Assert.Equal(i, index.GetOrAdd(Fingerprint.Of($"k{i}"), -1));
        Assert.Equal(10_000, index.GetOrAdd(Fingerprint.Of("k10000"), 10_000)); // absent, so added with its value
    }

    [Fact]
    public void Keys_that_share_their_low_bits_are_told_apart()
    {
        var index = new HashIndex(capacity: 16);
        var first = new Fingerprint(1, 7);
        Assert.Equal(0, index.GetOrAdd(first, 0));
        Assert.Equal(1, index.GetOrAdd(first.Next(), 1));
        Assert.Equal(2, index.GetOrAdd(new Fingerprint(1, 7 + 1024), 2));
        Assert.Equal(0, index.GetOrAdd(first, 9));
    }
}
