using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace TelemetryConventions.Internal;

/// <summary>
/// A bounded, time-limited, thread-safe map from (domain, raw value) to pseudonym text, laid out so that a hit is one
/// dictionary look-up keyed by the raw value, with no clock read and no allocation.
/// </summary>
/// <remarks>
/// <para>
/// Layout: one <see cref="DomainTable"/> per domain (identifier space), holding a dictionary for text identifiers
/// and one for numbers. Domains come from generated constants, which are interned literals, so a caller's domain is
/// found by reference in a short array before any string is compared or hashed; only the raw value is hashed. The
/// number of domains is bounded by <see cref="MaxDomains"/>: conventions declare a handful of identifier spaces,
/// and a domain beyond the bound is simply not cached.
/// </para>
/// <para>
/// Expiry: coarse, by generation, so that reads never consult the clock. A timer from the options' time provider
/// advances a generation counter every tick (an eighth of the lifetime) and removes what has expired. An entry
/// stored during generation g is served while the counter is below g plus the ticks in a lifetime, so it lives at
/// most the lifetime and at least the lifetime less one tick, counted from when it was stored (absolute, not
/// sliding: the point of the lifetime is to bound how long a raw identifier stays in memory, and a value seen
/// constantly would otherwise stay forever). Since the timer also sweeps, an idle process lets go of its raw
/// identifiers on time too. The timer holds the cache weakly, so it never keeps a dropped pseudonymizer alive.
/// </para>
/// <para>
/// Bound: a slot counter. A writer reserves a slot with a compare-and-swap before adding, so the number of entries
/// never exceeds the capacity, even while many threads insert at once. Readers take no lock.
/// </para>
/// <para>
/// Eviction: every store takes a sequence number. When full, one thread (never blocking the others, who simply skip
/// caching meanwhile) removes the expired entries and then every entry older than the newest three quarters of the
/// capacity, which keeps the most recently stored identifiers without an LRU list whose every update would be a
/// point of contention. Evicting a quarter at a time keeps the sweep cost constant per insertion.
/// </para>
/// </remarks>
internal sealed class PseudonymCache
{
    /// <summary>How many domains get a table; conventions declare far fewer identifier spaces.</summary>
    public const int MaxDomains = 128;

    /// <summary>The expiry timer ticks this many times per lifetime (for lifetimes of 8 ms and more).</summary>
    public const int TicksPerLifetime = 8;

    private static readonly TimeSpan MinimumTick = TimeSpan.FromMilliseconds(1);

    // The longest period a timer accepts (0xFFFFFFFE ms, about 49.7 days).
    private static readonly TimeSpan MaximumTick = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly object _maintenance = new();
    private readonly int _capacity;
    private readonly int _lowWaterMark;
    private readonly long _generationsPerLifetime;
    private readonly ITimer _timer;

    // Copy-on-write under _maintenance; readers see either the old or the new array, both complete.
    private DomainTable[] _domains = Array.Empty<DomainTable>();

    // Advanced only by the timer; an entry is live while its ExpiresAt is greater.
    private long _generation;

    // The sequence number of the last store.
    private long _sequence;

    // Entries present plus slots reserved by writers about to add; always >= the entry count and <= _capacity.
    private int _slots;

    public PseudonymCache(int capacity, TimeSpan lifetime, TimeProvider time)
    {
        _capacity = capacity;
        _lowWaterMark = capacity - Math.Max(1, capacity / 4);

        TimeSpan tick = TimeSpan.FromTicks(lifetime.Ticks / TicksPerLifetime);
        tick = tick < MinimumTick ? MinimumTick : tick > MaximumTick ? MaximumTick : tick;
        // Rounding down keeps every entry within its lifetime; a lifetime shorter than the minimum tick lasts one tick.
        _generationsPerLifetime = Math.Max(1, lifetime.Ticks / tick.Ticks);

        var state = new TimerState(this);
        // The timer must not capture the constructing caller's execution context (its Activity, its async locals):
        // it would hold them for the life of the process.
        bool suppress = !ExecutionContext.IsFlowSuppressed();
        if (suppress)
        {
            ExecutionContext.SuppressFlow();
        }

        try
        {
            _timer = time.CreateTimer(static s => ((TimerState)s!).OnTick(), state, tick, tick);
        }
        finally
        {
            if (suppress)
            {
                ExecutionContext.RestoreFlow();
            }
        }

        state.Timer = _timer;
    }

