using System;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins with the shapes of Microsoft.Extensions.Caching.Abstractions and Microsoft.Extensions.Caching.Memory.
// Only the shapes matter.

namespace Microsoft.Extensions.Caching.Memory
{
    public interface IMemoryCache
    {
        bool TryGetValue(object key, out object? value);

        void Set(object key, object? value, TimeSpan absoluteExpirationRelativeToNow);

        void Remove(object key);
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
    }
}

namespace Microsoft.Extensions.Caching.Distributed
{
    public sealed class DistributedCacheEntryOptions
    {
        public TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }
    }

    public interface IDistributedCache
    {
        Task<string?> GetStringAsync(string key, CancellationToken token = default);

        Task SetStringAsync(string key, string value, DistributedCacheEntryOptions options, CancellationToken token = default);

        Task RemoveAsync(string key, CancellationToken token = default);
    }
}
