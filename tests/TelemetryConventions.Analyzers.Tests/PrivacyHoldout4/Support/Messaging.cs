using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout4.Support;

// Stand-ins for a message bus (consumers with a context, envelopes and headers), scheduled jobs and
// function triggers, so that the corpus compiles without those frameworks. Only the shapes matter.

public interface IHeaders : IEnumerable<KeyValuePair<string, object>>
{
    T? Get<T>(string key);

    bool TryGetHeader(string key, out object? value);
}

public interface ConsumeContext<out TMessage>
    where TMessage : class
{
    TMessage Message { get; }

    Guid? MessageId { get; }

    Guid? CorrelationId { get; }

    Uri? SourceAddress { get; }

    IHeaders Headers { get; }

    int RetryAttempt { get; }

    CancellationToken CancellationToken { get; }

    Task Publish<T>(T message)
        where T : class;
}

public interface IConsumer<in TMessage>
    where TMessage : class
{
    Task Consume(ConsumeContext<TMessage> context);
}

/// <summary>A handler in the style of buses that pass the message and a handler context apart.</summary>
public interface IHandleMessages<in TMessage>
{
    Task Handle(TMessage message, IMessageHandlerContext context);
}

public interface IMessageHandlerContext
{
    string MessageId { get; }

    IReadOnlyDictionary<string, string> MessageHeaders { get; }

    Task Send(object message);
}

public sealed class Fault<T>(T message, string[] exceptionMessages)
{
    public T Message { get; } = message;

    public IReadOnlyList<string> ExceptionMessages { get; } = exceptionMessages;
}

public interface IJob
{
    Task Execute(IJobExecutionContext context);
}

public interface IJobExecutionContext
{
    string JobName { get; }

    IDictionary<string, object> MergedJobDataMap { get; }

    DateTimeOffset FireTimeUtc { get; }

    CancellationToken CancellationToken { get; }
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class FunctionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class QueueTriggerAttribute(string queueName) : Attribute
{
    public string QueueName { get; } = queueName;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class TimerTriggerAttribute(string schedule) : Attribute
{
    public string Schedule { get; } = schedule;
}

public sealed class TimerInfo
{
    public bool IsPastDue { get; init; }
}

public sealed class FunctionContext
{
    public string InvocationId { get; init; } = Guid.NewGuid().ToString("N");

    public string FunctionName { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, object?> BindingData { get; init; } = new Dictionary<string, object?>();
}
