namespace SyncKit;

// An offline sync queue's wire format, in the shape of the "push a batch of queued operations, pull
// changes since a token" protocols mobile sync libraries use.

public enum SyncOperationKind
{
    Create,
    Update,
    Delete,
}

/// <summary>One queued change: the entity's type and key, the client's sequence number, and the body as JSON.</summary>
public sealed record SyncOperation(
    Guid OperationId,
    string Entity,
    string EntityKey,
    SyncOperationKind Kind,
    long ClientSequence,
    long BaseVersion,
    DateTimeOffset QueuedAt,
    string PayloadJson);

/// <summary>A batch the client pushes: its client id (generated at install), the token it last pulled with and its operations.</summary>
public sealed record SyncBatch(Guid BatchId, string ClientId, string? SinceToken, IReadOnlyList<SyncOperation> Operations);

public sealed record SyncResult(Guid BatchId, int Applied, int Conflicts, int Rejected, string NextToken);

/// <summary>The server's version moved on since the client's base version; the message names the entity and its key.</summary>
public sealed class SyncConflictException(string entity, string entityKey, long serverVersion, long clientVersion)
    : Exception($"Conflict on {entity} '{entityKey}': server at v{serverVersion}, client based on v{clientVersion}")
{
    public string Entity { get; } = entity;

    public string EntityKey { get; } = entityKey;

    public long ServerVersion { get; } = serverVersion;
}

/// <summary>A queue older than the service accepts; the message gives ages only.</summary>
public sealed class StaleQueueException(TimeSpan age, TimeSpan limit)
    : Exception($"Oldest queued operation is {age.TotalHours:F1} h old; the limit is {limit.TotalHours:F0} h")
{
    public TimeSpan Age { get; } = age;
}

public interface ISyncStore
{
    Task<long> ApplyAsync(SyncOperation operation, CancellationToken cancellationToken = default);

    Task<string> NextTokenAsync(string clientId, CancellationToken cancellationToken = default);
}
