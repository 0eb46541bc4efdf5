using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace TelemetryConventions.Internal;

/// <summary>
/// A bounded, time-limited, thread-safe map from (domain, raw value) to pseudonym text.
/// </summary>
/// <remarks>
/// <para>
/// Design: a <see cref="ConcurrentDictionary{TKey, TValue}"/> plus a slot counter. A writer reserves a slot
/// with a compare-and-swap before adding, so the number of entries can never exceed the capacity, even
/// while many threads insert at once. Readers take no lock and allocate nothing.
/// </para>
/// <para>
/// Entries expire a fixed lifetime after they were stored (absolute, not sliding), because the point of the
/// lifetime is to bound how long a raw identifier stays in memory, and a value seen constantly would
/// otherwise stay forever. Expired entries are treated as misses at once, and a sweep removes them every half
/// lifetime (but not more than once a second), run by whichever thread calls in next. There is no timer
/// thread, so an idle process keeps its last entries until its next call or until the cache is cleared.
/// </para>
/// <para>
/// When full, one thread (never blocking the others, who simply skip caching meanwhile) removes the expired
/// entries and then the oldest ones, down to three quarters of the capacity. "Oldest" is approximated in
/// linear time from the spread of expiry times, instead of keeping an LRU list whose every update would be
/// a point of contention between threads. Evicting a quarter at a time keeps the sweep cost constant per
/// insertion.
/// </para>
/// </remarks>
internal sealed class PseudonymCache
{
    private static readonly TimeSpan MinimumSweepInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<CacheKey, Entry> _entries;
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly int _lowWaterMark;
    private readonly long _lifetimeTicks;
    private readonly long _sweepIntervalTicks;
    private readonly object _maintenance = new();

    // Entries present plus slots reserved by writers about to add; always >= _entries.Count and <= _capacity.
    private int _slots;
    private long _nextSweep;

    public PseudonymCache(int capacity, TimeSpan lifetime, TimeProvider time)
    {
        _capacity = capacity;
        _lowWaterMark = capacity - Math.Max(1, capacity / 4);
        _time = time;
        _lifetimeTicks = ToTimestampTicks(lifetime, time.TimestampFrequency);
        _sweepIntervalTicks = ToTimestampTicks(
            lifetime / 2 > MinimumSweepInterval ? lifetime / 2 : MinimumSweepInterval,
            time.TimestampFrequency);
        _entries = new ConcurrentDictionary<CacheKey, Entry>(Environment.ProcessorCount, Math.Min(capacity, 1024));
        _nextSweep = SaturatingAdd(time.GetTimestamp(), _sweepIntervalTicks);
    }

    /// <summary>The number of cached pseudonyms (takes every internal lock; for tests and diagnostics only).</summary>
    public int Count => _entries.Count;

    public long Now() => _time.GetTimestamp();

    public bool TryGet(in CacheKey key, long now, out string text)
    {
        if (now >= Volatile.Read(ref _nextSweep))
        {
            SweepExpired(now);
        }

        if (_entries.TryGetValue(key, out Entry? entry) && now < entry.ExpiresAt)
        {
            text = entry.Text;
            return true;
        }

        text = string.Empty;
        return false;
    }

    public void Store(in CacheKey key, string text, long now)
    {
        if (_entries.TryGetValue(key, out Entry? existing))
        {
            // A live entry means another thread stored the same pseudonym meanwhile: keep it, so that every hit
            // keeps returning one string instance. An expired one is replaced in place, keeping its slot; losing
            // a race with a removal just leaves the value uncached this time.
            if (now >= existing.ExpiresAt)
            {
                _entries.TryUpdate(key, new Entry(text, SaturatingAdd(now, _lifetimeTicks)), existing);
            }

            return;
        }

        if (!TryReserveSlot(now))
        {
            return;
        }

        if (!_entries.TryAdd(key, new Entry(text, SaturatingAdd(now, _lifetimeTicks))))
        {
            Interlocked.Decrement(ref _slots);
        }
    }

    public void Clear()
    {
        lock (_maintenance)
        {
            foreach (KeyValuePair<CacheKey, Entry> pair in _entries)
            {
                Remove(pair);
            }
        }
    }

