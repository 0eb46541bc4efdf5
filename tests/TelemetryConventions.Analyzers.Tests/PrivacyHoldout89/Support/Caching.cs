namespace PrivacyHoldout89.Support;

// A stand-in shaped like Microsoft.Extensions.Caching.Memory, for the permission and role caches.

public interface IMemoryCache
{
    bool TryGetValue(object key, out object? value);

    void Set(object key, object? value, TimeSpan absoluteExpirationRelativeToNow);

    void Remove(object key);

    MemoryCacheStatistics? GetCurrentStatistics();
}

public sealed record MemoryCacheStatistics(long CurrentEntryCount, long TotalHits, long TotalMisses);

public static class MemoryCacheExtensions
{
    public static bool TryGetValue<TItem>(this IMemoryCache cache, object key, out TItem? value)
    {
        if (cache.TryGetValue(key, out var found) && found is TItem item)
        {
            value = item;
            return true;
        }
        value = default;
        return false;
    }

    public static async Task<TItem> GetOrCreateAsync<TItem>(this IMemoryCache cache, object key, TimeSpan ttl, Func<Task<TItem>> factory)
    {
        if (cache.TryGetValue<TItem>(key, out var hit) && hit is not null)
        {
            return hit;
        }
        var created = await factory();
        cache.Set(key, created, ttl);
        return created;
    }
}

/// <summary>The append-only store of access decisions kept for the information governance team. Not telemetry.</summary>
public interface IDecisionAuditStore
{
    Task AppendAsync(object decision, CancellationToken cancellationToken = default);
}

/// <summary>What every service reads from configuration about its authorization.</summary>
public sealed class AccessOptions
{
    public TimeSpan PermissionCacheTtl { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan EmergencyAccessWindow { get; init; } = TimeSpan.FromHours(4);

    public string PolicyPath { get; init; } = string.Empty;

    public string PrivacyOfficeMailbox { get; init; } = string.Empty;
}
