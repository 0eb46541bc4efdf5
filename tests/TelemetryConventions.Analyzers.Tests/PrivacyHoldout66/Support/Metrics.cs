using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout66.Support;

// The platform team's metrics toolkit, shared by the services as a package. Only the shapes matter;
// each piece is what teams copy from ASP.NET Core or write once and reuse.

/// <summary>
/// A stopwatch that allocates nothing (the copy of ASP.NET Core's internal <c>ValueStopwatch</c> that
/// every team carries).
/// </summary>
public readonly struct ValueStopwatch
{
    private static readonly double TimestampToTicks = TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency;

    private readonly long _startTimestamp;

    private ValueStopwatch(long startTimestamp) => _startTimestamp = startTimestamp;

    public bool IsActive => _startTimestamp != 0;

    public static ValueStopwatch StartNew() => new(Stopwatch.GetTimestamp());

    public TimeSpan GetElapsedTime()
    {
        if (!IsActive)
        {
            throw new InvalidOperationException("An uninitialized, or 'default', ValueStopwatch cannot be used to get elapsed time.");
        }
        var delta = Stopwatch.GetTimestamp() - _startTimestamp;
        return new TimeSpan((long)(TimestampToTicks * delta));
    }
}

/// <summary>
/// The platform's metrics facade: services count and observe by name and the facade keeps one
/// instrument per name on the service's meter. Tags go to the instrument as they are given.
/// </summary>
public interface IMetrics
{
    void Increment(string name, long value = 1, params KeyValuePair<string, object?>[] tags);

    void Observe(string name, double value, params KeyValuePair<string, object?>[] tags);

    void Record(string name, double value, in TagList tags);
}

/// <summary>The facade over an <see cref="IMeterFactory"/> meter.</summary>
public sealed class MeterMetrics : IMetrics
{
    private readonly Meter _meter;
    private readonly ConcurrentDictionary<string, Counter<long>> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Histogram<double>> _histograms = new(StringComparer.Ordinal);

    public MeterMetrics(IMeterFactory meterFactory, string meterName) => _meter = meterFactory.Create(meterName);

    public void Increment(string name, long value = 1, params KeyValuePair<string, object?>[] tags) =>
        _counters.GetOrAdd(name, n => _meter.CreateCounter<long>(n)).Add(value, tags);

    public void Observe(string name, double value, params KeyValuePair<string, object?>[] tags) =>
        _histograms.GetOrAdd(name, n => _meter.CreateHistogram<double>(n)).Record(value, tags);

    public void Record(string name, double value, in TagList tags) =>
        _histograms.GetOrAdd(name, n => _meter.CreateHistogram<double>(n)).Record(value, tags);
}

/// <summary>A fluent builder of metric dimensions; it only collects, the caller records.</summary>
public sealed class Dimensions
{
    private TagList _tags;

    public static Dimensions Create() => new();

    public Dimensions With(string key, object? value)
    {
        _tags.Add(key, value);
        return this;
    }

    public Dimensions WithIf(bool condition, string key, object? value) => condition ? With(key, value) : this;

    public TagList Build() => _tags;

    public KeyValuePair<string, object?>[] ToArray() => _tags.ToArray();
}

/// <summary>
/// Keeps a dimension's cardinality bounded: a value on the allow list is kept, anything else becomes
/// <c>other</c>.
/// </summary>
public sealed class AllowList(IEnumerable<string> allowed, string other = "other")
{
    private readonly HashSet<string> _allowed = new(allowed, StringComparer.OrdinalIgnoreCase);

    public string Limit(string? value) => value is not null && _allowed.Contains(value) ? value : other;
}

/// <summary>
/// Keeps the first <c>limit</c> distinct values a dimension is given and folds every later one into
/// <c>other</c>, so that a dimension nobody curated cannot blow up the series count.
/// </summary>
public sealed class FirstSeenLimiter(int limit, string other = "other")
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public string Limit(string value)
    {
        if (_seen.ContainsKey(value))
        {
            return value;
        }
        return _seen.Count < limit && _seen.TryAdd(value, 0) ? value : other;
    }
}

/// <summary>Puts a number into one of the labelled ranges teams use as dimensions.</summary>
public static class Buckets
{
    public static string Of(double value, params double[] bounds)
    {
        var lower = 0d;
        foreach (var bound in bounds)
        {
            if (value < bound)
            {
                return $"{lower:0.##}-{bound:0.##}";
            }
            lower = bound;
        }
        return $"{lower:0.##}+";
    }
}

/// <summary>A shard or cohort from an HMAC with the service's shard key (never the raw value).</summary>
public static class KeyedShard
{
    public static int Of(byte[] shardKey, string value, int shards)
    {
        var mac = HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)shards);
    }
}
