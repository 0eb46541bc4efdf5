// Stand-ins for System.Threading.RateLimiting, which ships with ASP.NET Core's shared framework and
// not with the runtime the corpus compiles against. Only the shapes matter.

namespace System.Threading.RateLimiting
{
    public abstract class RateLimiter
    {
    }

    public abstract class PartitionedRateLimiter<TResource>
    {
    }

    public sealed class MetadataName<T>(string name)
    {
        public string Name { get; } = name;
    }

    public static class MetadataName
    {
        public static MetadataName<TimeSpan> RetryAfter { get; } = new("RETRY_AFTER");

        public static MetadataName<string> ReasonPhrase { get; } = new("REASON_PHRASE");
    }

    public abstract class RateLimitLease : IDisposable
    {
        public abstract bool IsAcquired { get; }

        public abstract bool TryGetMetadata<T>(MetadataName<T> metadataName, out T metadata);

        public void Dispose()
        {
        }
    }

    public sealed class FixedWindowRateLimiterOptions
    {
        public int PermitLimit { get; set; }

        public TimeSpan Window { get; set; }
    }

    public sealed class TokenBucketRateLimiterOptions
    {
        public int TokenLimit { get; set; }

        public int TokensPerPeriod { get; set; }

        public TimeSpan ReplenishmentPeriod { get; set; }
    }

    public readonly struct RateLimitPartition<TKey>(TKey partitionKey, Func<TKey, RateLimiter> factory)
    {
        public TKey PartitionKey { get; } = partitionKey;

        public Func<TKey, RateLimiter> Factory { get; } = factory;
    }

    public static class RateLimitPartition
    {
        private sealed class Limiter : RateLimiter
        {
        }

        public static RateLimitPartition<TKey> GetFixedWindowLimiter<TKey>(TKey partitionKey, Func<TKey, FixedWindowRateLimiterOptions> factory) =>
            new(partitionKey, _ => new Limiter());

        public static RateLimitPartition<TKey> GetTokenBucketLimiter<TKey>(TKey partitionKey, Func<TKey, TokenBucketRateLimiterOptions> factory) =>
            new(partitionKey, _ => new Limiter());
    }
}
