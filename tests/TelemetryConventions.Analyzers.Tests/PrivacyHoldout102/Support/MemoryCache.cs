// Stand-ins in the shape of Microsoft.Extensions.Caching.Memory.
namespace Microsoft.Extensions.Caching.Memory
{
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

    public interface ICacheEntry : IDisposable
    {
        object Key { get; }

        object? Value { get; set; }

        TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }

        TimeSpan? SlidingExpiration { get; set; }

        long? Size { get; set; }

        IList<PostEvictionCallbackRegistration> PostEvictionCallbacks { get; }
    }

    public sealed class PostEvictionCallbackRegistration
    {
        public PostEvictionDelegate? EvictionCallback { get; set; }

        public object? State { get; set; }
    }

    public sealed class MemoryCacheStatistics
    {
        public long CurrentEntryCount { get; init; }

        public long? CurrentEstimatedSize { get; init; }

        public long TotalMisses { get; init; }

        public long TotalHits { get; init; }
    }

    public interface IMemoryCache : IDisposable
    {
        bool TryGetValue(object key, out object? value);

        ICacheEntry CreateEntry(object key);

        void Remove(object key);

        MemoryCacheStatistics? GetCurrentStatistics();
    }

    public static class CacheExtensions
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

        public static async Task<TItem?> GetOrCreateAsync<TItem>(this IMemoryCache cache, object key, Func<ICacheEntry, Task<TItem>> factory)
        {
            if (cache.TryGetValue(key, out TItem? value))
            {
                return value;
            }
            using var entry = cache.CreateEntry(key);
            value = await factory(entry);
            entry.Value = value;
            return value;
        }

        public static ICacheEntry RegisterPostEvictionCallback(this ICacheEntry entry, PostEvictionDelegate callback)
        {
            entry.PostEvictionCallbacks.Add(new PostEvictionCallbackRegistration { EvictionCallback = callback });
            return entry;
        }
    }
}
