namespace CacheKit;

// Stand-ins in the shape of Microsoft.Extensions.Caching.Abstractions, .Memory and .Hybrid.

public sealed class DistributedCacheEntryOptions
{
    public DateTimeOffset? AbsoluteExpiration { get; set; }

    public TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }

    public TimeSpan? SlidingExpiration { get; set; }
}

public interface IDistributedCache
{
    Task<byte[]?> GetAsync(string key, CancellationToken token = default);

    Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default);

    Task RefreshAsync(string key, CancellationToken token = default);

    Task RemoveAsync(string key, CancellationToken token = default);
}

public static class DistributedCacheExtensions
{
    public static async Task<string?> GetStringAsync(this IDistributedCache cache, string key, CancellationToken token = default) =>
        await cache.GetAsync(key, token) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    public static Task SetStringAsync(this IDistributedCache cache, string key, string value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        cache.SetAsync(key, Encoding.UTF8.GetBytes(value), options, token);
}

public enum EvictionReason
{
    None,
    Removed,
    Replaced,
    Expired,
    TokenExpired,
    Capacity,
}

public delegate void PostEvictionDelegate(object key, object? value, EvictionReason reason, object? state);

public enum CacheItemPriority
{
    Low,
    Normal,
    High,
    NeverRemove,
}

public interface ICacheEntry : IDisposable
{
    object Key { get; }

    object? Value { get; set; }

    TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }

    TimeSpan? SlidingExpiration { get; set; }

    long? Size { get; set; }

    CacheItemPriority Priority { get; set; }

    IList<PostEvictionCallbackRegistration> PostEvictionCallbacks { get; }
}

public sealed class PostEvictionCallbackRegistration
{
    public PostEvictionDelegate? EvictionCallback { get; set; }

    public object? State { get; set; }
}

public static class CacheEntryExtensions
{
    public static ICacheEntry RegisterPostEvictionCallback(this ICacheEntry entry, PostEvictionDelegate callback, object? state = null)
    {
        entry.PostEvictionCallbacks.Add(new PostEvictionCallbackRegistration { EvictionCallback = callback, State = state });
        return entry;
    }
}

public sealed class MemoryCacheStatistics
{
    public long CurrentEntryCount { get; init; }

    public long? CurrentEstimatedSize { get; init; }

    public long TotalHits { get; init; }

    public long TotalMisses { get; init; }
}

public interface IMemoryCache : IDisposable
{
    bool TryGetValue(object key, out object? value);

    ICacheEntry CreateEntry(object key);

    void Remove(object key);

    MemoryCacheStatistics? GetCurrentStatistics();
}

public static class MemoryCacheExtensions
{
    public static bool TryGetValue<TItem>(this IMemoryCache cache, object key, out TItem? value)
    {
        if (cache.TryGetValue(key, out var result) && result is TItem item)
        {
            value = item;
            return true;
        }
        value = default;
        return false;
    }

    public static TItem Set<TItem>(this IMemoryCache cache, object key, TItem value, TimeSpan absoluteExpirationRelativeToNow)
    {
        using var entry = cache.CreateEntry(key);
        entry.Value = value;
        entry.AbsoluteExpirationRelativeToNow = absoluteExpirationRelativeToNow;
        return value;
    }
}

[Flags]
public enum HybridCacheEntryFlags
{
    None = 0,
    DisableLocalCache = 1,
    DisableDistributedCache = 2,
}

public sealed class HybridCacheEntryOptions
{
    public TimeSpan? Expiration { get; init; }

    public TimeSpan? LocalCacheExpiration { get; init; }

    public HybridCacheEntryFlags? Flags { get; init; }
}

/// <summary>In the shape of Microsoft.Extensions.Caching.Hybrid: stampede protection, tags, two levels.</summary>
public abstract class HybridCache
{
    public abstract ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory,
        HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default);

    public ValueTask<T> GetOrCreateAsync<T>(string key, Func<CancellationToken, ValueTask<T>> factory,
        HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
        GetOrCreateAsync(key, factory, static (f, ct) => f(ct), options, tags, cancellationToken);

    public abstract ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default);

    public abstract ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);

    public abstract ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default);
}