    private bool TryReserveSlot(long now)
    {
        bool madeRoom = false;
        while (true)
        {
            int slots = Volatile.Read(ref _slots);
            if (slots >= _capacity)
            {
                // One attempt only: if other writers take the room made here, this value goes uncached
                // rather than looping.
                if (madeRoom || !TryMakeRoom(now))
                {
                    return false;
                }

                madeRoom = true;
                continue;
            }

            if (Interlocked.CompareExchange(ref _slots, slots + 1, slots) == slots)
            {
                return true;
            }
        }
    }

    private bool TryMakeRoom(long now)
    {
        if (!Monitor.TryEnter(_maintenance))
        {
            return false;
        }

        try
        {
            if (Volatile.Read(ref _slots) < _capacity)
            {
                return true;
            }

            long oldest = long.MaxValue;
            long newest = long.MinValue;
            foreach (KeyValuePair<CacheKey, Entry> pair in _entries)
            {
                long expiresAt = pair.Value.ExpiresAt;
                if (now >= expiresAt)
                {
                    Remove(pair);
                }
                else
                {
                    oldest = Math.Min(oldest, expiresAt);
                    newest = Math.Max(newest, expiresAt);
                }
            }

            Volatile.Write(ref _nextSweep, SaturatingAdd(now, _sweepIntervalTicks));

            if (Volatile.Read(ref _slots) > _lowWaterMark && oldest <= newest)
            {
                // Entries are stored at a roughly steady rate, so those in the first quarter of the expiry range
                // are about the oldest quarter.
                long cutoff = oldest + ((newest - oldest) / 4);
                EvictWhile(pair => pair.Value.ExpiresAt <= cutoff);
            }

            if (Volatile.Read(ref _slots) > _lowWaterMark)
            {
                // Bursty arrivals can leave too few entries under the cutoff; any entry will do then.
                EvictWhile(static _ => true);
            }

            return true;
        }
        finally
        {
            Monitor.Exit(_maintenance);
        }
    }

    private void EvictWhile(Func<KeyValuePair<CacheKey, Entry>, bool> predicate)
    {
        foreach (KeyValuePair<CacheKey, Entry> pair in _entries)
        {
            if (Volatile.Read(ref _slots) <= _lowWaterMark)
            {
                return;
            }

            if (predicate(pair))
            {
                Remove(pair);
            }
        }
    }

    private void SweepExpired(long now)
    {
        if (!Monitor.TryEnter(_maintenance))
        {
            return;
        }

        try
        {
            if (now < Volatile.Read(ref _nextSweep))
            {
                return;
            }

            foreach (KeyValuePair<CacheKey, Entry> pair in _entries)
            {
                if (now >= pair.Value.ExpiresAt)
                {
                    Remove(pair);
                }
            }

            Volatile.Write(ref _nextSweep, SaturatingAdd(now, _sweepIntervalTicks));
        }
        finally
        {
            Monitor.Exit(_maintenance);
        }
    }

    private void Remove(KeyValuePair<CacheKey, Entry> pair)
    {
        // Removing by key and value leaves alone an entry that another thread has just refreshed.
        if (_entries.TryRemove(pair))
        {
            Interlocked.Decrement(ref _slots);
        }
    }

    private static long ToTimestampTicks(TimeSpan span, long frequency)
    {
        double ticks = span.TotalSeconds * frequency;
        return ticks >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)ticks;
    }

    private static long SaturatingAdd(long a, long b)
    {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? long.MaxValue : sum;
    }

    private sealed class Entry
    {
        public Entry(string text, long expiresAt)
        {
            Text = text;
            ExpiresAt = expiresAt;
        }

        public string Text { get; }

        public long ExpiresAt { get; }
    }
}

/// <summary>(domain, raw text) or (domain, raw number); a struct so that a lookup allocates nothing.</summary>
internal readonly struct CacheKey : IEquatable<CacheKey>
{
    private readonly string _domain;
    private readonly string? _text;
    private readonly long _number;

    public CacheKey(string domain, string text)
    {
        _domain = domain;
        _text = text;
        _number = 0;
    }

    public CacheKey(string domain, long number)
    {
        _domain = domain;
        _text = null;
        _number = number;
    }

    public bool Equals(CacheKey other) =>
        _number == other._number
        && string.Equals(_text, other._text, StringComparison.Ordinal)
        && string.Equals(_domain, other._domain, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is CacheKey other && Equals(other);

    // string.GetHashCode is randomised per process, so crafted identifiers cannot flood one bucket.
    public override int GetHashCode() =>
        _text is null ? HashCode.Combine(_domain, _number) : HashCode.Combine(_domain, _text);
}
