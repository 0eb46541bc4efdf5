using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Threading;
using PrivacyHoldout31.Support.RateLimiting;
using System.Threading.Tasks;

namespace PrivacyHoldout31.Support.Web;

// Stand-ins with the shapes of ASP.NET Core's HttpContext, session state, output caching and rate limiting
// middleware. Only the shapes matter.

public sealed class HttpRequest
{
    public string Method { get; init; } = "GET";

    public string Path { get; init; } = "/";

    public string QueryString { get; init; } = string.Empty;

    public string Host { get; init; } = "localhost";

    public IDictionary<string, string> Query { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, object?> RouteValues { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
}

public sealed class HttpResponse
{
    public int StatusCode { get; set; } = 200;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

public sealed class ConnectionInfo
{
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    public IPAddress? RemoteIpAddress { get; init; }

    public int RemotePort { get; init; }
}

public interface ISession
{
    string Id { get; }

    bool IsAvailable { get; }

    IEnumerable<string> Keys { get; }

    Task LoadAsync(CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);

    bool TryGetValue(string key, out byte[]? value);

    void Set(string key, byte[] value);

    void Remove(string key);

    void Clear();
}

public static class SessionExtensions
{
    public static string? GetString(this ISession session, string key) =>
        session.TryGetValue(key, out var bytes) && bytes is not null ? Encoding.UTF8.GetString(bytes) : null;

    public static void SetString(this ISession session, string key, string value) => session.Set(key, Encoding.UTF8.GetBytes(value));

    public static int? GetInt32(this ISession session, string key) =>
        session.TryGetValue(key, out var bytes) && bytes is { Length: 4 } ? BitConverter.ToInt32(bytes) : null;

    public static void SetInt32(this ISession session, string key, int value) => session.Set(key, BitConverter.GetBytes(value));
}

public sealed class HttpContext
{
    public HttpRequest Request { get; init; } = new();

    public HttpResponse Response { get; init; } = new();

    public ConnectionInfo Connection { get; init; } = new();

    public ClaimsPrincipal User { get; init; } = new();

    public ISession Session { get; init; } = null!;

    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public CancellationToken RequestAborted { get; init; }
}

public sealed class CacheVaryByRules
{
    public IDictionary<string, string> VaryByValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public ISet<string> QueryKeys { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public ISet<string> RouteValueNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public string? CacheKeyPrefix { get; set; }
}

public sealed class OutputCacheContext
{
    public required HttpContext HttpContext { get; init; }

    public bool EnableOutputCaching { get; set; }

    public bool AllowCacheLookup { get; set; }

    public bool AllowCacheStorage { get; set; }

    public TimeSpan? ResponseExpirationTimeSpan { get; set; }

    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    public CacheVaryByRules CacheVaryByRules { get; } = new();
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

public sealed class OutputCachePolicyBuilder
{
    public OutputCachePolicyBuilder SetVaryByRouteValue(params string[] routeValueNames) => this;

    public OutputCachePolicyBuilder SetVaryByQuery(params string[] queryKeys) => this;

    public OutputCachePolicyBuilder VaryByValue(Func<HttpContext, KeyValuePair<string, string>> varyBy) => this;

    public OutputCachePolicyBuilder SetCacheKeyPrefix(Func<HttpContext, string> keyPrefix) => this;

    public OutputCachePolicyBuilder Tag(params string[] tags) => this;

    public OutputCachePolicyBuilder Expire(TimeSpan expiration) => this;

    public OutputCachePolicyBuilder AddPolicy<TPolicy>() where TPolicy : IOutputCachePolicy => this;
}

public sealed class OutputCacheOptions
{
    public void AddPolicy(string name, Action<OutputCachePolicyBuilder> build) => build(new OutputCachePolicyBuilder());

    public void AddBasePolicy(Action<OutputCachePolicyBuilder> build) => build(new OutputCachePolicyBuilder());
}

public sealed class OnRejectedContext
{
    public required HttpContext HttpContext { get; init; }

    public required RateLimitLease Lease { get; init; }
}

public sealed class RateLimiterOptions
{
    public PartitionedRateLimiter<HttpContext>? GlobalLimiter { get; set; }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; set; }

    public int RejectionStatusCode { get; set; } = 503;

    public RateLimiterOptions AddPolicy<TPartitionKey>(string policyName, Func<HttpContext, RateLimitPartition<TPartitionKey>> partitioner) => this;
}
