using System.Security.Claims;

namespace PrivacyHoldout.Support;

// Stand-ins for the few framework pieces the holdout services use beyond PrivacyCorpus/Shared, so
// that the corpus compiles without ASP.NET Core or Entity Framework. Only the shapes matter.

public static class ClaimsPrincipalExtensions
{
    /// <summary>The value of the first claim of the type, as ASP.NET Core Identity's extension returns it.</summary>
    public static string? FindFirstValue(this ClaimsPrincipal principal, string claimType) =>
        principal.FindFirst(claimType)?.Value;
}

/// <summary>A controller that exposes the signed-in user as a <see cref="ClaimsPrincipal"/>.</summary>
public abstract class ClaimsControllerBase : PrivacyCorpus.Shared.ControllerBase
{
    public ClaimsPrincipal User { get; init; } = new();
}

/// <summary>Minimal-API results, as <c>Microsoft.AspNetCore.Http.Results</c> offers them.</summary>
public static class Results
{
    public static PrivacyCorpus.Shared.ActionResult Ok(object? value = null) => new PrivacyCorpus.Shared.OkResult(value);

    public static PrivacyCorpus.Shared.ActionResult NotFound(string? detail = null) => new PrivacyCorpus.Shared.NotFoundResult(detail);

    public static PrivacyCorpus.Shared.ActionResult BadRequest(string? detail = null) => new PrivacyCorpus.Shared.BadRequestResult(detail);
}
