using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for the parts of ASP.NET Core's HTTP abstractions the services use. Only the shapes matter.

namespace Microsoft.AspNetCore.Http
{
    public readonly record struct PathString(string? Value)
    {
        public bool HasValue => !string.IsNullOrEmpty(Value);

        public bool StartsWithSegments(PathString other) => Value?.StartsWith(other.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase) == true;

        public static implicit operator PathString(string? value) => new(value);

        public override string ToString() => Value ?? string.Empty;
    }

    public readonly record struct QueryString(string? Value)
    {
        public bool HasValue => !string.IsNullOrEmpty(Value);

        public override string ToString() => Value ?? string.Empty;
    }

    public readonly record struct HostString(string Value)
    {
        public string Host => Value.Split(':')[0];

        public override string ToString() => Value;
    }

    public sealed class HeaderDictionary() : Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        public string Authorization => TryGetValue("Authorization", out var value) ? value : string.Empty;

        public string UserAgent => TryGetValue("User-Agent", out var value) ? value : string.Empty;
    }

    public sealed class QueryCollection() : Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public sealed class RouteValueDictionary() : Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

    public sealed class HttpRequest
    {
        public string Method { get; set; } = "GET";

        public string Scheme { get; set; } = "https";

        public HostString Host { get; set; } = new("localhost");

        public PathString PathBase { get; set; }

        public PathString Path { get; set; }

        public QueryString QueryString { get; set; }

        public QueryCollection Query { get; } = new();

        public HeaderDictionary Headers { get; } = new();

        public RouteValueDictionary RouteValues { get; } = new();

        public IDictionary<string, string> Cookies { get; } = new Dictionary<string, string>();

        public Task<IDictionary<string, string>> ReadFormAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IDictionary<string, string>>(new Dictionary<string, string>());
    }

    public sealed class HttpResponse
    {
        public int StatusCode { get; set; } = 200;

        public HeaderDictionary Headers { get; } = new();

        public bool HasStarted { get; set; }

        public void Redirect(string location) => Headers["Location"] = location;

        public Task WriteAsync(string text, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public sealed class ConnectionInfo
    {
        public string Id { get; set; } = Guid.NewGuid().ToString("N");

        public IPAddress? RemoteIpAddress { get; set; }

        public int RemotePort { get; set; }

        public IPAddress? LocalIpAddress { get; set; }
    }

    public class HttpContext
    {
        public HttpRequest Request { get; } = new();

        public HttpResponse Response { get; } = new();

        public ConnectionInfo Connection { get; } = new();

        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

        public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public string TraceIdentifier { get; set; } = Guid.NewGuid().ToString("N");

        public IServiceProvider RequestServices { get; set; } = null!;

        public CancellationToken RequestAborted { get; set; }

        public T? GetEndpointMetadata<T>() where T : class => null;
    }

    public interface IHttpContextAccessor
    {
        HttpContext? HttpContext { get; set; }
    }

    public interface IResult;

    public sealed record HttpResult(int StatusCode, object? Value = null) : IResult;

    public static class Results
    {
        public static IResult Ok(object? value = null) => new HttpResult(200, value);

        public static IResult NoContent() => new HttpResult(204);

        public static IResult BadRequest(object? error = null) => new HttpResult(400, error);

        public static IResult Unauthorized() => new HttpResult(401);

        public static IResult Forbid() => new HttpResult(403);

        public static IResult NotFound() => new HttpResult(404);

        public static IResult Problem(string? detail = null, int? statusCode = null, string? title = null) => new HttpResult(statusCode ?? 500, detail);

        public static IResult Redirect(string url) => new HttpResult(302, url);

        public static IResult ValidationProblem(IDictionary<string, string[]> errors) => new HttpResult(400, errors);
    }

    public delegate Task RequestDelegate(HttpContext context);

    public interface IMiddleware
    {
        Task InvokeAsync(HttpContext context, RequestDelegate next);
    }
}

namespace Microsoft.AspNetCore.Mvc
{
    using Microsoft.AspNetCore.Http;

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class ApiControllerAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class RouteAttribute(string template) : Attribute
    {
        public string Template { get; } = template;
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpGetAttribute(string template = "") : Attribute
    {
        public string Template { get; } = template;
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class HttpPostAttribute(string template = "") : Attribute
    {
        public string Template { get; } = template;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromBodyAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromQueryAttribute : Attribute;

    public interface IActionResult;

    public sealed record ObjectResult(int StatusCode, object? Value) : IActionResult;

    public sealed class ProblemDetails
    {
        public string? Title { get; set; }

        public string? Detail { get; set; }

        public int? Status { get; set; }

        public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
    }

    public abstract class ControllerBase
    {
        public HttpContext HttpContext { get; set; } = new();

        public ClaimsPrincipal User => HttpContext.User;

        protected IActionResult Ok(object? value = null) => new ObjectResult(200, value);

        protected IActionResult Accepted() => new ObjectResult(202, null);

        protected IActionResult BadRequest(object? error = null) => new ObjectResult(400, error);

        protected IActionResult Unauthorized() => new ObjectResult(401, null);

        protected IActionResult NotFound() => new ObjectResult(404, null);

        protected IActionResult Problem(string? detail = null, int? statusCode = null) => new ObjectResult(statusCode ?? 500, new ProblemDetails { Detail = detail, Status = statusCode });

        protected IActionResult LocalRedirect(string url) => new ObjectResult(302, url);
    }
}
