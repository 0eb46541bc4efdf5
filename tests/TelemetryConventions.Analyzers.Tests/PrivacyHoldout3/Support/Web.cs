using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout3.Support;

// Stand-ins for the ASP.NET Core pieces the services use, so that the corpus compiles without the
// shared framework. Only the shapes matter.

public sealed class HeaderDictionary : Dictionary<string, string>
{
    public HeaderDictionary()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }
}

public sealed class HttpRequest
{
    public string Method { get; init; } = "GET";

    public string Path { get; init; } = "/";

    public HeaderDictionary Headers { get; } = new();

    public Dictionary<string, string> Query { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, object?> RouteValues { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class HttpResponse
{
    public int StatusCode { get; set; } = 200;

    public HeaderDictionary Headers { get; } = new();

    public Task WriteAsJsonAsync<T>(T value, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

public sealed class ConnectionInfo
{
    public System.Net.IPAddress? RemoteIpAddress { get; init; }
}

public class HttpContext
{
    public HttpRequest Request { get; } = new();

    public HttpResponse Response { get; } = new();

    public ClaimsPrincipal User { get; set; } = new();

    public ConnectionInfo Connection { get; } = new();

    public string TraceIdentifier { get; set; } = Guid.NewGuid().ToString("N");

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public IServiceProvider RequestServices { get; init; } = null!;

    public CancellationToken RequestAborted { get; init; }
}

public interface IHttpContextAccessor
{
    HttpContext? HttpContext { get; set; }
}

public delegate Task RequestDelegate(HttpContext context);

public interface IMiddleware
{
    Task InvokeAsync(HttpContext context, RequestDelegate next);
}

public abstract class EndpointFilterInvocationContext
{
    public abstract HttpContext HttpContext { get; }

    public abstract IList<object?> Arguments { get; }

    public abstract T GetArgument<T>(int index);
}

public delegate ValueTask<object?> EndpointFilterDelegate(EndpointFilterInvocationContext context);

public interface IEndpointFilter
{
    ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next);
}

public interface IResult;

public sealed record JsonResult(int StatusCode, object? Value) : IResult;

public static class Results
{
    public static IResult Ok(object? value = null) => new JsonResult(200, value);

    public static IResult Accepted(object? value = null) => new JsonResult(202, value);

    public static IResult NotFound(object? value = null) => new JsonResult(404, value);

    public static IResult Forbid() => new JsonResult(403, null);

    public static IResult Problem(ProblemDetails details) => new JsonResult(details.Status ?? 500, details);

    public static IResult ValidationProblem(IDictionary<string, string[]> errors) => new JsonResult(400, errors);
}

public class ProblemDetails
{
    public string? Type { get; set; }

    public string? Title { get; set; }

    public int? Status { get; set; }

    public string? Detail { get; set; }

    public string? Instance { get; set; }

    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}

public interface IExceptionHandler
{
    ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken);
}

public sealed class WebApplication
{
    public WebApplication MapGet(string pattern, Delegate handler) => this;

    public WebApplication MapPost(string pattern, Delegate handler) => this;

    public WebApplication MapPut(string pattern, Delegate handler) => this;

    public WebApplication AddEndpointFilter<TFilter>()
        where TFilter : IEndpointFilter => this;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromRouteAttribute : Attribute
{
    public string? Name { get; set; }
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromQueryAttribute : Attribute
{
    public string? Name { get; set; }
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromHeaderAttribute : Attribute
{
    public string? Name { get; set; }
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromBodyAttribute : Attribute;

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromServicesAttribute : Attribute;

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

public abstract class ControllerBase
{
    public HttpContext HttpContext { get; init; } = new();

    public ClaimsPrincipal User => HttpContext.User;

    protected static IResult Ok(object? value = null) => Results.Ok(value);

    protected static IResult NotFound(object? value = null) => Results.NotFound(value);

    protected static IResult Problem(ProblemDetails details) => Results.Problem(details);
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The value of the first claim of the type, as ASP.NET Core Identity's extension returns it.</summary>
    public static string? FindFirstValue(this ClaimsPrincipal principal, string claimType) =>
        principal.FindFirst(claimType)?.Value;
}

/// <summary>The registered JWT claim names, as System.IdentityModel.Tokens.Jwt spells them.</summary>
public static class JwtRegisteredClaimNames
{
    public const string Sub = "sub";

    public const string Email = "email";

    public const string PreferredUsername = "preferred_username";
}
