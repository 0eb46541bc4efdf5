namespace TelemetryConventions.Runtime.Tests;

public sealed class PseudonymCacheTests
{
    [Fact]
    public void Cache_hit_returns_the_same_string_instance()
    {
        var pseudonymizer = TestKeys.Create();

        string first = pseudonymizer.Compute("patient.id", "12345");
        string second = pseudonymizer.Compute("patient.id", "12345");
        string number = pseudonymizer.Compute("patient.id", 12345L);

        Assert.Same(first, second);
        Assert.Same(number, pseudonymizer.Compute("patient.id", 12345L));
        Assert.Same(first, pseudonymizer.Pseudonymize("patient.id", "12345").Value);
        Assert.Equal(2, pseudonymizer.MacComputations);
    }

    [Fact]
    public void Cache_size_zero_disables_the_cache()
    {
        var pseudonymizer = TestKeys.Create(cacheSize: 0);

        string first = pseudonymizer.Compute("patient.id", "12345");
        string second = pseudonymizer.Compute("patient.id", "12345");

        Assert.Equal(first, second);
        Assert.NotSame(first, second);
        Assert.Equal(2, pseudonymizer.MacComputations);
        Assert.Equal(0, pseudonymizer.CachedCount);
    }

    [Fact]
    public void Cache_never_exceeds_its_size()
    {
        var time = new ManualTimeProvider();
        var pseudonymizer = TestKeys.Create(cacheSize: 100, time: time);

        for (int i = 0; i < 1000; i++)
        {
            pseudonymizer.Compute("patient.id", i);
            Assert.InRange(pseudonymizer.CachedCount, 1, 100);
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    [Fact]
    public void Eviction_keeps_the_most_recent_entries()
    {
        var time = new ManualTimeProvider();
        var pseudonymizer = TestKeys.Create(cacheSize: 100, time: time);
        for (int i = 0; i < 1000; i++)
        {
            pseudonymizer.Compute("patient.id", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        long macs = pseudonymizer.MacComputations;
        for (int i = 950; i < 1000; i++)
        {
            pseudonymizer.Compute("patient.id", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(macs, pseudonymizer.MacComputations);
    }

    [Fact]
    public void Eviction_works_when_every_entry_has_the_same_age()
    {
        var pseudonymizer = TestKeys.Create(cacheSize: 10, time: new ManualTimeProvider());

        for (int i = 0; i < 100; i++)
        {
            string text = pseudonymizer.Compute("patient.id", i);
            Assert.Same(text, pseudonymizer.Compute("patient.id", i));
        }

        Assert.InRange(pseudonymizer.CachedCount, 1, 10);
    }

    [Fact]
    public void Entries_expire_after_the_lifetime()
    {
        var time = new ManualTimeProvider();
        var pseudonymizer = TestKeys.Create(time: time, lifetime: TimeSpan.FromMinutes(10));

        string first = pseudonymizer.Compute("patient.id", "12345");
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Same(first, pseudonymizer.Compute("patient.id", "12345"));
        Assert.Equal(1, pseudonymizer.MacComputations);

        // Expiry counts from when the entry was stored, not from its last use.
        time.Advance(TimeSpan.FromMinutes(2));
        string recomputed = pseudonymizer.Compute("patient.id", "12345");
        Assert.Equal(first, recomputed);
        Assert.Equal(2, pseudonymizer.MacComputations);

        Assert.Same(recomputed, pseudonymizer.Compute("patient.id", "12345"));
        Assert.Equal(2, pseudonymizer.MacComputations);
    }

    [Fact]
    public void Expired_entries_leave_memory_without_the_cache_filling_up()
    {
        var time = new ManualTimeProvider();
        var pseudonymizer = TestKeys.Create(time: time, lifetime: TimeSpan.FromMinutes(10));
        for (int i = 0; i < 50; i++)
        {
            pseudonymizer.Compute("patient.id", i);
        }

        Assert.Equal(50, pseudonymizer.CachedCount);

        // Past the lifetime and the sweep interval (half the lifetime), the next call sweeps.
        time.Advance(TimeSpan.FromMinutes(16));
        pseudonymizer.Compute("patient.id", "new");

        Assert.Equal(1, pseudonymizer.CachedCount);
    }

    [Fact]
    public void Clear_cache_forgets_everything()
    {
        var pseudonymizer = TestKeys.Create();
        string first = pseudonymizer.Compute("patient.id", "12345");
        pseudonymizer.Compute("patient.id", 1L);

        pseudonymizer.ClearCache();

        Assert.Equal(0, pseudonymizer.CachedCount);
        Assert.NotSame(first, pseudonymizer.Compute("patient.id", "12345"));
        Assert.Equal(1, pseudonymizer.CachedCount);
    }

    [Fact]
    public void Concurrent_use_gives_correct_pseudonyms_and_respects_the_bound()
    {
        const int distinct = 2_000;
        const int capacity = 256;
        var reference = TestKeys.Create(cacheSize: 0);
        string[] expected = Enumerable.Range(0, distinct)
            .Select(i => reference.Compute("patient.id", "id-" + i))
            .ToArray();
        string[] expectedNumbers = Enumerable.Range(0, distinct)
            .Select(i => reference.Compute("player.id", (long)i))
            .ToArray();
        var pseudonymizer = TestKeys.Create(cacheSize: capacity);
        int failures = 0;
        int maxSeen = 0;

        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            // A skewed mix: a hot set that should stay cached and a long tail that keeps evicting.
            int n = i % 3 == 0 ? i % 50 : (i * 7919) % distinct;
            string text = i % 2 == 0
                ? pseudonymizer.Compute("patient.id", "id-" + n)
                : pseudonymizer.Pseudonymize("player.id", (long)n).Value;
            string want = i % 2 == 0 ? expected[n] : expectedNumbers[n];
            if (!string.Equals(text, want, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref failures);
            }

            if (i % 1000 == 0)
            {
                int count = pseudonymizer.CachedCount;
                int seen;
                do
                {
                    seen = Volatile.Read(ref maxSeen);
                }
                while (count > seen && Interlocked.CompareExchange(ref maxSeen, count, seen) != seen);
            }
        });

        Assert.Equal(0, failures);
        Assert.InRange(maxSeen, 1, capacity);
        Assert.InRange(pseudonymizer.CachedCount, 1, capacity);
        Assert.True(pseudonymizer.MacComputations < 40_000, "the cache should have saved some MACs");
    }
}
