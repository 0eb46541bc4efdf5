// Stand-ins for System.Threading.RateLimiting (a package outside the shared framework the corpus compiles against).

namespace System.Threading.RateLimiting
{
    public abstract class RateLimitLease : IDisposable
    {
        public abstract bool IsAcquired { get; }

        public void Dispose()
        {
        }
    }

    internal sealed class SimpleLease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired { get; } = acquired;
    }

    public abstract class RateLimiter : IDisposable
    {
        public RateLimitLease AttemptAcquire(int permitCount = 1) => AttemptAcquireCore(permitCount);

        protected abstract RateLimitLease AttemptAcquireCore(int permitCount);

        public void Dispose()
        {
        }
    }

    public sealed class TokenBucketRateLimiterOptions
    {
        public int TokenLimit { get; set; }

        public int TokensPerPeriod { get; set; }

        public TimeSpan ReplenishmentPeriod { get; set; }

        public int QueueLimit { get; set; }

        public bool AutoReplenishment { get; set; } = true;
    }

    public sealed class FixedWindowRateLimiterOptions
    {
        public int PermitLimit { get; set; }

        public TimeSpan Window { get; set; }

        public int QueueLimit { get; set; }
    }

    public sealed class SlidingWindowRateLimiterOptions
    {
        public int PermitLimit { get; set; }

        public TimeSpan Window { get; set; }

        public int SegmentsPerWindow { get; set; }

        public int QueueLimit { get; set; }
    }

    public sealed class TokenBucketRateLimiter(TokenBucketRateLimiterOptions options) : RateLimiter
    {
        private int _tokens = options.TokenLimit;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
            new SimpleLease(Interlocked.Add(ref _tokens, -permitCount) >= 0);
    }

    public readonly struct RateLimitPartition<TKey>(TKey partitionKey, Func<TKey, RateLimiter> factory)
    {
        public TKey PartitionKey { get; } = partitionKey;

        public Func<TKey, RateLimiter> Factory { get; } = factory;
    }

    public static class RateLimitPartition
    {
        public static RateLimitPartition<TKey> GetTokenBucketLimiter<TKey>(TKey partitionKey, Func<TKey, TokenBucketRateLimiterOptions> factory) =>
            new(partitionKey, key => new TokenBucketRateLimiter(factory(key)));

        public static RateLimitPartition<TKey> GetFixedWindowLimiter<TKey>(TKey partitionKey, Func<TKey, FixedWindowRateLimiterOptions> factory) =>
            new(partitionKey, key => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions { TokenLimit = factory(key).PermitLimit }));

        public static RateLimitPartition<TKey> GetSlidingWindowLimiter<TKey>(TKey partitionKey, Func<TKey, SlidingWindowRateLimiterOptions> factory) =>
            new(partitionKey, key => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions { TokenLimit = factory(key).PermitLimit }));
    }

    public abstract class PartitionedRateLimiter<TResource> : IDisposable
    {
        public abstract RateLimitLease AttemptAcquire(TResource resource, int permitCount = 1);

        public void Dispose()
        {
        }
    }

    public static class PartitionedRateLimiter
    {
        public static PartitionedRateLimiter<TResource> Create<TResource, TPartitionKey>(Func<TResource, RateLimitPartition<TPartitionKey>> partitioner)
            where TPartitionKey : notnull => new Partitioned<TResource, TPartitionKey>(partitioner);

        private sealed class Partitioned<TResource, TPartitionKey>(Func<TResource, RateLimitPartition<TPartitionKey>> partitioner) : PartitionedRateLimiter<TResource>
            where TPartitionKey : notnull
        {
            private readonly System.Collections.Concurrent.ConcurrentDictionary<TPartitionKey, RateLimiter> _limiters = new();

            public override RateLimitLease AttemptAcquire(TResource resource, int permitCount = 1)
            {
                var partition = partitioner(resource);
                return _limiters.GetOrAdd(partition.PartitionKey, partition.Factory).AttemptAcquire(permitCount);
            }
        }
    }
}