    /// <summary>The number of cached pseudonyms (takes every internal lock; for tests and diagnostics only).</summary>
    public int Count
    {
        get
        {
            int count = 0;
            foreach (DomainTable table in Volatile.Read(ref _domains))
            {
                count += table.Texts.Count + table.Numbers.Count;
            }

            return count;
        }
    }

    /// <summary>How many expiry ticks have passed; for tests.</summary>
    internal long Generation => Volatile.Read(ref _generation);

    /// <summary>
    /// The table of a domain already seen, found by reference and then by value; null for a domain not seen yet.
    /// A domain only gets a table after <see cref="Pseudonymizer"/> has validated it, so a hit here needs no validation.
    /// </summary>
    public DomainTable? Find(string domain)
    {
        DomainTable[] domains = Volatile.Read(ref _domains);
        foreach (DomainTable table in domains)
        {
            if (ReferenceEquals(table.Domain, domain))
            {
                return table;
            }
        }

        foreach (DomainTable table in domains)
        {
            if (string.Equals(table.Domain, domain, StringComparison.Ordinal))
            {
                return table;
            }
        }

        return null;
    }

    /// <summary>The table of a validated domain, made on first sight; null once <see cref="MaxDomains"/> tables exist.</summary>
    public DomainTable? GetOrAdd(string domain)
    {
        lock (_maintenance)
        {
            if (Find(domain) is { } existing)
            {
                return existing;
            }

            DomainTable[] domains = _domains;
            if (domains.Length >= MaxDomains)
            {
                return null;
            }

            var table = new DomainTable(domain);
            var grown = new DomainTable[domains.Length + 1];
            domains.CopyTo(grown, 0);
            grown[domains.Length] = table;
            Volatile.Write(ref _domains, grown);
            return table;
        }
    }

    public bool TryGet(DomainTable table, string raw, out string text) => TryGet(table.Texts, raw, out text);

    public bool TryGet(DomainTable table, long raw, out string text) => TryGet(table.Numbers, raw, out text);

    public void Store(DomainTable table, string raw, string text) => Store(table.Texts, raw, text);

    public void Store(DomainTable table, long raw, string text) => Store(table.Numbers, raw, text);

    public void Clear()
    {
        lock (_maintenance)
        {
            RemoveWhere(static (_, _) => true, 0);
        }
    }

    private bool TryGet<TKey>(ConcurrentDictionary<TKey, Entry> map, TKey raw, out string text)
        where TKey : notnull
    {
        if (map.TryGetValue(raw, out Entry? entry) && entry.ExpiresAt > Volatile.Read(ref _generation))
        {
            text = entry.Text;
            return true;
        }

        text = string.Empty;
        return false;
    }

    private void Store<TKey>(ConcurrentDictionary<TKey, Entry> map, TKey raw, string text)
        where TKey : notnull
    {
        if (map.TryGetValue(raw, out Entry? existing))
        {
            // A live entry means another thread stored the same pseudonym meanwhile: keep it, so that every hit
            // keeps returning one string instance. An expired one is replaced in place, keeping its slot; losing
            // a race with a removal just leaves the value uncached this time.
            if (existing.ExpiresAt <= Volatile.Read(ref _generation))
            {
                map.TryUpdate(raw, NewEntry(text), existing);
            }

            return;
        }

        if (!TryReserveSlot())
        {
            return;
        }

        if (!map.TryAdd(raw, NewEntry(text)))
        {
            Interlocked.Decrement(ref _slots);
        }
    }

