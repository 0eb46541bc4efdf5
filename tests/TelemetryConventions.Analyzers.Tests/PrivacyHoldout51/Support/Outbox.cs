using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout51.Support.Outbox;

// The transactional outbox and inbox tables the services keep beside their own data.

/// <summary>A row of the outbox: an integration event written in the same transaction as the change.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    public required string Type { get; init; }

    public required string Destination { get; init; }

    public string? PartitionKey { get; init; }

    /// <summary>The serialised integration event.</summary>
    public required string Content { get; init; }

    public int Attempts { get; set; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public string? LastError { get; set; }
}

public interface IOutboxStore
{
    Task<IReadOnlyList<OutboxMessage>> FetchPendingAsync(int batchSize, CancellationToken cancellationToken);

    Task MarkProcessedAsync(Guid id, CancellationToken cancellationToken);

    Task MarkFailedAsync(Guid id, string error, CancellationToken cancellationToken);
}

/// <summary>The inbox: one row per message a consumer has handled, so redeliveries are ignored.</summary>
public interface IInboxStore
{
    Task<bool> TryRecordAsync(string messageKey, string consumer, CancellationToken cancellationToken);
}

public sealed class BrokerUnavailableException(string broker) : Exception($"Broker '{broker}' is unavailable.")
{
    public string Broker { get; } = broker;
}
