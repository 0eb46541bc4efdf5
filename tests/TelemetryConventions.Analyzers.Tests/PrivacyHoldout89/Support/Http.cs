using System.Security.Claims;

namespace PrivacyHoldout89.Http;

// Stand-ins shaped like ASP.NET Core's HttpContext, ProblemDetails and MVC's ControllerBase,
// reduced to what the authorization code reads and writes.

public delegate Task RequestDelegate(HttpContext context);

public sealed class HttpRequest
{
    public string Method { get; init; } = "GET";

    public string Path { get; init; } = "/";

    public string QueryString { get; init; } = string.Empty;

    public Dictionary<string, string?> RouteValues { get; } = new();

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class HttpResponse
{
    public int StatusCode { get; set; } = 200;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes the body to the caller.</summary>
    public Task WriteAsJsonAsync<T>(T value, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

public sealed class HttpContext
{
    public ClaimsPrincipal User { get; set; } = new();

    public HttpRequest Request { get; init; } = new();

    public HttpResponse Response { get; init; } = new();

    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public CancellationToken RequestAborted { get; init; }
}

/// <summary>RFC 9457 problem details, as returned to the caller.</summary>
public class ProblemDetails
{
    public string? Type { get; set; }

    public string? Title { get; set; }

    public int? Status { get; set; }

    public string? Detail { get; set; }

    public string? Instance { get; set; }

    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}

public sealed record ForbidResult(string? Scheme = null) : ActionResult(403);

public sealed record ObjectResult(object? Value, int Status) : ActionResult(Status);

public sealed record ChallengeResult() : ActionResult(401);

/// <summary>An MVC controller with the signed-in principal, as ASP.NET Core's <c>ControllerBase</c> exposes it.</summary>
public abstract class AuthorizedController : ControllerBase
{
    public HttpContext Context { get; init; } = new();

    public ClaimsPrincipal User => Context.User;

    protected static ActionResult Forbid() => new ForbidResult();

    protected static ActionResult Challenge() => new ChallengeResult();

    protected static ActionResult Problem(ProblemDetails problem) => new ObjectResult(problem, problem.Status ?? 500);
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The value of the first claim of that type, as <c>FindFirstValue</c> returns it.</summary>
    public static string? FindFirstValue(this ClaimsPrincipal principal, string claimType) => principal.FindFirst(claimType)?.Value;
}
