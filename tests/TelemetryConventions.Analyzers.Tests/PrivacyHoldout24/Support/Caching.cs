namespace PrivacyHoldout24.Support.Caching;

// A stand-in for Microsoft.Extensions.Caching.Distributed (Redis or SQL Server behind it): a store, not telemetry.

public sealed class DistributedCacheEntryOptions
{
    public TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }

    public TimeSpan? SlidingExpiration { get; set; }
}

public interface IDistributedCache
{
    Task<string?> GetStringAsync(string key, CancellationToken token = default);

    Task SetStringAsync(string key, string value, DistributedCacheEntryOptions options, CancellationToken token = default);

    Task RemoveAsync(string key, CancellationToken token = default);
}
