using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout51.Support.ServiceBus;

// Stand-ins for an Azure Service Bus-style client, reduced to the shapes the processors use.

public sealed class BinaryData(byte[] bytes)
{
    public static BinaryData FromString(string text) => new(Encoding.UTF8.GetBytes(text));

    public static BinaryData FromObjectAsJson<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value));

    public T? ToObjectFromJson<T>() => JsonSerializer.Deserialize<T>(bytes);

    public ReadOnlyMemory<byte> ToMemory() => bytes;

    public override string ToString() => Encoding.UTF8.GetString(bytes);
}

public sealed class ServiceBusReceivedMessage
{
    public required string MessageId { get; init; }

    public string? CorrelationId { get; init; }

    public string? SessionId { get; init; }

    public string? PartitionKey { get; init; }

    public string? Subject { get; init; }

    public string? ContentType { get; init; }

    public string? ReplyTo { get; init; }

    public required BinaryData Body { get; init; }

    public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();

    public int DeliveryCount { get; init; }

    public long SequenceNumber { get; init; }

    public DateTimeOffset EnqueuedTime { get; init; }

    public string? DeadLetterSource { get; init; }

    public string? DeadLetterReason { get; init; }

    public string? DeadLetterErrorDescription { get; init; }
}

public sealed class ServiceBusMessage
{
    public ServiceBusMessage(BinaryData body) => Body = body;

    public BinaryData Body { get; }

    public string? MessageId { get; set; }

    public string? CorrelationId { get; set; }

    public string? SessionId { get; set; }

    public string? PartitionKey { get; set; }

    public string? Subject { get; set; }

    public IDictionary<string, object> ApplicationProperties { get; } = new Dictionary<string, object>();
}

public class ProcessMessageEventArgs
{
    public required ServiceBusReceivedMessage Message { get; init; }

    public required string EntityPath { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

public sealed class ProcessSessionMessageEventArgs
{
    public required ServiceBusReceivedMessage Message { get; init; }

    public required string EntityPath { get; init; }

    public string SessionId => Message.SessionId ?? string.Empty;

    public CancellationToken CancellationToken { get; init; }

    public Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<BinaryData?> GetSessionStateAsync(CancellationToken cancellationToken = default) => Task.FromResult<BinaryData?>(null);

    public Task SetSessionStateAsync(BinaryData? sessionState, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

public enum ServiceBusErrorSource
{
    Receive,
    Complete,
    Abandon,
    ProcessMessageCallback,
    AcceptSession,
    CloseSession,
}

public sealed class ProcessErrorEventArgs
{
    public required Exception Exception { get; init; }

    public ServiceBusErrorSource ErrorSource { get; init; }

    public required string FullyQualifiedNamespace { get; init; }

    public required string EntityPath { get; init; }
}

public enum ServiceBusFailureReason
{
    GeneralError,
    MessagingEntityNotFound,
    MessageLockLost,
    SessionLockLost,
    ServiceBusy,
    ServiceTimeout,
    QuotaExceeded,
}

public sealed class ServiceBusException(string message, ServiceBusFailureReason reason, string? entityPath = null) : Exception(message)
{
    public ServiceBusFailureReason Reason { get; } = reason;

    public string? EntityPath { get; } = entityPath;

    public bool IsTransient => Reason is ServiceBusFailureReason.ServiceBusy or ServiceBusFailureReason.ServiceTimeout;
}

public sealed class ServiceBusSender
{
    public required string EntityPath { get; init; }

    public Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
