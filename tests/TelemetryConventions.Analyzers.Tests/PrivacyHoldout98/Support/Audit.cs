namespace AdminKit.Audit;

/// <summary>One field an admin changed. Prints its members.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>The audit trail's entry for an admin action. Prints its members (changes as their type's name).</summary>
public sealed record AdminAuditEntry(Guid AuditId, string Action, string ActorUpn, string TargetType, string TargetId, DateTimeOffset At)
{
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    public string? CaseId { get; init; }

    public Guid? ImpersonationSessionId { get; init; }
}

/// <summary>The append-only audit store (a database table or an immutable blob container): not telemetry.</summary>
public interface IAdminAuditLog
{
    Task AppendAsync(AdminAuditEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AdminAuditEntry>> ForTargetAsync(string targetType, string targetId, CancellationToken cancellationToken = default);
}

/// <summary>Quotes the entry's id and the store.</summary>
public sealed class AuditWriteException(Guid auditId, string store) : Exception($"Audit entry {auditId} could not be written to {store}");
