using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Linq;

namespace PrivacyHoldout23.Support.Messaging;

// Integration events and the transactional outbox, as the services' infrastructure project has them.

public interface IIntegrationEvent
{
    Guid Id { get; }

    DateTime OccurredOnUtc { get; }
}

public abstract record IntegrationEvent : IIntegrationEvent
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public DateTime OccurredOnUtc { get; init; } = DateTime.UtcNow;
}

public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Type { get; init; }

    /// <summary>The integration event serialised as JSON.</summary>
    public required string Content { get; init; }

    public DateTime OccurredOnUtc { get; init; }

    public DateTime? ProcessedOnUtc { get; set; }

    public string? Error { get; set; }

    public int Attempts { get; set; }

    public string? Destination { get; init; }

    /// <summary>The partition key the broker orders messages by.</summary>
    public string? PartitionKey { get; init; }
}

public interface IOutboxStore
{
    Task AddAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OutboxMessage>> GetUnprocessedAsync(int batchSize, CancellationToken cancellationToken = default);

    Task MarkProcessedAsync(OutboxMessage message, CancellationToken cancellationToken = default);
}

public interface IEventBus
{
    Task PublishAsync(string destination, string? partitionKey, string type, string content, CancellationToken cancellationToken = default);
}

public sealed class BrokerUnavailableException(string broker) : Exception($"Broker '{broker}' did not acknowledge the message in time.")
{
    public string Broker { get; } = broker;
}

/// <summary>Minimal FluentValidation-like result types.</summary>
public sealed record ValidationFailure(string PropertyName, string ErrorMessage, object? AttemptedValue, string ErrorCode);

public sealed class ValidationResult
{
    public List<ValidationFailure> Errors { get; } = new();

    public bool IsValid => Errors.Count == 0;

    public override string ToString() => string.Join(Environment.NewLine, Errors.ConvertAll(e => e.ErrorMessage));
}

public interface IValidator<in T>
{
    Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellationToken = default);
}

public sealed class ValidationException(IReadOnlyList<ValidationFailure> failures)
    : Exception("Validation failed: " + string.Join("; ", failures.Select(f => f.ErrorMessage)))
{
    public IReadOnlyList<ValidationFailure> Failures { get; } = failures;
}
