namespace TenantKit.Offboarding;

/// <summary>A tenant's request to leave the platform: a record, printed with its members (the requester's email among them).</summary>
public sealed record OffboardingRequest(string RequestId, string TenantId, string RequestedByEmail, string Reason, DateTimeOffset RetainUntil);

/// <summary>An export of a tenant's data before deletion: ids, a blob path named by tenant and export, counts.</summary>
public sealed record TenantExport(string ExportId, string TenantId, string BlobPath, long Rows, long Bytes);

/// <summary>What a purge deleted: counts per table.</summary>
public sealed record PurgeResult(string TenantId, int TablesPurged, long RowsDeleted, int BlobsDeleted, TimeSpan Duration);

public interface ITenantExporter
{
    Task<TenantExport> ExportAsync(string tenantId, CancellationToken cancellationToken);

    Task<string> PreviewAsync(string tenantId, string table, int rows);
}

public interface ITenantPurger
{
    Task<PurgeResult> PurgeAsync(string tenantId, CancellationToken cancellationToken);
}

/// <summary>The tenant is under a legal hold: quotes the tenant and the hold.</summary>
public sealed class LegalHoldException(string tenantId, string holdId)
    : Exception($"Tenant {tenantId} is under legal hold {holdId}; purge refused.")
{
    public string HoldId { get; } = holdId;
}

/// <summary>A purge step failed: quotes the step and the tenant, with the cause as inner exception.</summary>
public sealed class PurgeStepFailedException(string step, string tenantId, Exception inner)
    : Exception($"Purge step '{step}' failed for tenant {tenantId}.", inner)
{
    public string Step { get; } = step;
}

/// <summary>A user could not be removed from the identity provider: quotes the user's email.</summary>
public sealed class UserDeprovisionException(string email, string reason)
    : Exception($"Could not deprovision {email}: {reason}.");
