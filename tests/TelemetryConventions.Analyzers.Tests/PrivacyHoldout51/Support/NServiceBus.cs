using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout51.Support.NServiceBus;

// Stand-ins for an NServiceBus-style endpoint, reduced to the shapes the handlers and sagas use.

public interface IHandleMessages<in T>
{
    Task Handle(T message, IMessageHandlerContext context);
}

public interface IAmStartedByMessages<in T> : IHandleMessages<T>
{
}

/// <summary>Sends messages from outside a handler (a hosted service, a controller).</summary>
public interface IMessageSession
{
    Task Send(object message, SendOptions? options = null);

    Task Publish(object message, PublishOptions? options = null);
}

public interface IHandleTimeouts<in T>
{
    Task Timeout(T state, IMessageHandlerContext context);
}

public interface IMessageHandlerContext
{
    string MessageId { get; }

    string ReplyToAddress { get; }

    IReadOnlyDictionary<string, string> MessageHeaders { get; }

    CancellationToken CancellationToken { get; }

    Task Send(object message, SendOptions? options = null);

    Task Publish(object message, PublishOptions? options = null);

    Task Reply(object message);

    void DoNotContinueDispatchingCurrentMessageToHandlers();
}

public sealed class SendOptions
{
    public void SetHeader(string key, string value)
    {
    }

    public void SetDestination(string destination)
    {
    }

    public void DelayDeliveryWith(TimeSpan delay)
    {
    }
}

public sealed class PublishOptions
{
    public void SetHeader(string key, string value)
    {
    }
}

public interface IContainSagaData
{
    Guid Id { get; set; }

    string? Originator { get; set; }

    string? OriginalMessageId { get; set; }
}

public abstract class ContainSagaData : IContainSagaData
{
    public virtual Guid Id { get; set; }

    public virtual string? Originator { get; set; }

    public virtual string? OriginalMessageId { get; set; }
}

public sealed class SagaPropertyMapper<TSagaData>
{
    public CorrelatedSagaPropertyMapper<TSagaData> MapSaga(Expression<Func<TSagaData, object?>> sagaProperty) => new();
}

public sealed class CorrelatedSagaPropertyMapper<TSagaData>
{
    public CorrelatedSagaPropertyMapper<TSagaData> ToMessage<TMessage>(Expression<Func<TMessage, object?>> messageProperty) => this;
}

public abstract class Saga<TSagaData>
    where TSagaData : class, IContainSagaData, new()
{
    public TSagaData Data { get; set; } = new();

    public bool Completed { get; private set; }

    protected abstract void ConfigureHowToFindSaga(SagaPropertyMapper<TSagaData> mapper);

    protected void MarkAsComplete() => Completed = true;

    protected Task RequestTimeout<TTimeout>(IMessageHandlerContext context, TimeSpan within, TTimeout timeoutMessage) => Task.CompletedTask;

    protected Task ReplyToOriginator(IMessageHandlerContext context, object message) => Task.CompletedTask;
}

/// <summary>Header names the endpoint writes.</summary>
public static class Headers
{
    public const string MessageId = "NServiceBus.MessageId";
    public const string CorrelationId = "NServiceBus.CorrelationId";
    public const string ConversationId = "NServiceBus.ConversationId";
    public const string EnclosedMessageTypes = "NServiceBus.EnclosedMessageTypes";
    public const string OriginatingEndpoint = "NServiceBus.OriginatingEndpoint";
    public const string OriginatingMachine = "NServiceBus.OriginatingMachine";
    public const string ProcessingEndpoint = "NServiceBus.ProcessingEndpoint";
    public const string TimeSent = "NServiceBus.TimeSent";
    public const string DelayedRetries = "NServiceBus.Retries";
    public const string ImmediateRetries = "NServiceBus.ImmediateRetries";
    public const string FailedQ = "NServiceBus.FailedQ";
    public const string ExceptionInfoExceptionType = "NServiceBus.ExceptionInfo.ExceptionType";
    public const string ExceptionInfoMessage = "NServiceBus.ExceptionInfo.Message";
    public const string ExceptionInfoStackTrace = "NServiceBus.ExceptionInfo.StackTrace";
}

/// <summary>Pipeline behaviours: the endpoint calls them around every handler.</summary>
public abstract class Behavior<TContext>
{
    public abstract Task Invoke(TContext context, Func<Task> next);
}

public sealed class LogicalMessage
{
    public required Type MessageType { get; init; }

    public required object Instance { get; init; }
}

public interface IIncomingLogicalMessageContext
{
    string MessageId { get; }

    LogicalMessage Message { get; }

    IReadOnlyDictionary<string, string> Headers { get; }
}

/// <summary>What recoverability hands to subscribers when a message is moved to the error queue.</summary>
public sealed class FailedMessage
{
    public required string MessageId { get; init; }

    public required Dictionary<string, string> Headers { get; init; }

    public required byte[] Body { get; init; }

    public required Exception Exception { get; init; }

    public required string ErrorQueue { get; init; }
}

public sealed class DelayedRetryMessage
{
    public required string MessageId { get; init; }

    public required Dictionary<string, string> Headers { get; init; }

    public required Exception Exception { get; init; }

    public int RetryAttempt { get; init; }

    public TimeSpan Delay { get; init; }
}
