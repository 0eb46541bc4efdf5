using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for Azure.Messaging.ServiceBus's processor and received messages, and for BinaryData.
// Only the shapes matter.

namespace System
{
    public sealed class BinaryData(ReadOnlyMemory<byte> bytes)
    {
        public static BinaryData FromString(string text) => new(Encoding.UTF8.GetBytes(text));

        public ReadOnlyMemory<byte> ToMemory() => bytes;

        public override string ToString() => Encoding.UTF8.GetString(bytes.Span);
    }
}

namespace Azure.Messaging.ServiceBus
{
    public sealed class ServiceBusReceivedMessage
    {
        public string MessageId { get; init; } = Guid.NewGuid().ToString("N");

        public string? CorrelationId { get; init; }

        public string? Subject { get; init; }

        public string? SessionId { get; init; }

        public int DeliveryCount { get; init; }

        public DateTimeOffset EnqueuedTime { get; init; }

        public long SequenceNumber { get; init; }

        public BinaryData Body { get; init; } = BinaryData.FromString(string.Empty);

        public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();

        public string? DeadLetterReason { get; init; }

        public string? DeadLetterErrorDescription { get; init; }

        public string? DeadLetterSource { get; init; }
    }

    public class ProcessMessageEventArgs(ServiceBusReceivedMessage message, string entityPath, CancellationToken cancellationToken)
    {
        public ServiceBusReceivedMessage Message { get; } = message;

        public string EntityPath { get; } = entityPath;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

        /// <summary>Moves the message to the dead-letter sub-queue with a reason and a description stored on it.</summary>
        public Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public enum ServiceBusErrorSource
    {
        Abandon,
        Complete,
        Receive,
        ProcessMessageCallback,
        RenewLock,
    }

    public sealed class ProcessErrorEventArgs(Exception exception, ServiceBusErrorSource errorSource, string fullyQualifiedNamespace, string entityPath)
    {
        public Exception Exception { get; } = exception;

        public ServiceBusErrorSource ErrorSource { get; } = errorSource;

        public string FullyQualifiedNamespace { get; } = fullyQualifiedNamespace;

        public string EntityPath { get; } = entityPath;
    }

    public sealed class ServiceBusProcessor
    {
        public string EntityPath { get; init; } = string.Empty;

        public event Func<ProcessMessageEventArgs, Task>? ProcessMessageAsync;

        public event Func<ProcessErrorEventArgs, Task>? ProcessErrorAsync;

        public Task StartProcessingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task StopProcessingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        internal Task Raise(ProcessMessageEventArgs args) => ProcessMessageAsync?.Invoke(args) ?? Task.CompletedTask;

        internal Task Raise(ProcessErrorEventArgs args) => ProcessErrorAsync?.Invoke(args) ?? Task.CompletedTask;
    }

    public sealed class ServiceBusReceiver
    {
        public string EntityPath { get; init; } = string.Empty;

        public Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan? maxWaitTime = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ServiceBusReceivedMessage>>(Array.Empty<ServiceBusReceivedMessage>());

        public Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
