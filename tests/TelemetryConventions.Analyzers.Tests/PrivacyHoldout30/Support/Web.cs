using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Claims;
using System.Threading.Tasks;

namespace PrivacyHoldout30.Support.Web;

// Stand-ins for the ASP.NET Core types the admin and debug endpoints use. Only the shapes matter.

public sealed class HttpContext
{
    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

    public HttpRequest Request { get; init; } = new();

    public ClaimsPrincipal User { get; init; } = new();

    public ISession Session { get; init; } = new InMemorySession();

    public ConnectionInfo Connection { get; init; } = new();

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
}

public sealed class HttpRequest
{
    public string Method { get; init; } = "GET";

    public string Path { get; init; } = "/";

    public string QueryString { get; init; } = string.Empty;

    public IDictionary<string, string> Query { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, object?> RouteValues { get; init; } = new Dictionary<string, object?>();
}

public sealed class ConnectionInfo
{
    public IPAddress? RemoteIpAddress { get; init; }

    public int RemotePort { get; init; }
}

public interface ISession
{
    string Id { get; }

    IEnumerable<string> Keys { get; }

    string? GetString(string key);

    void SetString(string key, string value);
}

public sealed class InMemorySession : ISession
{
    private readonly Dictionary<string, string> _values = new();

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public IEnumerable<string> Keys => _values.Keys;

    public string? GetString(string key) => _values.TryGetValue(key, out var value) ? value : null;

    public void SetString(string key, string value) => _values[key] = value;
}

public interface IResult;

public sealed record JsonResult(object? Value, int StatusCode = 200) : IResult;

public sealed record StatusResult(int StatusCode, string? Detail = null) : IResult;

public static class Results
{
    public static IResult Ok(object? value = null) => new JsonResult(value);

    public static IResult Json(object? value) => new JsonResult(value);

    public static IResult NotFound(string? detail = null) => new StatusResult(404, detail);

    public static IResult BadRequest(string? detail = null) => new StatusResult(400, detail);

    public static IResult Forbid() => new StatusResult(403);

    public static IResult NoContent() => new StatusResult(204);

    public static IResult Problem(string detail, int statusCode = 500) => new StatusResult(statusCode, detail);
}

public sealed class RouteGroupBuilder
{
    public RouteGroupBuilder MapGet(string pattern, Delegate handler) => this;

    public RouteGroupBuilder MapPost(string pattern, Delegate handler) => this;

    public RouteGroupBuilder MapPut(string pattern, Delegate handler) => this;

    public RouteGroupBuilder MapDelete(string pattern, Delegate handler) => this;

    public RouteGroupBuilder RequireAuthorization(string policy) => this;
}

public sealed class WebApplication
{
    public bool IsDevelopment { get; init; }

    public RouteGroupBuilder MapGroup(string prefix) => new();
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromQueryAttribute : Attribute;

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromServicesAttribute : Attribute;

public static class ClaimsPrincipalExtensions
{
    public static string? FindFirstValue(this ClaimsPrincipal principal, string claimType) => principal.FindFirst(claimType)?.Value;
}

public interface IAuthorizationService
{
    Task<bool> AuthorizeAsync(ClaimsPrincipal user, string policy);
}
