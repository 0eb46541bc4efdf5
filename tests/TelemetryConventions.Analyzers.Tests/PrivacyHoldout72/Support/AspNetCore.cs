using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for the parts of ASP.NET Core the services' middleware, exception handlers and
// instrumentation callbacks use. Only the shapes matter; the real types live in the shared framework
// Microsoft.AspNetCore.App, which the corpus does not reference.

namespace Microsoft.AspNetCore.Http
{
    public delegate Task RequestDelegate(HttpContext context);

    public interface IMiddleware
    {
        Task InvokeAsync(HttpContext context, RequestDelegate next);
    }

    public readonly struct PathString
    {
        public PathString(string? value) => Value = value;

        public string? Value { get; }

        public bool HasValue => !string.IsNullOrEmpty(Value);

        public bool StartsWithSegments(PathString other) => Value?.StartsWith(other.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase) == true;

        public override string ToString() => Value ?? string.Empty;

        public static implicit operator PathString(string? value) => new(value);

        public static implicit operator string(PathString path) => path.ToString();
    }

    public readonly struct QueryString
    {
        public QueryString(string? value) => Value = value;

        public string? Value { get; }

        public bool HasValue => !string.IsNullOrEmpty(Value);

        public override string ToString() => Value ?? string.Empty;
    }

    public readonly struct HostString
    {
        public HostString(string value) => Value = value;

        public string Value { get; }

        public string Host => Value.Split(':')[0];

        public override string ToString() => Value;
    }

    public interface IHeaderDictionary : IDictionary<string, string>
    {
        string Authorization { get; set; }

        string UserAgent { get; set; }

        string Cookie { get; set; }

        string ContentType { get; set; }
    }

    public sealed class HeaderDictionary : Dictionary<string, string>, IHeaderDictionary
    {
        public HeaderDictionary()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public string Authorization { get => Get("Authorization"); set => this["Authorization"] = value; }

        public string UserAgent { get => Get("User-Agent"); set => this["User-Agent"] = value; }

        public string Cookie { get => Get("Cookie"); set => this["Cookie"] = value; }

        public string ContentType { get => Get("Content-Type"); set => this["Content-Type"] = value; }

        private string Get(string name) => TryGetValue(name, out var value) ? value : string.Empty;
    }

    public interface IQueryCollection : IEnumerable<KeyValuePair<string, string>>
    {
        string this[string key] { get; }

        int Count { get; }

        ICollection<string> Keys { get; }

        bool ContainsKey(string key);
    }

    public sealed class RouteValueDictionary : Dictionary<string, object?>
    {
        public RouteValueDictionary()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }
    }

    public abstract class HttpRequest
    {
        public abstract HttpContext HttpContext { get; }

        public abstract string Method { get; set; }

        public abstract string Scheme { get; set; }

        public abstract HostString Host { get; set; }

        public abstract PathString PathBase { get; set; }

        public abstract PathString Path { get; set; }

        public abstract QueryString QueryString { get; set; }

        public abstract IQueryCollection Query { get; set; }

        public abstract IHeaderDictionary Headers { get; }

        public abstract long? ContentLength { get; set; }

        public abstract string? ContentType { get; set; }

        public abstract Stream Body { get; set; }

        public abstract RouteValueDictionary RouteValues { get; set; }

        public abstract IRequestCookieCollection Cookies { get; set; }
    }

    public interface IRequestCookieCollection : IEnumerable<KeyValuePair<string, string>>
    {
        string? this[string key] { get; }

        ICollection<string> Keys { get; }
    }

    public abstract class HttpResponse
    {
        public abstract int StatusCode { get; set; }

        public abstract IHeaderDictionary Headers { get; }

        public abstract long? ContentLength { get; set; }

        public abstract string? ContentType { get; set; }

        public abstract Stream Body { get; set; }

        public abstract bool HasStarted { get; }

        public abstract HttpContext HttpContext { get; }

        public abstract void OnCompleted(Func<Task> callback);
    }

    public abstract class ConnectionInfo
    {
        public abstract string Id { get; set; }

        public abstract IPAddress? RemoteIpAddress { get; set; }

        public abstract int RemotePort { get; set; }

        public abstract IPAddress? LocalIpAddress { get; set; }
    }

    public abstract class HttpContext
    {
        public abstract HttpRequest Request { get; }

        public abstract HttpResponse Response { get; }

        public abstract ConnectionInfo Connection { get; }

        public abstract ClaimsPrincipal User { get; set; }

        public abstract IDictionary<object, object?> Items { get; set; }

        public abstract IServiceProvider RequestServices { get; set; }

        public abstract string TraceIdentifier { get; set; }

        public abstract CancellationToken RequestAborted { get; set; }

        public abstract Features.IFeatureCollection Features { get; }
    }

    public class Endpoint(RequestDelegate? requestDelegate, EndpointMetadataCollection? metadata, string? displayName)
    {
        public RequestDelegate? RequestDelegate { get; } = requestDelegate;

        public EndpointMetadataCollection Metadata { get; } = metadata ?? new EndpointMetadataCollection();

        public string? DisplayName { get; } = displayName;
    }

    public sealed class EndpointMetadataCollection : List<object>
    {
        public T? GetMetadata<T>() where T : class
        {
            foreach (var item in this)
            {
                if (item is T match)
                {
                    return match;
                }
            }

            return null;
        }
    }

    public static class EndpointHttpContextExtensions
    {
        public static Endpoint? GetEndpoint(this HttpContext context) => context.Features.Get<Features.IEndpointFeature>()?.Endpoint;
    }

    public static class RoutingHttpContextExtensions
    {
        public static object? GetRouteValue(this HttpContext context, string key) =>
            context.Request.RouteValues.TryGetValue(key, out var value) ? value : null;

        public static RouteValueDictionary GetRouteData(this HttpContext context) => context.Request.RouteValues;
    }

    public static class HttpRequestRewindExtensions
    {
        public static void EnableBuffering(this HttpRequest request)
        {
        }
    }

    public static class StatusCodes
    {
        public const int Status200OK = 200;
        public const int Status400BadRequest = 400;
        public const int Status401Unauthorized = 401;
        public const int Status403Forbidden = 403;
        public const int Status404NotFound = 404;
        public const int Status409Conflict = 409;
        public const int Status422UnprocessableEntity = 422;
        public const int Status500InternalServerError = 500;
        public const int Status502BadGateway = 502;
    }

    public interface IHttpContextAccessor
    {
        HttpContext? HttpContext { get; set; }
    }

    public interface IResult
    {
        Task ExecuteAsync(HttpContext httpContext);
    }

}

namespace Microsoft.AspNetCore.Http.Features
{
    public interface IFeatureCollection
    {
        T? Get<T>();

        void Set<T>(T? instance);
    }

    public interface IEndpointFeature
    {
        Endpoint? Endpoint { get; set; }
    }
}

namespace Microsoft.AspNetCore.Http.Extensions
{
    public static class UriHelper
    {
        public static string GetDisplayUrl(this HttpRequest request) =>
            $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
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
        public PartitionedRateLimiter<HttpContext>? GlobalLimiter { get; set; }

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; set; }

        public int RejectionStatusCode { get; set; } = 503;

        public RateLimiterOptions AddPolicy<TPartitionKey>(string policyName, Func<HttpContext, RateLimitPartition<TPartitionKey>> partitioner) => this;
    }
}

namespace Microsoft.Extensions.Caching.Memory
{
    public interface IMemoryCache
    {
        bool TryGetValue(object key, out object? value);

        void Set(object key, object? value, TimeSpan absoluteExpirationRelativeToNow);

        void Remove(object key);
    }
}
