using System;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for Microsoft.Extensions.Caching and Microsoft.Extensions.Options. Only the shapes matter.

namespace Microsoft.Extensions.Caching.Distributed
{
    public sealed class DistributedCacheEntryOptions
    {
        public TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }

        public TimeSpan? SlidingExpiration { get; set; }
    }

    public interface IDistributedCache
    {
        Task<byte[]?> GetAsync(string key, CancellationToken token = default);

        Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default);

        Task RemoveAsync(string key, CancellationToken token = default);
    }

    public static class DistributedCacheExtensions
    {
        public static Task<string?> GetStringAsync(this IDistributedCache cache, string key, CancellationToken token = default) => Task.FromResult<string?>(null);

        public static Task SetStringAsync(this IDistributedCache cache, string key, string value, DistributedCacheEntryOptions options, CancellationToken token = default) => Task.CompletedTask;
    }
}

namespace Microsoft.Extensions.Caching.Memory
{
    public sealed class MemoryCacheEntryOptions
    {
        public TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }

        public long? Size { get; set; }
    }

    public interface IMemoryCache
    {
        bool TryGetValue(object key, out object? value);

        void Set(object key, object? value, MemoryCacheEntryOptions options);

        void Remove(object key);
    }

    public static class MemoryCacheExtensions
    {
        public static bool TryGetValue<TItem>(this IMemoryCache cache, object key, out TItem? value)
        {
            if (cache.TryGetValue(key, out var raw) && raw is TItem item)
            {
                value = item;
                return true;
            }

            value = default;
            return false;
        }
    }
}

namespace Microsoft.Extensions.Options
{
    public interface IOptions<out TOptions>
        where TOptions : class
    {
        TOptions Value { get; }
    }
}
