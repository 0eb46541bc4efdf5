using System.Security.Claims;
using PrivacyHoldout89.Http;

namespace PrivacyHoldout89.Authorization;

// Stand-ins shaped like Microsoft.AspNetCore.Authorization and its policy middleware, reduced to what
// the services call. ToString() of the built-in requirements follows the framework's.

public interface IAuthorizationRequirement;

public interface IAuthorizationHandler
{
    Task HandleAsync(AuthorizationHandlerContext context);
}

/// <summary>The reason a handler gives when it calls <c>Fail</c>. Prints its type name, as the framework's does.</summary>
public class AuthorizationFailureReason(IAuthorizationHandler handler, string message)
{
    public IAuthorizationHandler Handler { get; } = handler;

    public string Message { get; } = message;
}

public class AuthorizationHandlerContext(IEnumerable<IAuthorizationRequirement> requirements, ClaimsPrincipal user, object? resource)
{
    private readonly HashSet<IAuthorizationRequirement> _pending = new(requirements);
    private readonly List<AuthorizationFailureReason> _failureReasons = new();
    private bool _failCalled;
    private bool _succeedCalled;

    public virtual IEnumerable<IAuthorizationRequirement> Requirements { get; } = requirements;

    public virtual ClaimsPrincipal User { get; } = user;

    public virtual object? Resource { get; } = resource;

    public virtual IEnumerable<IAuthorizationRequirement> PendingRequirements => _pending;

    public virtual IEnumerable<AuthorizationFailureReason> FailureReasons => _failureReasons;

    public virtual bool HasFailed => _failCalled;

    public virtual bool HasSucceeded => !_failCalled && _succeedCalled && _pending.Count == 0;

    public virtual void Fail() => _failCalled = true;

    public virtual void Fail(AuthorizationFailureReason reason)
    {
        Fail();
        _failureReasons.Add(reason);
    }

    public virtual void Succeed(IAuthorizationRequirement requirement)
    {
        _succeedCalled = true;
        _pending.Remove(requirement);
    }
}

public abstract class AuthorizationHandler<TRequirement> : IAuthorizationHandler
    where TRequirement : IAuthorizationRequirement
{
    public virtual async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.Requirements.OfType<TRequirement>())
        {
            await HandleRequirementAsync(context, requirement);
        }
    }

    protected abstract Task HandleRequirementAsync(AuthorizationHandlerContext context, TRequirement requirement);
}

public abstract class AuthorizationHandler<TRequirement, TResource> : IAuthorizationHandler
    where TRequirement : IAuthorizationRequirement
{
    public virtual async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is TResource resource)
        {
            foreach (var requirement in context.Requirements.OfType<TRequirement>())
            {
                await HandleRequirementAsync(context, requirement, resource);
            }
        }
    }

    protected abstract Task HandleRequirementAsync(AuthorizationHandlerContext context, TRequirement requirement, TResource resource);
}

/// <summary>A named operation on a resource (<c>Read</c>, <c>Update</c>, …).</summary>
public class OperationAuthorizationRequirement : IAuthorizationRequirement
{
    public string Name { get; set; } = string.Empty;

    public override string ToString() => $"{nameof(OperationAuthorizationRequirement)}:Name={Name}";
}

public class RolesAuthorizationRequirement(IEnumerable<string> allowedRoles) : IAuthorizationRequirement
{
    public IEnumerable<string> AllowedRoles { get; } = allowedRoles;

    public override string ToString() =>
        $"{nameof(RolesAuthorizationRequirement)}:User.IsInRole must be true for one of the following roles: ({string.Join("|", AllowedRoles)})";
}

public class ClaimsAuthorizationRequirement(string claimType, IEnumerable<string>? allowedValues) : IAuthorizationRequirement
{
    public string ClaimType { get; } = claimType;

    public IEnumerable<string>? AllowedValues { get; } = allowedValues;

    public override string ToString() => AllowedValues is null
        ? $"{nameof(ClaimsAuthorizationRequirement)}:Claim.Type={ClaimType}"
        : $"{nameof(ClaimsAuthorizationRequirement)}:Claim.Type={ClaimType} and Claim.Value is one of the following values: ({string.Join("|", AllowedValues)})";
}

public class AuthorizationFailure
{
    public bool FailCalled { get; private init; }

    public IEnumerable<IAuthorizationRequirement> FailedRequirements { get; private init; } = Array.Empty<IAuthorizationRequirement>();

    public IEnumerable<AuthorizationFailureReason> FailureReasons { get; private init; } = Array.Empty<AuthorizationFailureReason>();

    public static AuthorizationFailure ExplicitFail() => new() { FailCalled = true };

    public static AuthorizationFailure Failed(IEnumerable<IAuthorizationRequirement> failed) => new() { FailedRequirements = failed };

    public static AuthorizationFailure Failed(IEnumerable<AuthorizationFailureReason> reasons) => new() { FailCalled = true, FailureReasons = reasons };
}

public class AuthorizationResult
{
    public bool Succeeded { get; private init; }

    public AuthorizationFailure? Failure { get; private init; }

    public static AuthorizationResult Success() => new() { Succeeded = true };

    public static AuthorizationResult Failed(AuthorizationFailure failure) => new() { Failure = failure };

    public static AuthorizationResult Failed() => new() { Failure = AuthorizationFailure.ExplicitFail() };
}

public class AuthorizationPolicy(IEnumerable<IAuthorizationRequirement> requirements, IEnumerable<string> authenticationSchemes)
{
    public IReadOnlyList<IAuthorizationRequirement> Requirements { get; } = requirements.ToList();

    public IReadOnlyList<string> AuthenticationSchemes { get; } = authenticationSchemes.ToList();
}

public interface IAuthorizationService
{
    Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, IEnumerable<IAuthorizationRequirement> requirements);

    Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, string policyName);
}

public static class AuthorizationServiceExtensions
{
    public static Task<AuthorizationResult> AuthorizeAsync(this IAuthorizationService service, ClaimsPrincipal user, object? resource, IAuthorizationRequirement requirement) =>
        service.AuthorizeAsync(user, resource, new[] { requirement });

    public static Task<AuthorizationResult> AuthorizeAsync(this IAuthorizationService service, ClaimsPrincipal user, string policyName) =>
        service.AuthorizeAsync(user, resource: null, policyName);
}

public class PolicyAuthorizationResult
{
    public bool Challenged { get; private init; }

    public bool Forbidden { get; private init; }

    public bool Succeeded { get; private init; }

    public AuthorizationFailure? AuthorizationFailure { get; private init; }

    public static PolicyAuthorizationResult Challenge() => new() { Challenged = true };

    public static PolicyAuthorizationResult Forbid(AuthorizationFailure? failure) => new() { Forbidden = true, AuthorizationFailure = failure };

    public static PolicyAuthorizationResult Success() => new() { Succeeded = true };
}

/// <summary>Runs after the policy is evaluated; the default one challenges or forbids.</summary>
public interface IAuthorizationMiddlewareResultHandler
{
    Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult);
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class AuthorizeAttribute(string? policy = null) : Attribute
{
    public string? Policy { get; } = policy;

    public string? Roles { get; init; }
}
