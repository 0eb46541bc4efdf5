using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout51.Support.MassTransit;

// Stand-ins for a MassTransit-style bus, reduced to the shapes the consumers use.

public interface IConsumer<in TMessage>
    where TMessage : class
{
    Task Consume(ConsumeContext<TMessage> context);
}

public interface IConsumer
{
}

public interface Headers : IEnumerable<KeyValuePair<string, object>>
{
    T? Get<T>(string key, T? defaultValue = default)
        where T : class;

    bool TryGetHeader(string key, out object? value);

    IEnumerable<KeyValuePair<string, object>> GetAll();
}

public interface ConsumeContext
{
    Guid? MessageId { get; }

    Guid? RequestId { get; }

    Guid? CorrelationId { get; }

    Guid? ConversationId { get; }

    Guid? InitiatorId { get; }

    Uri? SourceAddress { get; }

    Uri? DestinationAddress { get; }

    Uri? FaultAddress { get; }

    DateTime? SentTime { get; }

    Headers Headers { get; }

    CancellationToken CancellationToken { get; }

    Task Publish<T>(T message, CancellationToken cancellationToken = default)
        where T : class;

    Task Publish<T>(T message, Action<PublishContext<T>> configure, CancellationToken cancellationToken = default)
        where T : class;

    Task RespondAsync<T>(T message)
        where T : class;
}

public interface ConsumeContext<out T> : ConsumeContext
    where T : class
{
    T Message { get; }
}

public interface PublishContext<out T>
    where T : class
{
    T Message { get; }

    Guid? CorrelationId { get; set; }

    SendHeaders Headers { get; }
}

public interface SendHeaders
{
    void Set(string key, string? value);
}

public static class RetryContextExtensions
{
    /// <summary>The immediate retry attempt (0 on the first delivery).</summary>
    public static int GetRetryAttempt(this ConsumeContext context) => 0;

    /// <summary>How many times the message was redelivered after a delay.</summary>
    public static int GetRedeliveryCount(this ConsumeContext context) => 0;
}

public interface ExceptionInfo
{
    string ExceptionType { get; }

    ExceptionInfo? InnerException { get; }

    string? StackTrace { get; }

    string Message { get; }

    string? Source { get; }
}

public interface HostInfo
{
    string MachineName { get; }

    string ProcessName { get; }

    string Assembly { get; }
}

/// <summary>Published by the bus when a consumer throws on the last retry.</summary>
public interface Fault<out T>
    where T : class
{
    Guid FaultId { get; }

    Guid? FaultedMessageId { get; }

    DateTime Timestamp { get; }

    ExceptionInfo[] Exceptions { get; }

    HostInfo Host { get; }

    string[] FaultMessageTypes { get; }

    T Message { get; }
}

public interface CorrelatedBy<out TKey>
{
    TKey CorrelationId { get; }
}

/// <summary>A consumer saga: its instance is loaded and saved by the saga repository.</summary>
public interface ISaga
{
    Guid CorrelationId { get; set; }
}

public interface InitiatedBy<in TMessage> : IConsumer<TMessage>
    where TMessage : class, CorrelatedBy<Guid>
{
}

public interface Orchestrates<in TMessage> : IConsumer<TMessage>
    where TMessage : class, CorrelatedBy<Guid>
{
}

public interface IPipe<in TContext>
{
    Task Send(TContext context);
}

public interface IFilter<TContext>
{
    Task Send(TContext context, IPipe<TContext> next);
}

public static class NewId
{
    public static Guid NextGuid() => Guid.NewGuid();
}

public static class ServiceProviderContextExtensions
{
    /// <summary>Resolves a service from the scope the message is consumed in.</summary>
    public static T GetServiceOrCreateInstance<T>(this ConsumeContext context)
        where T : class => throw new NotSupportedException("Resolved from the consume scope at run time.");
}
