// Stand-ins for the ASP.NET Core HTTP abstractions the services use, in the namespaces the real
// types live in, so that the corpus reads as the services are written. Only the shapes matter.
using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Microsoft.Extensions.Primitives
{
    /// <summary>Zero, one or many strings; <c>ToString()</c> and the conversion to string join them with commas.</summary>
    public readonly struct StringValues : IReadOnlyList<string?>
    {
        private readonly string?[]? _values;

        public StringValues(string? value) => _values = value is null ? null : new[] { value };

        public StringValues(string?[]? values) => _values = values;

        public static readonly StringValues Empty = new((string?[]?)null);

        public int Count => _values?.Length ?? 0;

        public string? this[int index] => _values![index];

        public static bool IsNullOrEmpty(StringValues value) => value.Count == 0 || (value.Count == 1 && string.IsNullOrEmpty(value[0]));

        public static implicit operator StringValues(string? value) => new(value);

        public static implicit operator string?(StringValues values) => values.Count == 0 ? null : values.ToString();

        public string?[] ToArray() => _values ?? Array.Empty<string?>();

        public override string ToString() => _values is null ? string.Empty : string.Join(",", _values);

        public IEnumerator<string?> GetEnumerator() => ((IEnumerable<string?>)(_values ?? Array.Empty<string?>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

namespace Microsoft.AspNetCore.Http
{
    public delegate Task RequestDelegate(HttpContext context);

    public static class StatusCodes
    {
        public const int Status400BadRequest = 400;
        public const int Status401Unauthorized = 401;
        public const int Status403Forbidden = 403;
        public const int Status404NotFound = 404;
        public const int Status409Conflict = 409;
        public const int Status422UnprocessableEntity = 422;
        public const int Status429TooManyRequests = 429;
        public const int Status503ServiceUnavailable = 503;
    }

    public interface IMiddleware
    {
        Task InvokeAsync(HttpContext context, RequestDelegate next);
    }

    public interface IHttpContextAccessor
    {
        HttpContext? HttpContext { get; set; }
    }

    public readonly struct PathString
    {
        public PathString(string? value) => Value = value;

        public string? Value { get; }

        public bool HasValue => !string.IsNullOrEmpty(Value);

        public bool StartsWithSegments(PathString other) => Value?.StartsWith(other.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase) ?? false;

        public static implicit operator PathString(string? value) => new(value);

        public static implicit operator string(PathString path) => path.ToString();

        public override string ToString() => Value ?? string.Empty;
    }

    public readonly struct QueryString
    {
        public QueryString(string? value) => Value = value;

        /// <summary>The escaped query string with its leading '?'.</summary>
        public string? Value { get; }

        public bool HasValue => !string.IsNullOrEmpty(Value);

        public override string ToString() => Value ?? string.Empty;
    }

    public readonly struct HostString
    {
        public HostString(string value) => Value = value;

        public string? Value { get; }

        public string Host => Value?.Split(':')[0] ?? string.Empty;

        public int? Port => Value is { } v && v.Contains(':') ? int.Parse(v.Split(':')[1]) : null;

        public override string ToString() => Value ?? string.Empty;
    }

    public interface IQueryCollection : IEnumerable<KeyValuePair<string, StringValues>>
    {
        int Count { get; }

        ICollection<string> Keys { get; }

        StringValues this[string key] { get; }

        bool ContainsKey(string key);

        bool TryGetValue(string key, out StringValues value);
    }

    public interface IRequestCookieCollection : IEnumerable<KeyValuePair<string, string>>
    {
        int Count { get; }

        ICollection<string> Keys { get; }

        string? this[string key] { get; }
    }

    public interface IHeaderDictionary : IDictionary<string, StringValues>
    {
        long? ContentLength { get; set; }

        StringValues Authorization { get => this["Authorization"]; set => this["Authorization"] = value; }

        StringValues UserAgent { get => this["User-Agent"]; set => this["User-Agent"] = value; }

        StringValues XForwardedFor { get => this["X-Forwarded-For"]; set => this["X-Forwarded-For"] = value; }

        StringValues Cookie { get => this["Cookie"]; set => this["Cookie"] = value; }

        StringValues ContentType { get => this["Content-Type"]; set => this["Content-Type"] = value; }

        StringValues RetryAfter { get => this["Retry-After"]; set => this["Retry-After"] = value; }

        StringValues WWWAuthenticate { get => this["WWW-Authenticate"]; set => this["WWW-Authenticate"] = value; }
    }

    public sealed class HeaderDictionary : Dictionary<string, StringValues>, IHeaderDictionary
    {
        public HeaderDictionary()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public long? ContentLength { get; set; }

        public new StringValues this[string key]
        {
            get => TryGetValue(key, out var value) ? value : StringValues.Empty;
            set => base[key] = value;
        }
    }

    public interface IFormCollection : IEnumerable<KeyValuePair<string, StringValues>>
    {
        int Count { get; }

        ICollection<string> Keys { get; }

        StringValues this[string key] { get; }
    }

    public interface IFeatureCollection
    {
        TFeature? Get<TFeature>();
    }

    public abstract class HttpRequest
    {
        public abstract HttpContext HttpContext { get; }

        public abstract string Method { get; set; }

        public abstract string Scheme { get; set; }

        public abstract bool IsHttps { get; set; }

        public abstract HostString Host { get; set; }

        public abstract PathString PathBase { get; set; }

        public abstract PathString Path { get; set; }

        public abstract QueryString QueryString { get; set; }

        public abstract IQueryCollection Query { get; set; }

        public abstract string Protocol { get; set; }

        public abstract IHeaderDictionary Headers { get; }

        public abstract IRequestCookieCollection Cookies { get; set; }

        public abstract long? ContentLength { get; set; }

        public abstract string? ContentType { get; set; }

        public abstract Stream Body { get; set; }

        public abstract bool HasFormContentType { get; }

        public abstract RouteValueDictionary RouteValues { get; set; }

        public abstract Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken = default);
    }

    public abstract class HttpResponse
    {
        public abstract HttpContext HttpContext { get; }

        public abstract int StatusCode { get; set; }

        public abstract IHeaderDictionary Headers { get; }

        public abstract Stream Body { get; set; }

        public abstract long? ContentLength { get; set; }

        public abstract string? ContentType { get; set; }

        public abstract bool HasStarted { get; }

        public abstract void OnStarting(Func<Task> callback);

        public abstract void OnCompleted(Func<Task> callback);
    }

    public abstract class ConnectionInfo
    {
        public abstract string Id { get; set; }

        public abstract IPAddress? RemoteIpAddress { get; set; }

        public abstract int RemotePort { get; set; }

        public abstract IPAddress? LocalIpAddress { get; set; }

        public abstract X509Certificate2? ClientCertificate { get; set; }
    }

    public abstract class HttpContext
    {
        public abstract IFeatureCollection Features { get; }

        public abstract HttpRequest Request { get; }

        public abstract HttpResponse Response { get; }

        public abstract ConnectionInfo Connection { get; }

        public abstract ClaimsPrincipal User { get; set; }

        public abstract IDictionary<object, object?> Items { get; set; }

        public abstract IServiceProvider RequestServices { get; set; }

        public abstract CancellationToken RequestAborted { get; set; }

        public abstract string TraceIdentifier { get; set; }

        public abstract void Abort();
    }

    public static class EndpointHttpContextExtensions
    {
        public static Endpoint? GetEndpoint(this HttpContext context) => context.Features.Get<IEndpointFeature>()?.Endpoint;
    }

    public interface IEndpointFeature
    {
        Endpoint? Endpoint { get; set; }
    }

    public class Endpoint
    {
        public Endpoint(RequestDelegate? requestDelegate, EndpointMetadataCollection? metadata, string? displayName)
        {
            RequestDelegate = requestDelegate;
            Metadata = metadata ?? new EndpointMetadataCollection();
            DisplayName = displayName;
        }

        public string? DisplayName { get; }

        public EndpointMetadataCollection Metadata { get; }

        public RequestDelegate? RequestDelegate { get; }
    }

    public sealed class EndpointMetadataCollection : List<object>
    {
        public T? GetMetadata<T>()
            where T : class
        {
            for (var i = Count - 1; i >= 0; i--)
            {
                if (this[i] is T match)
                {
                    return match;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Thrown by request parsing and by minimal-API parameter binding. The binder writes its messages
    /// from the parameter and the raw text it was given, as ASP.NET Core does:
    /// <c>Failed to bind parameter "{Type} {Name}" from "{raw value}".</c> when the text does not parse
    /// (a route or query value that is not an int, a Guid or a date), and
    /// <c>Required parameter "{Type} {Name}" was not provided from {source}.</c> when it is missing;
    /// a body that is not JSON gives <c>Failed to read parameter "{Type} {Name}" from the request body as JSON.</c>
    /// </summary>
    public sealed class BadHttpRequestException : IOException
    {
        public BadHttpRequestException(string message, int statusCode = 400, Exception? innerException = null)
            : base(message, innerException) => StatusCode = statusCode;

        public int StatusCode { get; }
    }

    /// <summary>What a minimal-API handler returns.</summary>
    public interface IResult
    {
        Task ExecuteAsync(HttpContext httpContext);
    }

    public static class Results
    {
        public static IResult Ok(object? value = null) => new JsonResult(200, value);

        public static IResult NotFound(object? value = null) => new JsonResult(404, value);

        public static IResult Conflict(object? value = null) => new JsonResult(409, value);

        public static IResult Accepted(string? uri = null, object? value = null) => new JsonResult(202, value);

        public static IResult StatusCode(int statusCode) => new JsonResult(statusCode, null);

        public static IResult Problem(string? detail = null, string? instance = null, int? statusCode = null, string? title = null, string? type = null, IDictionary<string, object?>? extensions = null) =>
            new JsonResult(statusCode ?? 500, detail);

        public static IResult ValidationProblem(IDictionary<string, string[]> errors, string? detail = null) => new JsonResult(400, errors);

        private sealed record JsonResult(int Status, object? Value) : IResult
        {
            public Task ExecuteAsync(HttpContext httpContext) => Task.CompletedTask;
        }
    }

    public delegate ValueTask<object?> EndpointFilterDelegate(EndpointFilterInvocationContext context);

    public interface IEndpointFilter
    {
        ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next);
    }

    public abstract class EndpointFilterInvocationContext
    {
        public abstract HttpContext HttpContext { get; }

        /// <summary>The handler's arguments, in the order of its parameters.</summary>
        public abstract IList<object?> Arguments { get; }

        public abstract T GetArgument<T>(int index);
    }

    public interface IEndpointRouteBuilder
    {
        IServiceProvider ServiceProvider { get; }
    }

    public class RouteHandlerBuilder
    {
        public RouteHandlerBuilder AddEndpointFilter<TFilter>()
            where TFilter : IEndpointFilter => this;

        public RouteHandlerBuilder AddEndpointFilter(Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> filter) => this;

        public RouteHandlerBuilder WithName(string endpointName) => this;

        public RouteHandlerBuilder RequireAuthorization(params string[] policyNames) => this;

        public RouteHandlerBuilder RequireRateLimiting(string policyName) => this;

        public RouteHandlerBuilder CacheOutput(string policyName) => this;
    }

    public sealed class RouteGroupBuilder : RouteHandlerBuilder, IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider { get; init; } = null!;
    }

    public static class EndpointRouteBuilderExtensions
    {
        public static RouteGroupBuilder MapGroup(this IEndpointRouteBuilder endpoints, string prefix) => new() { ServiceProvider = endpoints.ServiceProvider };

        public static RouteHandlerBuilder MapGet(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => new();

        public static RouteHandlerBuilder MapPost(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => new();

        public static RouteHandlerBuilder MapPut(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => new();

        public static RouteHandlerBuilder MapDelete(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => new();
    }

    public sealed class ProblemDetailsContext
    {
        public required HttpContext HttpContext { get; init; }

        public Microsoft.AspNetCore.Mvc.ProblemDetails ProblemDetails { get; init; } = new();

        public Exception? Exception { get; init; }

        public EndpointMetadataCollection? AdditionalMetadata { get; init; }
    }

    /// <summary>Writes problem details to the response (JSON), through the registered writers.</summary>
    public interface IProblemDetailsService
    {
        ValueTask WriteAsync(ProblemDetailsContext context);

        ValueTask<bool> TryWriteAsync(ProblemDetailsContext context);
    }

    public sealed class ProblemDetailsOptions
    {
        /// <summary>Runs on every problem details the service writes, before it is serialised to the response.</summary>
        public Action<ProblemDetailsContext>? CustomizeProblemDetails { get; set; }
    }

    public sealed class HttpValidationProblemDetails : Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        public HttpValidationProblemDetails(IDictionary<string, string[]> errors) => Errors = errors;

        public IDictionary<string, string[]> Errors { get; }
    }
}

namespace Microsoft.AspNetCore.Routing
{
    public sealed class RouteValueDictionary : Dictionary<string, object?>
    {
        public RouteValueDictionary()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }
    }

    public sealed class RouteData
    {
        public RouteValueDictionary Values { get; } = new();
    }

    public sealed class RouteEndpoint : Microsoft.AspNetCore.Http.Endpoint
    {
        public RouteEndpoint(Microsoft.AspNetCore.Http.RequestDelegate requestDelegate, Patterns.RoutePattern routePattern, int order, Microsoft.AspNetCore.Http.EndpointMetadataCollection? metadata, string? displayName)
            : base(requestDelegate, metadata, displayName)
        {
            RoutePattern = routePattern;
            Order = order;
        }

        public Patterns.RoutePattern RoutePattern { get; }

        public int Order { get; }
    }
}

namespace Microsoft.AspNetCore.Routing.Patterns
{
    public sealed class RoutePattern
    {
        public RoutePattern(string? rawText) => RawText = rawText;

        /// <summary>The route template as written, e.g. <c>/patients/{nhsNumber}/results</c>.</summary>
        public string? RawText { get; }
    }
}

namespace Microsoft.AspNetCore.Diagnostics
{
    /// <summary>
    /// Handles an exception the exception handler middleware caught. On .NET 10 the middleware does not log
    /// an exception a handler reports as handled.
    /// </summary>
    public interface IExceptionHandler
    {
        ValueTask<bool> TryHandleAsync(Microsoft.AspNetCore.Http.HttpContext httpContext, Exception exception, CancellationToken cancellationToken);
    }

    public interface IExceptionHandlerFeature
    {
        Exception Error { get; }

        string Path { get; }

        Microsoft.AspNetCore.Http.Endpoint? Endpoint { get; }

        Microsoft.AspNetCore.Routing.RouteValueDictionary? RouteValues { get; }
    }
}

namespace Microsoft.AspNetCore.HttpLogging
{
    [Flags]
    public enum HttpLoggingFields : long
    {
        None = 0,
        RequestPath = 1,
        RequestQuery = 2,
        RequestProtocol = 4,
        RequestMethod = 8,
        RequestScheme = 16,
        ResponseStatusCode = 32,
        RequestHeaders = 64,
        ResponseHeaders = 128,
        RequestBody = 1024,
        ResponseBody = 2048,
        Duration = 4096,
        RequestPropertiesAndHeaders = RequestPath | RequestQuery | RequestProtocol | RequestMethod | RequestScheme | RequestHeaders,
    }

    /// <summary>
    /// Lets the service shape the request log that the HTTP logging middleware writes through <c>ILogger</c>
    /// (category <c>Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware</c>): the parameters added here are
    /// written into that log with the request's fields.
    /// </summary>
    public sealed class HttpLoggingInterceptorContext
    {
        public required Microsoft.AspNetCore.Http.HttpContext HttpContext { get; init; }

        public HttpLoggingFields LoggingFields { get; set; }

        public void AddParameter(string key, object? value)
        {
        }

        public bool TryDisable(HttpLoggingFields fields)
        {
            LoggingFields &= ~fields;
            return true;
        }

        public bool IsAnyEnabled(HttpLoggingFields fields) => (LoggingFields & fields) != 0;
    }

    public interface IHttpLoggingInterceptor
    {
        ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext);

        ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext);
    }
}

namespace Serilog
{
    /// <summary>
    /// Serilog.AspNetCore's request logging: properties set here are added to the one completion event
    /// it writes for each request (<c>HTTP {RequestMethod} {RequestPath} responded {StatusCode} …</c>).
    /// </summary>
    public interface IDiagnosticContext
    {
        void Set(string propertyName, object? value, bool destructureObjects = false);
    }
}