    private Entry NewEntry(string text) => new(
        text,
        Volatile.Read(ref _generation) + _generationsPerLifetime,
        Interlocked.Increment(ref _sequence));

    private bool TryReserveSlot()
    {
        bool madeRoom = false;
        while (true)
        {
            int slots = Volatile.Read(ref _slots);
            if (slots >= _capacity)
            {
                // One attempt only: if other writers take the room made here, this value goes uncached
                // rather than looping.
                if (madeRoom || !TryMakeRoom())
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

    private bool TryMakeRoom()
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

            RemoveWhere(static (entry, generation) => entry.ExpiresAt <= generation, Volatile.Read(ref _generation));

            if (Volatile.Read(ref _slots) > _lowWaterMark)
            {
                // Sequence numbers are unique, so at most _lowWaterMark entries were stored after this one:
                // everything up to it goes, the newest three quarters of the capacity stay.
                long oldestKept = Volatile.Read(ref _sequence) - _lowWaterMark;
                RemoveWhere(static (entry, keptFrom) => entry.Sequence <= keptFrom, oldestKept);
            }

            return true;
        }
        finally
        {
            Monitor.Exit(_maintenance);
        }
    }

    private void OnTick()
    {
        lock (_maintenance)
        {
            long generation = Interlocked.Increment(ref _generation);
            RemoveWhere(static (entry, now) => entry.ExpiresAt <= now, generation);
        }
    }

    // Called under _maintenance only.
    private void RemoveWhere(Func<Entry, long, bool> predicate, long argument)
    {
        foreach (DomainTable table in _domains)
        {
            RemoveWhere(table.Texts, predicate, argument);
            RemoveWhere(table.Numbers, predicate, argument);
        }
    }

    private void RemoveWhere<TKey>(ConcurrentDictionary<TKey, Entry> map, Func<Entry, long, bool> predicate, long argument)
        where TKey : notnull
    {
        foreach (KeyValuePair<TKey, Entry> pair in map)
        {
            // Removing by key and value leaves alone an entry that another thread has just refreshed.
            if (predicate(pair.Value, argument) && map.TryRemove(pair))
            {
                Interlocked.Decrement(ref _slots);
            }
        }
    }

    /// <summary>The pseudonyms of one identifier space, by raw text and by raw number.</summary>
    internal sealed class DomainTable
    {
        public DomainTable(string domain)
        {
            Domain = domain;
        }

        public string Domain { get; }

        // string keys hash with the runtime's per-process randomised string hashing (or its non-randomised
        // form until a bucket grows suspiciously long), so crafted identifiers cannot flood one bucket.
        public ConcurrentDictionary<string, Entry> Texts { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<long, Entry> Numbers { get; } = new();
    }

    internal sealed class Entry
    {
        public Entry(string text, long expiresAt, long sequence)
        {
            Text = text;
            ExpiresAt = expiresAt;
            Sequence = sequence;
        }

        public string Text { get; }

        /// <summary>The generation from which this entry is expired.</summary>
        public long ExpiresAt { get; }

        /// <summary>The order of the store that made it: newer entries have larger numbers.</summary>
        public long Sequence { get; }
    }

    /// <summary>What the timer holds: the cache only weakly, so that a dropped pseudonymizer is collected and its timer stops.</summary>
    private sealed class TimerState
    {
        private readonly WeakReference<PseudonymCache> _cache;

        public TimerState(PseudonymCache cache)
        {
            _cache = new WeakReference<PseudonymCache>(cache);
        }

        public ITimer? Timer { get; set; }

        public void OnTick()
        {
            if (_cache.TryGetTarget(out PseudonymCache? cache))
            {
                cache.OnTick();
            }
            else
            {
                Timer?.Dispose();
            }
        }
    }
}
