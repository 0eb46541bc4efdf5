// Stand-ins for health checks, rate limiting and output caching. Only the shapes matter.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Microsoft.Extensions.Diagnostics.HealthChecks
{
    public enum HealthStatus
    {
        Unhealthy = 0,
        Degraded = 1,
        Healthy = 2,
    }

    public sealed class HealthCheckRegistration(string name, IReadOnlyCollection<string> tags)
    {
        public string Name { get; } = name;

        public ISet<string> Tags { get; } = new HashSet<string>(tags);
    }

    public sealed class HealthCheckContext
    {
        public HealthCheckRegistration Registration { get; set; } = null!;
    }

    /// <summary>What a check returns; it goes to the health endpoint's response writer and to the publishers.</summary>
    public readonly struct HealthCheckResult(HealthStatus status, string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null)
    {
        public HealthStatus Status { get; } = status;

        public string? Description { get; } = description;

        public Exception? Exception { get; } = exception;

        public IReadOnlyDictionary<string, object> Data { get; } = data ?? new Dictionary<string, object>();

        public static HealthCheckResult Healthy(string? description = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Healthy, description, null, data);

        public static HealthCheckResult Degraded(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Degraded, description, exception, data);

        public static HealthCheckResult Unhealthy(string? description = null, Exception? exception = null, IReadOnlyDictionary<string, object>? data = null) => new(HealthStatus.Unhealthy, description, exception, data);
    }

    public interface IHealthCheck
    {
        Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default);
    }

    public readonly struct HealthReportEntry(HealthStatus status, string? description, TimeSpan duration, Exception? exception, IReadOnlyDictionary<string, object>? data, IEnumerable<string>? tags = null)
    {
        public HealthStatus Status { get; } = status;

        public string? Description { get; } = description;

        public TimeSpan Duration { get; } = duration;

        public Exception? Exception { get; } = exception;

        public IReadOnlyDictionary<string, object> Data { get; } = data ?? new Dictionary<string, object>();

        public IEnumerable<string> Tags { get; } = tags ?? Array.Empty<string>();
    }

    public sealed class HealthReport(IReadOnlyDictionary<string, HealthReportEntry> entries, HealthStatus status, TimeSpan totalDuration)
    {
        public IReadOnlyDictionary<string, HealthReportEntry> Entries { get; } = entries;

        public HealthStatus Status { get; } = status;

        public TimeSpan TotalDuration { get; } = totalDuration;
    }

    /// <summary>Receives the report of every registered check, periodically.</summary>
    public interface IHealthCheckPublisher
    {
        Task PublishAsync(HealthReport report, CancellationToken cancellationToken);
    }
}

namespace System.Threading.RateLimiting
{
    public abstract class MetadataName
    {
        public static MetadataName<TimeSpan> RetryAfter { get; } = new("RETRY_AFTER");

        public static MetadataName<string> ReasonPhrase { get; } = new("REASON_PHRASE");
    }

    public sealed class MetadataName<T>(string name)
    {
        public string Name { get; } = name;
    }

    public abstract class RateLimitLease : IDisposable
    {
        public abstract bool IsAcquired { get; }

        public abstract IEnumerable<string> MetadataNames { get; }

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

    public sealed class FixedWindowRateLimiterOptions
    {
        public int PermitLimit { get; set; }

        public TimeSpan Window { get; set; }

        public int QueueLimit { get; set; }
    }

    public sealed class TokenBucketRateLimiterOptions
    {
        public int TokenLimit { get; set; }

        public int TokensPerPeriod { get; set; }

        public TimeSpan ReplenishmentPeriod { get; set; }
    }

    public readonly struct RateLimitPartition<TKey>(TKey partitionKey, Func<TKey, object> factory)
    {
        public TKey PartitionKey { get; } = partitionKey;

        public Func<TKey, object> Factory { get; } = factory;
    }

    /// <summary>Partitions name the bucket a request counts against; the limiter keeps one per key.</summary>
    public static class RateLimitPartition
    {
        public static RateLimitPartition<TKey> GetFixedWindowLimiter<TKey>(TKey partitionKey, Func<TKey, FixedWindowRateLimiterOptions> factory) => new(partitionKey, k => factory(k));

        public static RateLimitPartition<TKey> GetTokenBucketLimiter<TKey>(TKey partitionKey, Func<TKey, TokenBucketRateLimiterOptions> factory) => new(partitionKey, k => factory(k));

        public static RateLimitPartition<TKey> GetNoLimiter<TKey>(TKey partitionKey) => new(partitionKey, _ => new object());
    }
}

namespace Microsoft.AspNetCore.RateLimiting
{
    using System.Threading.RateLimiting;

    public sealed class OnRejectedContext
    {
        public required HttpContext HttpContext { get; init; }

        public required RateLimitLease Lease { get; init; }
    }

    public sealed class RateLimiterOptions
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; set; }

        public int RejectionStatusCode { get; set; } = 503;

        public RateLimiterOptions AddPolicy<TPartitionKey>(string policyName, Func<HttpContext, RateLimitPartition<TPartitionKey>> partitioner) => this;
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class EnableRateLimitingAttribute(string policyName) : Attribute
    {
        public string PolicyName { get; } = policyName;
    }
}

namespace Microsoft.AspNetCore.OutputCaching
{
    public sealed class CacheVaryByRules
    {
        /// <summary>Extra values the cache key varies by, as <c>key=value</c> pairs.</summary>
        public IDictionary<string, string> VaryByValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public StringValues QueryKeys { get; set; }

        public StringValues HeaderNames { get; set; }

        public StringValues RouteValueNames { get; set; }

        public bool VaryByHost { get; set; }

        public string? CacheKeyPrefix { get; set; }
    }

    public sealed class OutputCacheContext
    {
        public required HttpContext HttpContext { get; init; }

        public bool EnableOutputCaching { get; set; }

        public bool AllowCacheLookup { get; set; }

        public bool AllowCacheStorage { get; set; }

        public bool AllowLocking { get; set; }

        public CacheVaryByRules CacheVaryByRules { get; } = new();

        /// <summary>Tags the stored response is filed under, for eviction.</summary>
        public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

        public TimeSpan? ResponseExpirationTimeSpan { get; set; }
    }

    public interface IOutputCachePolicy
    {
        ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation);

        ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation);

        ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation);
    }

    public interface IOutputCacheStore
    {
        ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken);
    }
}
