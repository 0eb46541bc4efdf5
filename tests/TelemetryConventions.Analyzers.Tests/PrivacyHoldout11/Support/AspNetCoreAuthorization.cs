using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

// Stand-ins for ASP.NET Core authorization, rate limiting and output caching. Only the shapes matter.

namespace Microsoft.AspNetCore.Authorization
{
    public interface IAuthorizationRequirement;

    public sealed class AuthorizationFailureReason(IAuthorizationHandler handler, string message)
    {
        public IAuthorizationHandler Handler { get; } = handler;

        public string Message { get; } = message;
    }

    public class AuthorizationHandlerContext(IEnumerable<IAuthorizationRequirement> requirements, ClaimsPrincipal user, object? resource)
    {
        private readonly HashSet<IAuthorizationRequirement> _pending = new(requirements);
        private readonly List<AuthorizationFailureReason> _failureReasons = new();

        public IEnumerable<IAuthorizationRequirement> Requirements { get; } = requirements.ToList();

        public ClaimsPrincipal User { get; } = user;

        public object? Resource { get; } = resource;

        public IEnumerable<IAuthorizationRequirement> PendingRequirements => _pending;

        public IEnumerable<AuthorizationFailureReason> FailureReasons => _failureReasons;

        public bool HasFailed { get; private set; }

        public bool HasSucceeded => !HasFailed && _pending.Count == 0;

        public void Succeed(IAuthorizationRequirement requirement) => _pending.Remove(requirement);

        public void Fail() => HasFailed = true;

        public void Fail(AuthorizationFailureReason reason)
        {
            HasFailed = true;
            _failureReasons.Add(reason);
        }
    }

    public interface IAuthorizationHandler
    {
        Task HandleAsync(AuthorizationHandlerContext context);
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

    public class AuthorizationFailure
    {
        public bool FailCalled { get; init; }

        public IEnumerable<IAuthorizationRequirement> FailedRequirements { get; init; } = Array.Empty<IAuthorizationRequirement>();

        public IEnumerable<AuthorizationFailureReason> FailureReasons { get; init; } = Array.Empty<AuthorizationFailureReason>();
    }

    public class AuthorizationResult
    {
        public bool Succeeded { get; init; }

        public AuthorizationFailure? Failure { get; init; }

        public static AuthorizationResult Success() => new() { Succeeded = true };

        public static AuthorizationResult Failed(AuthorizationFailure failure) => new() { Failure = failure };
    }

    public interface IAuthorizationService
    {
        Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, string policyName);

        Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, IEnumerable<IAuthorizationRequirement> requirements);
    }

    public sealed class AuthorizationPolicyBuilder
    {
        public AuthorizationPolicyBuilder RequireAuthenticatedUser() => this;

        public AuthorizationPolicyBuilder RequireClaim(string claimType, params string[] allowedValues) => this;

        public AuthorizationPolicyBuilder RequireRole(params string[] roles) => this;

        public AuthorizationPolicyBuilder AddRequirements(params IAuthorizationRequirement[] requirements) => this;
    }

    public sealed class AuthorizationOptions
    {
        public void AddPolicy(string name, Action<AuthorizationPolicyBuilder> configurePolicy) => configurePolicy(new AuthorizationPolicyBuilder());
    }
}

namespace Microsoft.AspNetCore.RateLimiting
{
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

    public static class RateLimiterOptionsExtensions
    {
        public static RateLimiterOptions AddFixedWindowLimiter(this RateLimiterOptions options, string policyName, Action<FixedWindowRateLimiterOptions> configureOptions) => options;
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class EnableRateLimitingAttribute(string policyName) : Attribute
    {
        public string PolicyName { get; } = policyName;
    }
}

namespace Microsoft.AspNetCore.OutputCaching
{
    public sealed class CacheVaryByRules
    {
        public IDictionary<string, string> VaryByValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public string? CacheKeyPrefix { get; set; }

        public ISet<string> QueryKeys { get; } = new HashSet<string>();

        public ISet<string> HeaderNames { get; } = new HashSet<string>();

        public bool VaryByHost { get; set; }
    }

    public sealed class OutputCacheContext
    {
        public required HttpContext HttpContext { get; init; }

        public CacheVaryByRules CacheVaryByRules { get; } = new();

        public HashSet<string> Tags { get; } = new();

        public bool EnableOutputCaching { get; set; }

        public bool AllowCacheLookup { get; set; }

        public bool AllowCacheStorage { get; set; }

        public bool AllowLocking { get; set; }

        public TimeSpan? ResponseExpirationTimeSpan { get; set; }
    }

    public interface IOutputCachePolicy
    {
        ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation);

        ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation);

        ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation);
    }

    public sealed class OutputCachePolicyBuilder
    {
        public OutputCachePolicyBuilder Expire(TimeSpan expiration) => this;

        public OutputCachePolicyBuilder Tag(params string[] tags) => this;

        public OutputCachePolicyBuilder SetVaryByQuery(params string[] queryKeys) => this;

        public OutputCachePolicyBuilder SetVaryByHeader(params string[] headerNames) => this;

        public OutputCachePolicyBuilder VaryByValue(Func<HttpContext, KeyValuePair<string, string>> varyBy) => this;

        public OutputCachePolicyBuilder VaryByValue(string key, string value) => this;

        public OutputCachePolicyBuilder AddPolicy(IOutputCachePolicy policy) => this;
    }

    public sealed class OutputCacheOptions
    {
        public void AddPolicy(string name, Action<OutputCachePolicyBuilder> build) => build(new OutputCachePolicyBuilder());

        public void AddPolicy(string name, IOutputCachePolicy policy)
        {
        }

        public void AddBasePolicy(Action<OutputCachePolicyBuilder> build) => build(new OutputCachePolicyBuilder());
    }

    public interface IOutputCacheStore
    {
        ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken);
    }
}
