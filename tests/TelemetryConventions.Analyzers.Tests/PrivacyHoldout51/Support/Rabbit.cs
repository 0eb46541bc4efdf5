using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout51.Support.Rabbit;

// Stand-ins for a RabbitMQ-style client, reduced to the shapes the consumers use.

public interface IReadOnlyBasicProperties
{
    string? MessageId { get; }

    string? CorrelationId { get; }

    string? ContentType { get; }

    string? ReplyTo { get; }

    string? AppId { get; }

    /// <summary>The user the publishing connection authenticated as, validated by the broker.</summary>
    string? UserId { get; }

    string? Type { get; }

    IDictionary<string, object?>? Headers { get; }
}

public sealed class BasicProperties : IReadOnlyBasicProperties
{
    public string? MessageId { get; set; }

    public string? CorrelationId { get; set; }

    public string? ContentType { get; set; }

    public string? ReplyTo { get; set; }

    public string? AppId { get; set; }

    public string? UserId { get; set; }

    public string? Type { get; set; }

    public IDictionary<string, object?>? Headers { get; set; }
}

public sealed class BasicDeliverEventArgs
{
    public required string ConsumerTag { get; init; }

    public ulong DeliveryTag { get; init; }

    public bool Redelivered { get; init; }

    public required string Exchange { get; init; }

    public required string RoutingKey { get; init; }

    public required IReadOnlyBasicProperties BasicProperties { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }
}

public interface IChannel
{
    Task BasicAckAsync(ulong deliveryTag, bool multiple, CancellationToken cancellationToken = default);

    Task BasicNackAsync(ulong deliveryTag, bool multiple, bool requeue, CancellationToken cancellationToken = default);

    Task BasicPublishAsync(string exchange, string routingKey, bool mandatory, BasicProperties basicProperties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);
}

public sealed class AlreadyClosedException(string reason) : Exception($"Already closed: {reason}");
