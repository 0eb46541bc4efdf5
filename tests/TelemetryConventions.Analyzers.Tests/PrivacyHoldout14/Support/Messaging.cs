using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout14.Support;

/// <summary>A message as the bus hands it to a handler.</summary>
public sealed class MessageContext<TMessage>
{
    public required TMessage Message { get; init; }

    public required string MessageId { get; init; }

    public string? CorrelationId { get; init; }

    public int DeliveryCount { get; init; } = 1;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

public interface IMessageHandler<TMessage>
{
    Task HandleAsync(MessageContext<TMessage> context, CancellationToken cancellationToken);
}

public interface IMessagePublisher
{
    Task PublishAsync<TMessage>(TMessage message, CancellationToken cancellationToken);
}

/// <summary>A realtime connection (a game client), reduced to what the services read.</summary>
public sealed class ClientConnection
{
    public required string ConnectionId { get; init; }

    public required System.Net.IPAddress RemoteAddress { get; init; }

    public int RemotePort { get; init; }

    public string? UserIdentifier { get; init; }
}
