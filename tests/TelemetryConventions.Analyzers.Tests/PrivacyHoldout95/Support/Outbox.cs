namespace Outboxing;

/// <summary>
/// A row of the transactional outbox, written in the same transaction as the change it announces. A record: prints
/// its members, the serialised <see cref="Content"/> included.
/// </summary>
public sealed record OutboxMessage(Guid Id, string Type, string Destination, string Content, DateTimeOffset OccurredOnUtc)
{
    /// <summary>The broker key the destination is partitioned by; null for unkeyed destinations.</summary>
    public string? PartitionKey { get; init; }

    public int Attempts { get; init; }

    /// <summary>The last publish error, copied from the exception's message.</summary>
    public string? Error { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? ProcessedOnUtc { get; init; }
}

/// <summary>The outbox table (not telemetry): rows are added in the transaction of the change they announce.</summary>
public interface IOutboxStore
{
    Task AddAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OutboxMessage>> FetchUnprocessedAsync(int batchSize, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task MarkProcessedAsync(Guid id, DateTimeOffset processedAt, CancellationToken cancellationToken = default);

    Task MarkFailedAsync(Guid id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken = default);

    Task<int> CountPendingAsync(CancellationToken cancellationToken = default);
}

/// <summary>Why a message was dead-lettered, chosen by the service.</summary>
public enum DeadLetterReason
{
    MaxAttemptsExceeded,
    PoisonMessage,
    SchemaMismatch,
    Expired,
    ValidationFailed,
}

/// <summary>A dead-lettered message kept for an operator to inspect and requeue. A record: prints its members, the payload included.</summary>
public sealed record DeadLetter(Guid Id, string Source, string MessageType, string Payload, DeadLetterReason Reason, int Attempts, DateTimeOffset DeadLetteredAt)
{
    /// <summary>The last error's message, as the failing code threw it.</summary>
    public string? ErrorMessage { get; init; }

    public string? PartitionKey { get; init; }
}

/// <summary>The dead-letter table (not telemetry).</summary>
public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeadLetter>> ListAsync(string source, int take, CancellationToken cancellationToken = default);

    Task<DeadLetter?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <summary>Publishes to the broker (not telemetry).</summary>
public interface IMessageBroker
{
    Task PublishAsync(string destination, string? key, string payload, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default);
}

/// <summary>The broker refused or could not take a message; names the destination and the broker's status.</summary>
public sealed class BrokerUnavailableException(string destination, string status) : Exception($"Publish to '{destination}' failed: {status}")
{
    public string Destination { get; } = destination;

    public string Status { get; } = status;
}

/// <summary>A message the handler can never process; <paramref name="detail"/> is what the handler wrote.</summary>
public sealed class PoisonMessageException(string messageType, string detail) : Exception($"{messageType} cannot be processed: {detail}")
{
    public string MessageType { get; } = messageType;
}

/// <summary>Thrown when a retried operation gives up; quotes the operation key it was given.</summary>
public sealed class RetryExhaustedException(string operationKey, int attempts, Exception lastError)
    : Exception($"Operation '{operationKey}' failed after {attempts} attempts", lastError)
{
    public string OperationKey { get; } = operationKey;

    public int Attempts { get; } = attempts;
}

/// <summary>Retry delays.</summary>
public static class Backoff
{
    public static TimeSpan Exponential(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var ticks = baseDelay.Ticks * Math.Pow(2, Math.Max(0, attempt - 1));
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public static TimeSpan WithJitter(TimeSpan delay) => delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000));
}

/// <summary>The inbox: message ids already handled, so a redelivery is dropped (not telemetry).</summary>
public interface IInboxStore
{
    Task<bool> TryRecordAsync(string key, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);
}
