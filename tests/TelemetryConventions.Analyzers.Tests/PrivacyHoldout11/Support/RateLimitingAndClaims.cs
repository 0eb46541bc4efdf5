using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for System.Threading.RateLimiting (a package the ASP.NET Core shared framework carries) and
// for the ClaimsPrincipal extension ASP.NET Core Identity adds. Only the shapes matter.

namespace System.Threading.RateLimiting
{
    public abstract class MetadataName
    {
        public static MetadataName<TimeSpan> RetryAfter { get; } = new("RETRY_AFTER");

        public static MetadataName<string> ReasonPhrase { get; } = new("REASON_PHRASE");
    }

    public sealed class MetadataName<T>(string name) : MetadataName
    {
        public string Name { get; } = name;
    }

    public abstract class RateLimitLease : IDisposable
    {
        public abstract bool IsAcquired { get; }

        public abstract bool TryGetMetadata(string metadataName, out object? metadata);

        public bool TryGetMetadata<T>(MetadataName<T> metadataName, out T metadata)
        {
            if (TryGetMetadata(metadataName.Name, out var value) && value is T typed)
            {
                metadata = typed;
                return true;
            }

            metadata = default!;
            return false;
        }

        public void Dispose()
        {
        }
    }

    public abstract class RateLimiter
    {
        public abstract TimeSpan? IdleDuration { get; }
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

    public sealed class ConcurrencyLimiterOptions
    {
        public int PermitLimit { get; set; }

        public int QueueLimit { get; set; }
    }

    public readonly struct RateLimitPartition<TKey>(TKey partitionKey, Func<TKey, RateLimiter> factory)
    {
        public TKey PartitionKey { get; } = partitionKey;

        public Func<TKey, RateLimiter> Factory { get; } = factory;
    }

    public static class RateLimitPartition
    {
        public static RateLimitPartition<TKey> Get<TKey>(TKey partitionKey, Func<TKey, RateLimiter> factory) => new(partitionKey, factory);

        public static RateLimitPartition<TKey> GetFixedWindowLimiter<TKey>(TKey partitionKey, Func<TKey, FixedWindowRateLimiterOptions> factory) => new(partitionKey, _ => null!);

        public static RateLimitPartition<TKey> GetSlidingWindowLimiter<TKey>(TKey partitionKey, Func<TKey, SlidingWindowRateLimiterOptions> factory) => new(partitionKey, _ => null!);

        public static RateLimitPartition<TKey> GetTokenBucketLimiter<TKey>(TKey partitionKey, Func<TKey, TokenBucketRateLimiterOptions> factory) => new(partitionKey, _ => null!);

        public static RateLimitPartition<TKey> GetConcurrencyLimiter<TKey>(TKey partitionKey, Func<TKey, ConcurrencyLimiterOptions> factory) => new(partitionKey, _ => null!);

        public static RateLimitPartition<TKey> GetNoLimiter<TKey>(TKey partitionKey) => new(partitionKey, _ => null!);
    }

    public abstract class PartitionedRateLimiter<TResource> : IDisposable
    {
        public abstract ValueTask<RateLimitLease> AcquireAsync(TResource resource, int permitCount = 1, CancellationToken cancellationToken = default);

        public void Dispose()
        {
        }
    }

    public static class PartitionedRateLimiter
    {
        public static PartitionedRateLimiter<TResource> Create<TResource, TPartitionKey>(Func<TResource, RateLimitPartition<TPartitionKey>> partitioner, IEqualityComparer<TPartitionKey>? equalityComparer = null)
            where TPartitionKey : notnull => null!;
    }
}

namespace System.Security.Claims
{
    public static class PrincipalExtensions
    {
        public static string? FindFirstValue(this ClaimsPrincipal principal, string claimType) => principal.FindFirst(claimType)?.Value;
    }
}
