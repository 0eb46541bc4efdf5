using System.Reflection;

namespace TelemetryConventions.Runtime.Tests;

/// <summary>
/// A clock that moves only when a test says so, with timers that fire as it moves, so that cache expiry is tested
/// without sleeping.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = new();
    private long _ticks = TimeSpan.TicksPerDay;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>How many timers are scheduled (created, not disposed).</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order, as often as it falls due.</summary>
    public void Advance(TimeSpan by)
    {
        long target = Interlocked.Read(ref _ticks) + by.Ticks;
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    Interlocked.Exchange(ref _ticks, target);
                    return;
                }

                Interlocked.Exchange(ref _ticks, Math.Max(next.DueAt, Interlocked.Read(ref _ticks)));
                if (next.Period > 0)
                {
                    next.DueAt += next.Period;
                }
                else
                {
                    _timers.Remove(next);
                }
            }

            next.Fire();
        }
    }

    private sealed class ManualTimer : ITimer
    {
        private readonly ManualTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;

        public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public long DueAt { get; set; }

        public long Period { get; private set; }

        public void Fire() => _callback(_state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_owner._gate)
            {
                _owner._timers.Remove(this);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = _owner.GetTimestamp() + dueTime.Ticks;
                    Period = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                    _owner._timers.Add(this);
                }
            }

            return true;
        }

        public void Dispose() => Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

internal static class TestKeys
{
    /// <summary>The key of the documented vectors: the bytes 0x00 to 0x1F.</summary>
    public static byte[] Sequential32 { get; } = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    /// <summary>A second, unrelated key for rotation tests.</summary>
    public static byte[] Other32 { get; } = Enumerable.Range(0, 32).Select(i => (byte)(0xA5 ^ (i * 7))).ToArray();

    public static PseudonymizerOptions Options(
        byte[]? key = null,
        string keyId = "k1",
        int cacheSize = PseudonymizerOptions.DefaultCacheSize,
        TimeProvider? time = null,
        TimeSpan? lifetime = null) => new()
        {
            Key = key ?? Sequential32,
            KeyId = keyId,
            CacheSize = cacheSize,
            CacheLifetime = lifetime ?? PseudonymizerOptions.DefaultCacheLifetime,
            TimeProvider = time ?? TimeProvider.System,
        };

    public static Pseudonymizer Create(
        byte[]? key = null,
        string keyId = "k1",
        int cacheSize = PseudonymizerOptions.DefaultCacheSize,
        TimeProvider? time = null,
        TimeSpan? lifetime = null) => new(Options(key, keyId, cacheSize, time, lifetime));
}

internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;
}
