namespace AdminKit;

/// <summary>A member of staff signed in to the console, as the console's auth handler builds it. Prints its members (roles as their type's name).</summary>
public sealed record StaffPrincipal(string StaffId, string Upn, string DisplayName, IReadOnlyList<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}

/// <summary>What the operator asks for when they press "Log in as". Prints its members.</summary>
public sealed record ImpersonationRequest(string TargetId, string ReasonCode, string? CaseId, string? Justification = null);

/// <summary>
/// An open "log in as" session, in the shape of the impersonation tickets of ASP.NET Identity-based consoles:
/// who acts, as whom, why and until when. A class: it does not override <c>ToString</c>.
/// </summary>
public sealed class ImpersonationSession
{
    public Guid SessionId { get; init; } = Guid.NewGuid();

    public required StaffPrincipal Operator { get; init; }

    /// <summary>The account acted as (a patient's hospital number, a student number, an account number…).</summary>
    public required string TargetId { get; init; }

    public required string ReasonCode { get; init; }

    public string? CaseId { get; init; }

    /// <summary>What the operator typed in the "why" box.</summary>
    public string? Justification { get; init; }

    public bool ReadOnly { get; init; } = true;

    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset ExpiresAt { get; init; } = DateTimeOffset.UtcNow.AddMinutes(30);

    /// <summary>The claims the impersonated cookie carries: <c>sub</c> is the target, <c>act</c> the operator.</summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>();
}

public interface IImpersonationService
{
    Task<ImpersonationSession> StartAsync(StaffPrincipal by, ImpersonationRequest request, CancellationToken cancellationToken = default);

    Task<ImpersonationSession?> FindAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task EndAsync(Guid sessionId, CancellationToken cancellationToken = default);
}

/// <summary>The policy's refusal, quoting the account and the rule (<c>Impersonation of '…' refused by rule …</c>).</summary>
public sealed class ImpersonationDeniedException(string targetId, string rule)
    : Exception($"Impersonation of '{targetId}' refused by rule {rule}")
{
    public string Rule { get; } = rule;
}

/// <summary>A session used after its expiry. Quotes the session id and the time.</summary>
public sealed class ImpersonationExpiredException(Guid sessionId, DateTimeOffset expiredAt)
    : Exception($"Impersonation session {sessionId} expired at {expiredAt:O}")
{
    public Guid SessionId { get; } = sessionId;
}

/// <summary>An action the console refuses for lack of a permission. Quotes the permission.</summary>
public sealed class AdminForbiddenException(string permission) : Exception($"Missing permission '{permission}'")
{
    public string Permission { get; } = permission;
}

/// <summary>A dangerous action that needs a second approver. Quotes the action and the count.</summary>
public sealed class FourEyesRequiredException(string action, int approvals)
    : Exception($"Action '{action}' needs {approvals} approval(s) before it runs");

/// <summary>Break-glass access to a record outside the operator's normal permissions. Prints its members.</summary>
public sealed record BreakGlassGrant(string GrantId, string StaffId, string TargetId, string ReasonCode, string Justification, DateTimeOffset ExpiresAt);

public interface IBreakGlassStore
{
    Task<BreakGlassGrant> OpenAsync(StaffPrincipal by, string targetId, string reasonCode, string justification, CancellationToken cancellationToken = default);

    Task<int> UsedTodayAsync(string staffId, CancellationToken cancellationToken = default);
}

/// <summary>Quotes the staff id and the role, as the grant store's policy writes it.</summary>
public sealed class BreakGlassNotPermittedException(string staffId, string role)
    : Exception($"Staff {staffId} in role {role} may not break glass");

/// <summary>What an agent types in the support lookup box and which field it matches.</summary>
public sealed record CustomerSearch(string Term, string Field, int Limit = 25);

/// <summary>One result of a support lookup. Prints its members.</summary>
public sealed record SearchHit(string RecordId, string DisplayName, string MatchedOn, double Score);

public interface ISupportDirectory
{
    Task<IReadOnlyList<SearchHit>> SearchAsync(CustomerSearch search, CancellationToken cancellationToken = default);
}

/// <summary>The per-agent lookup quota. Quotes the quota only.</summary>
public sealed class LookupThrottledException(int perHour) : Exception($"Lookup quota of {perHour} per hour reached")
{
    public int PerHour { get; } = perHour;
}
