namespace AbuseKit.RateLimiting;

// Stand-ins in the shape of System.Threading.RateLimiting and ASP.NET Core's rate limiting middleware
// (Microsoft.AspNetCore.RateLimiting): partitions keyed by whatever the policy chooses, leases that carry
// a retry-after, and an OnRejected callback. Only the shapes matter.

public abstract class MetadataName
{
    public static MetadataName<TimeSpan> RetryAfter { get; } = new("RETRY_AFTER");

    public static MetadataName<string> ReasonPhrase { get; } = new("REASON_PHRASE");
}

public sealed class MetadataName<T>(string name) : MetadataName
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

public abstract class RateLimitLease : IDisposable
{
    public abstract bool IsAcquired { get; }

    public abstract IEnumerable<string> MetadataNames { get; }

    public abstract bool TryGetMetadata<T>(MetadataName<T> metadataName, out T? metadata);

    public void Dispose()
    {
    }
}

public sealed class FixedWindowRateLimiterOptions
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    public int QueueLimit { get; set; }

    public bool AutoReplenishment { get; set; } = true;
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

/// <summary>The partition a limiter keeps its state under. Its key is whatever the policy chose.</summary>
public readonly struct RateLimitPartition<TKey>(TKey partitionKey, Func<TKey, object> factory)
{
    public TKey PartitionKey { get; } = partitionKey;

    public Func<TKey, object> Factory { get; } = factory;
}

public static class RateLimitPartition
{
    public static RateLimitPartition<TKey> GetFixedWindowLimiter<TKey>(TKey partitionKey, Func<TKey, FixedWindowRateLimiterOptions> factory) =>
        new(partitionKey, key => factory(key));

    public static RateLimitPartition<TKey> GetSlidingWindowLimiter<TKey>(TKey partitionKey, Func<TKey, SlidingWindowRateLimiterOptions> factory) =>
        new(partitionKey, key => factory(key));

    public static RateLimitPartition<TKey> GetTokenBucketLimiter<TKey>(TKey partitionKey, Func<TKey, TokenBucketRateLimiterOptions> factory) =>
        new(partitionKey, key => factory(key));

    public static RateLimitPartition<TKey> GetConcurrencyLimiter<TKey>(TKey partitionKey, Func<TKey, ConcurrencyLimiterOptions> factory) =>
        new(partitionKey, key => factory(key));

    public static RateLimitPartition<TKey> GetNoLimiter<TKey>(TKey partitionKey) => new(partitionKey, _ => new object());
}

public sealed class RateLimiterStatistics
{
    public long CurrentAvailablePermits { get; init; }

    public long CurrentQueuedCount { get; init; }

    public long TotalFailedLeases { get; init; }

    public long TotalSuccessfulLeases { get; init; }
}

public abstract class PartitionedRateLimiter<TResource> : IDisposable
{
    public abstract RateLimiterStatistics? GetStatistics(TResource resource);

    public abstract RateLimitLease AttemptAcquire(TResource resource, int permitCount = 1);

    public abstract ValueTask<RateLimitLease> AcquireAsync(TResource resource, int permitCount = 1, CancellationToken cancellationToken = default);

    public void Dispose()
    {
    }
}

public static class PartitionedRateLimiter
{
    public static PartitionedRateLimiter<TResource> Create<TResource, TKey>(Func<TResource, RateLimitPartition<TKey>> partitioner)
        where TKey : notnull =>
        throw new NotSupportedException("stand-in");
}

/// <summary>The request as the rate limiting middleware and the services' filters see it (the shape of HttpContext).</summary>
public sealed class EdgeRequest
{
    public string Method { get; init; } = "GET";

    public string Path { get; init; } = "/";

    public string QueryString { get; init; } = string.Empty;

    public string? RouteTemplate { get; init; }

    public IPAddress? RemoteIpAddress { get; init; }

    public int RemotePort { get; init; }

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, string> RouteValues { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public ClaimsUser User { get; init; } = new();

    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

    public string UserAgent => Headers.TryGetValue("User-Agent", out var agent) ? agent : string.Empty;
}

public sealed class EdgeResponse
{
    public int StatusCode { get; set; } = 200;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

public sealed class OnRejectedContext
{
    public required EdgeRequest HttpContext { get; init; }

    public EdgeResponse Response { get; } = new();

    public required RateLimitLease Lease { get; init; }
}

public sealed class RateLimiterOptions
{
    public int RejectionStatusCode { get; set; } = 503;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; set; }

    public PartitionedRateLimiter<EdgeRequest>? GlobalLimiter { get; set; }

    public RateLimiterOptions AddPolicy<TKey>(string policyName, Func<EdgeRequest, RateLimitPartition<TKey>> partitioner) => this;
}

/// <summary>The response headers of the IETF RateLimit fields draft and Retry-After.</summary>
public static class RateLimitHeaders
{
    public const string Limit = "RateLimit-Limit";
    public const string Remaining = "RateLimit-Remaining";
    public const string Reset = "RateLimit-Reset";
    public const string Policy = "RateLimit-Policy";
    public const string RetryAfter = "Retry-After";
}
