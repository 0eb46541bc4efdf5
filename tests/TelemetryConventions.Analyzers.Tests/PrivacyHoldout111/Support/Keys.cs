namespace PrivacyHoldout111.Support;

/// <summary>A stable shard from an HMAC of the value with the service's shard key.</summary>
public static class KeyedShard
{
    public static int Of(byte[] shardKey, string value, int shards)
    {
        var mac = HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)shards);
    }

    public static string Tag(byte[] shardKey, string value) =>
        Convert.ToHexString(HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(value)), 0, 8).ToLowerInvariant();
}

/// <summary>The cache settings every service binds from configuration.</summary>
public sealed class CacheOptions
{
    public TimeSpan Expiration { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan LocalExpiration { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan SlidingExpiration { get; init; } = TimeSpan.FromMinutes(20);

    public TimeSpan IdempotencyWindow { get; init; } = TimeSpan.FromHours(24);

    public long SizeLimit { get; init; } = 10_000;

    public string InstanceName { get; init; } = "svc:";
}

/// <summary>Single flight: one factory per key at a time, the others wait for its result.</summary>
public sealed class SingleFlight<T>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _inFlight = new(StringComparer.Ordinal);

    public ICollection<string> InFlightKeys => _inFlight.Keys;

    public int Waiting => _inFlight.Count;

    public async Task<(T Value, bool Leader)> RunAsync(string key, Func<Task<T>> factory)
    {
        var mine = new Lazy<Task<T>>(factory);
        var lazy = _inFlight.GetOrAdd(key, mine);
        try
        {
            return (await lazy.Value, ReferenceEquals(lazy, mine));
        }
        finally
        {
            if (ReferenceEquals(lazy, mine))
            {
                _inFlight.TryRemove(key, out _);
            }
        }
    }
}
