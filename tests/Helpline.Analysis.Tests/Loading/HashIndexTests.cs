namespace Helpline.Analysis.Tests.Loading;

public class HashIndexTests
{
    [Fact]
    public void Keys_added_past_the_planned_capacity_are_all_found_with_their_first_value()
    {
        using var index = new HashIndex(capacity: 4);
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
        using var index = new HashIndex(capacity: 16);
        var first = new Fingerprint(1, 7);
        Assert.Equal(0, index.GetOrAdd(first, 0));
        Assert.Equal(1, index.GetOrAdd(first.Next(), 1));
        Assert.Equal(2, index.GetOrAdd(new Fingerprint(1, 7 + 1024), 2));
        Assert.Equal(0, index.GetOrAdd(first, 9));
    }

    [Fact]
    public void A_table_big_enough_for_huge_pages_finds_every_key_and_grows_past_its_capacity()
    {
        // 300,000 planned keys take 8 MB of slots: mapped in 2 MB pages on Linux; then twice as many keys make it grow.
        using var index = new HashIndex(capacity: 300_000);
        for (int i = 0; i < 600_000; i++)
            Assert.Equal(i, index.GetOrAdd(new Fingerprint((ulong)i * 0x9E3779B97F4A7C15, (uint)i), i));
        for (int i = 0; i < 600_000; i += 997)
            Assert.Equal(i, index.GetOrAdd(new Fingerprint((ulong)i * 0x9E3779B97F4A7C15, (uint)i), -1));
        Assert.Equal(600_000, index.Count);
    }

    [Fact]
    public void A_disposed_index_refuses_to_add()
    {
        var index = new HashIndex(capacity: 16);
        index.Dispose();
        Assert.Throws<ObjectDisposedException>(() => index.GetOrAdd(new Fingerprint(1, 1), 0));
    }
}
