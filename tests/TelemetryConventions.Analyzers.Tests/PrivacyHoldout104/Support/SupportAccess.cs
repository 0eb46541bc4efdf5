namespace TenantKit.SupportAccess;

// Cross-tenant support access ("customer lockbox"): the platform's support agents ask a tenant's admin
// for time-boxed access to the tenant's data on a ticket.

/// <summary>A grant: a record, printed with its members (the agent's and the approver's emails among them).</summary>
public sealed record SupportAccessGrant(
    string GrantId,
    string TenantId,
    string AgentEmail,
    string TicketId,
    string Scope,
    DateTimeOffset ExpiresAt,
    string? ApprovedByEmail);

public sealed record SupportAccessRequest(string TenantId, string AgentEmail, string TicketId, string Scope, TimeSpan Duration);

public interface ISupportAccessStore
{
    Task<SupportAccessGrant?> ActiveGrantAsync(string tenantId, string agentEmail);

    Task<SupportAccessGrant> RequestAsync(SupportAccessRequest request);

    Task<SupportAccessGrant> ApproveAsync(string grantId, string approverEmail);

    Task RevokeAsync(string grantId);
}

/// <summary>No active grant: quotes the agent and the tenant.</summary>
public sealed class SupportAccessDeniedException(string agentEmail, string tenantId)
    : Exception($"Support agent {agentEmail} has no active access grant for tenant {tenantId}.")
{
    public string TenantId { get; } = tenantId;
}

/// <summary>The grant has run out: quotes the grant and the time.</summary>
public sealed class SupportGrantExpiredException(string grantId, DateTimeOffset expiredAt)
    : Exception($"Support access grant {grantId} expired at {expiredAt:O}.")
{
    public string GrantId { get; } = grantId;
}

/// <summary>The grant's scope does not cover what was asked: quotes the scope and the operation.</summary>
public sealed class SupportScopeException(string scope, string operation)
    : Exception($"Grant scope '{scope}' does not allow '{operation}'.");
