using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout27.Support;

// Stand-ins for the parts of ASP.NET Core the services use: a request context, middleware and
// claims helpers. Only the shapes matter.

public delegate Task RequestDelegate(HttpContext context);

public interface IMiddleware
{
    Task InvokeAsync(HttpContext context, RequestDelegate next);
}

public sealed class HttpContext
{
    public HttpRequest Request { get; init; } = new();

    public ClaimsPrincipal User { get; init; } = new();

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public IServiceProvider RequestServices { get; init; } = null!;

    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

    public CancellationToken RequestAborted { get; init; }
}

public sealed class HttpRequest
{
    public string Method { get; init; } = "GET";

    public string Path { get; init; } = "/";

    public string Host { get; init; } = "localhost";

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, string?> RouteValues { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
}

public static class ClaimsPrincipalExtensions
{
    public static string? FindFirstValue(this ClaimsPrincipal principal, string claimType) => principal.FindFirst(claimType)?.Value;
}
