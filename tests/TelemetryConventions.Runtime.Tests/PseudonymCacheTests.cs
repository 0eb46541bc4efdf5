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
    public void An_entry_lives_at_most_the_lifetime_and_at_least_the_lifetime_less_one_tick()
    {
        // 80 s in eight ticks of 10 s. An entry stored 5 s into the first tick is served until the eighth tick.
        var time = new ManualTimeProvider();
        var pseudonymizer = TestKeys.Create(time: time, lifetime: TimeSpan.FromSeconds(80));
        time.Advance(TimeSpan.FromSeconds(5));
        string first = pseudonymizer.Compute("patient.id", "12345");

        time.Advance(TimeSpan.FromSeconds(74.9));
        Assert.Same(first, pseudonymizer.Compute("patient.id", "12345"));
        Assert.Equal(1, pseudonymizer.MacComputations);

        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(first, pseudonymizer.Compute("patient.id", "12345"));
        Assert.Equal(2, pseudonymizer.MacComputations);
    }

    [Fact]
    public void A_lifetime_shorter_than_the_smallest_tick_still_expires_within_one_tick()
    {
        var time = new ManualTimeProvider();
        var pseudonymizer = TestKeys.Create(time: time, lifetime: TimeSpan.FromMilliseconds(1));
        pseudonymizer.Compute("patient.id", "12345");
        pseudonymizer.Compute("patient.id", "12345");
        Assert.Equal(1, pseudonymizer.MacComputations);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, pseudonymizer.CachedCount);
        pseudonymizer.Compute("patient.id", "12345");
        Assert.Equal(2, pseudonymizer.MacComputations);
    }

    [Fact]
    public void An_idle_cache_lets_go_of_its_identifiers_when_the_lifetime_passes()
    {
        var time = new ManualTimeProvider();
        var pseudonymizer = TestKeys.Create(time: time, lifetime: TimeSpan.FromMinutes(10));
        for (int i = 0; i < 50; i++)
        {
            pseudonymizer.Compute("patient.id", i);
            pseudonymizer.Compute("student.id", "s-" + i);
        }

        Assert.Equal(100, pseudonymizer.CachedCount);

        // No call at all: the expiry timer removes them.
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0, pseudonymizer.CachedCount);
    }

    [Fact]
    public void Cache_hits_do_not_read_the_clock()
    {
        var time = new CountingTimeProvider();
        var pseudonymizer = TestKeys.Create(time: time);
        pseudonymizer.Compute("patient.id", "12345");
        pseudonymizer.Compute("patient.id", 12345L);
        long readsBefore = time.Reads;

        for (int i = 0; i < 1000; i++)
        {
            pseudonymizer.Compute("patient.id", "12345");
            pseudonymizer.Compute("patient.id", 12345L);
            _ = pseudonymizer.Pseudonymize("patient.id", "12345").Value;
        }

        Assert.Equal(readsBefore, time.Reads);
        Assert.Equal(2, pseudonymizer.MacComputations);
    }

    [Fact]
    public void Each_domain_is_cached_apart_and_all_share_one_bound()
    {
        var pseudonymizer = TestKeys.Create(cacheSize: 40, time: new ManualTimeProvider());
        string patient = pseudonymizer.Compute("patient.id", "12345");
        string student = pseudonymizer.Compute("student.id", "12345");

        Assert.NotEqual(patient, student);
        Assert.Same(patient, pseudonymizer.Compute("patient.id", "12345"));
        Assert.Same(student, pseudonymizer.Compute("student.id", "12345"));
        Assert.Equal(2, pseudonymizer.MacComputations);

        for (int i = 0; i < 100; i++)
        {
            pseudonymizer.Compute("patient.id", "p-" + i);
            pseudonymizer.Compute("student.id", i);
            Assert.InRange(pseudonymizer.CachedCount, 1, 40);
        }
    }

    [Fact]
    public void A_domain_equal_to_a_known_one_but_another_string_instance_shares_its_entries()
    {
        var pseudonymizer = TestKeys.Create();
        string first = pseudonymizer.Compute("patient.id", "12345");

        string sameDomain = string.Concat("patient", ".id");
        Assert.NotSame("patient.id", sameDomain);

        Assert.Same(first, pseudonymizer.Compute(sameDomain, "12345"));
        Assert.Equal(1, pseudonymizer.MacComputations);
    }

    [Fact]
    public void Domains_beyond_the_limit_are_computed_correctly_without_caching()
    {
        var reference = TestKeys.Create(cacheSize: 0);
        var pseudonymizer = TestKeys.Create();
        for (int d = 0; d < Internal.PseudonymCache.MaxDomains; d++)
        {
            pseudonymizer.Compute("space" + d + ".id", "12345");
        }

        long macs = pseudonymizer.MacComputations;
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(reference.Compute("one.more.id", "12345"), pseudonymizer.Compute("one.more.id", "12345"));
            Assert.Equal(reference.Compute("one.more.id", 7L), pseudonymizer.Compute("one.more.id", 7L));
        }

        Assert.Equal(macs + 6, pseudonymizer.MacComputations);
        Assert.Equal(Internal.PseudonymCache.MaxDomains, pseudonymizer.CachedCount);
        // The domains that have a table keep it.
        pseudonymizer.Compute("space0.id", "12345");
        Assert.Equal(macs + 6, pseudonymizer.MacComputations);
    }

    [Fact]
    public void A_rotated_key_never_sees_the_cached_pseudonyms_of_the_old_one()
    {
        var time = new ManualTimeProvider();
        var before = TestKeys.Create(TestKeys.Sequential32, "k1", time: time);
        var after = TestKeys.Create(TestKeys.Other32, "k2", time: time);

        string old = before.Compute("patient.id", "12345");
        string rotated = after.Compute("patient.id", "12345");

        Assert.StartsWith("k1:", old, StringComparison.Ordinal);
        Assert.StartsWith("k2:", rotated, StringComparison.Ordinal);
        Assert.Equal(TestKeys.Create(TestKeys.Other32, "k2", cacheSize: 0).Compute("patient.id", "12345"), rotated);
        Assert.Same(old, before.Compute("patient.id", "12345"));
        Assert.Same(rotated, after.Compute("patient.id", "12345"));

        before.ClearCache();
        Assert.Equal(0, before.CachedCount);
        Assert.Same(rotated, after.Compute("patient.id", "12345"));
        Assert.True(after.Verify("patient.id", "12345", rotated));
    }

    [Fact]
    public void A_dropped_pseudonymizer_is_collected_and_its_expiry_timer_stops()
    {
        var time = new ManualTimeProvider();
        WeakReference dropped = CreateAndDrop(time);
        WeakReference droppedOnSystemClock = CreateAndDrop(TimeProvider.System);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(dropped.IsAlive, "the expiry timer must not keep the pseudonymizer alive");
        Assert.False(droppedOnSystemClock.IsAlive, "the system timer must not keep the pseudonymizer alive");
        Assert.Equal(1, time.ActiveTimers);
        time.Advance(PseudonymizerOptions.DefaultCacheLifetime);
        Assert.Equal(0, time.ActiveTimers);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference CreateAndDrop(TimeProvider time)
    {
        var pseudonymizer = TestKeys.Create(time: time);
        pseudonymizer.Compute("patient.id", "12345");
        return new WeakReference(pseudonymizer);
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

    [Fact]
    public async Task Concurrent_reads_stay_correct_while_entries_expire_are_evicted_and_cleared()
    {
        const int distinct = 500;
        var reference = TestKeys.Create(cacheSize: 0);
        string[] expected = Enumerable.Range(0, distinct).Select(i => reference.Compute("patient.id", "id-" + i)).ToArray();
        var time = new ManualTimeProvider();
        var pseudonymizer = TestKeys.Create(cacheSize: 128, time: time, lifetime: TimeSpan.FromSeconds(8));
        int failures = 0;
        int overBound = 0;
        using var stop = new CancellationTokenSource();

        // One thread moves the clock (each second is a tick that sweeps) and now and then clears the cache.
        var churn = Task.Run(() =>
        {
            int round = 0;
            while (!stop.IsCancellationRequested)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                if (++round % 16 == 0)
                {
                    pseudonymizer.ClearCache();
                }

                if (pseudonymizer.CachedCount > 128)
                {
                    Interlocked.Increment(ref overBound);
                }
            }
        });

        Parallel.For(0, 60_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            int n = i % 4 == 0 ? i % 20 : (i * 7919) % distinct;
            if (!string.Equals(pseudonymizer.Compute("patient.id", "id-" + n), expected[n], StringComparison.Ordinal))
            {
                Interlocked.Increment(ref failures);
            }
        });
        await stop.CancelAsync();
        await churn;

        Assert.Equal(0, failures);
        Assert.Equal(0, overBound);
        Assert.InRange(pseudonymizer.CachedCount, 0, 128);
    }
}

/// <summary>The system clock, counting how often it is read.</summary>
internal sealed class CountingTimeProvider : TimeProvider
{
    private long _reads;

    public long Reads => Interlocked.Read(ref _reads);

    public override long GetTimestamp()
    {
        Interlocked.Increment(ref _reads);
        return base.GetTimestamp();
    }
}
