namespace PrivacyHoldout67.Support;

// Stand-ins for the message broker client the services use (shaped like Azure Service Bus): messages
// carry application properties, which is where the trace context and baggage headers travel.

public sealed class OutboundMessage
{
    public string MessageId { get; init; } = Guid.NewGuid().ToString("N");

    public string? Subject { get; init; }

    public string? CorrelationId { get; init; }

    public string Body { get; init; } = string.Empty;

    public IDictionary<string, object?> ApplicationProperties { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}

public sealed class InboundMessage
{
    public required string MessageId { get; init; }

    public string? Subject { get; init; }

    public string? CorrelationId { get; init; }

    public string? PartitionKey { get; init; }

    public required string Body { get; init; }

    public long SequenceNumber { get; init; }

    public int DeliveryCount { get; init; }

    public DateTimeOffset EnqueuedTime { get; init; }

    public IReadOnlyDictionary<string, object?> ApplicationProperties { get; init; } = new Dictionary<string, object?>();
}

public interface IMessageSender
{
    string EntityPath { get; }

    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}

public interface IBatchReceiver
{
    string EntityPath { get; }

    Task<IReadOnlyList<InboundMessage>> ReceiveBatchAsync(int maxMessages, CancellationToken cancellationToken);

    Task CompleteAsync(InboundMessage message, CancellationToken cancellationToken = default);

    Task DeadLetterAsync(InboundMessage message, string reason, CancellationToken cancellationToken = default);
}

/// <summary>The team's carrier accessors for the propagator, shared by every service.</summary>
public static class MessageCarrier
{
    public static readonly Action<OutboundMessage, string, string> Setter =
        static (message, key, value) => message.ApplicationProperties[key] = value;

    public static readonly Func<InboundMessage, string, IEnumerable<string>> Getter =
        static (message, key) => message.ApplicationProperties.TryGetValue(key, out var value) && value is string text
            ? new[] { text }
            : Array.Empty<string>();
}
