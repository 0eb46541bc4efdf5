namespace MqLite;

/// <summary>A message as the IBM MQ-style client gives it: ids in hex, the queue it came from, the body as text.</summary>
public sealed record MqMessage(string MessageId, string CorrelationId, string QueueName, string? ReplyToQueue, string Format, string Body)
{
    public int BackoutCount { get; init; }

    public DateTimeOffset PutTime { get; init; }
}

public interface IMqQueueManager
{
    string Name { get; }

    Task<MqMessage?> GetAsync(string queueName, TimeSpan wait, CancellationToken cancellationToken);

    Task PutAsync(string queueName, MqMessage message, CancellationToken cancellationToken);
}

/// <summary>A failed MQ call, with its reason code (2033 no message, 2085 unknown queue, 2053 queue full).</summary>
public sealed class MqException(int reasonCode, string queueName)
    : Exception($"MQRC {reasonCode} on {queueName}")
{
    public int ReasonCode { get; } = reasonCode;

    public string QueueName { get; } = queueName;
}

/// <summary>A message moved to the backout queue; the message quotes the body so support can replay it.</summary>
public sealed class PoisonMessageException(string queueName, string messageId, string body)
    : Exception($"Message {messageId} on {queueName} backed out: {body}")
{
    public string QueueName { get; } = queueName;

    public string MessageId { get; } = messageId;
}

/// <summary>An MSMQ-style message: a label, a correlation id and an XML body.</summary>
public sealed class MsmqMessage
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    public string CorrelationId { get; init; } = string.Empty;

    public required string BodyXml { get; init; }

    public DateTime ArrivedTime { get; init; }

    public override string ToString() => $"MsmqMessage {Id} '{Label}'";
}

public interface IMsmqQueue
{
    string Path { get; }

    Task<MsmqMessage?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken);

    Task SendAsync(MsmqMessage message, CancellationToken cancellationToken);
}
