using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout31.Support.Caching;

// Stand-ins with the shapes of Microsoft.Extensions.Caching.Abstractions, Microsoft.Extensions.Caching.Hybrid
// and Microsoft.Extensions.Caching.Memory. Only the shapes matter.

public sealed class DistributedCacheEntryOptions
{
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
    public static async Task<string?> GetStringAsync(this IDistributedCache cache, string key, CancellationToken token = default)
    {
        var bytes = await cache.GetAsync(key, token).ConfigureAwait(false);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes);
    }

    public static Task SetStringAsync(this IDistributedCache cache, string key, string value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        cache.SetAsync(key, Encoding.UTF8.GetBytes(value), options, token);
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

public abstract class HybridCache
{
    public abstract ValueTask<T> GetOrCreateAsync<TState, T>(
        string key,
        TState state,
        Func<TState, CancellationToken, ValueTask<T>> factory,
        HybridCacheEntryOptions? options = null,
        IEnumerable<string>? tags = null,
        CancellationToken cancellationToken = default);

    public ValueTask<T> GetOrCreateAsync<T>(
        string key,
        Func<CancellationToken, ValueTask<T>> factory,
        HybridCacheEntryOptions? options = null,
        IEnumerable<string>? tags = null,
        CancellationToken cancellationToken = default) =>
        GetOrCreateAsync(key, factory, static (f, ct) => f(ct), options, tags, cancellationToken);

    public abstract ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default);

    public abstract ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);

    public abstract ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default);
}

public interface IMemoryCache
{
    bool TryGetValue(object key, out object? value);

    void Set(object key, object? value, TimeSpan absoluteExpirationRelativeToNow);

    void Remove(object key);
}
