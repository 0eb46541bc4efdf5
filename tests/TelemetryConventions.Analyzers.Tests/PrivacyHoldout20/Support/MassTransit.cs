using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for MassTransit (consumers, faults, saga state machines), reduced to the members the
// workflows of the corpus use. Only the shapes matter.

namespace MassTransit
{
    public interface Headers : IEnumerable<KeyValuePair<string, object>>
    {
        bool TryGetHeader(string key, out object? value);

        T? Get<T>(string key, T? defaultValue = default) where T : class;
    }

    public interface ConsumeContext
    {
        Guid? MessageId { get; }

        Guid? CorrelationId { get; }

        Guid? ConversationId { get; }

        Guid? InitiatorId { get; }

        Uri? SourceAddress { get; }

        Headers Headers { get; }

        CancellationToken CancellationToken { get; }

        Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class;
    }

    public interface ConsumeContext<out T> : ConsumeContext where T : class
    {
        T Message { get; }
    }

    public interface IConsumer<in TMessage> where TMessage : class
    {
        Task Consume(ConsumeContext<TMessage> context);
    }

    public interface ExceptionInfo
    {
        string ExceptionType { get; }

        string Message { get; }

        string? StackTrace { get; }

        string Source { get; }

        ExceptionInfo? InnerException { get; }
    }

    /// <summary>Published when a consumer throws; carries the message and the exceptions' types and messages.</summary>
    public interface Fault<out T> where T : class
    {
        Guid FaultId { get; }

        Guid? FaultedMessageId { get; }

        DateTime Timestamp { get; }

        ExceptionInfo[] Exceptions { get; }

        T Message { get; }
    }

    public interface SagaStateMachineInstance
    {
        Guid CorrelationId { get; set; }
    }

    public sealed class State(string name)
    {
        public string Name { get; } = name;

        public override string ToString() => Name;
    }

    public sealed class Event<TData>(string name) where TData : class
    {
        public string Name { get; } = name;
    }

    public interface BehaviorContext<out TSaga> : ConsumeContext where TSaga : class, SagaStateMachineInstance
    {
        TSaga Saga { get; }
    }

    public interface BehaviorContext<out TSaga, out TMessage> : BehaviorContext<TSaga>, ConsumeContext<TMessage>
        where TSaga : class, SagaStateMachineInstance
        where TMessage : class
    {
    }

    public sealed class EventActivityBinder<TSaga, TMessage>
        where TSaga : class, SagaStateMachineInstance
        where TMessage : class
    {
        public EventActivityBinder<TSaga, TMessage> Then(Action<BehaviorContext<TSaga, TMessage>> action) => this;

        public EventActivityBinder<TSaga, TMessage> ThenAsync(Func<BehaviorContext<TSaga, TMessage>, Task> action) => this;

        public EventActivityBinder<TSaga, TMessage> TransitionTo(State toState) => this;

        public EventActivityBinder<TSaga, TMessage> Finalize() => this;

        public EventActivityBinder<TSaga, TMessage> Publish<T>(Func<BehaviorContext<TSaga, TMessage>, T> messageFactory) where T : class => this;
    }

    public interface IEventCorrelationConfigurator<TSaga, TMessage>
        where TSaga : class, SagaStateMachineInstance
        where TMessage : class
    {
        IEventCorrelationConfigurator<TSaga, TMessage> CorrelateById(Func<ConsumeContext<TMessage>, Guid> selector);

        IEventCorrelationConfigurator<TSaga, TMessage> SelectId(Func<ConsumeContext<TMessage>, Guid> selector);
    }

    public abstract class MassTransitStateMachine<TSaga> where TSaga : class, SagaStateMachineInstance
    {
        public State Initial { get; } = new("Initial");

        public State Final { get; } = new("Final");

        protected void InstanceState(Func<TSaga, string?> property)
        {
        }

        protected void Event<TMessage>(Func<Event<TMessage>> property, Action<IEventCorrelationConfigurator<TSaga, TMessage>>? configure = null) where TMessage : class
        {
        }

        protected EventActivityBinder<TSaga, TMessage> When<TMessage>(Event<TMessage> @event) where TMessage : class => new();

        protected void Initially(params object[] activities)
        {
        }

        protected void During(State state, params object[] activities)
        {
        }

        protected void DuringAny(params object[] activities)
        {
        }

        protected void SetCompletedWhenFinalized()
        {
        }
    }

    public static class NewId
    {
        public static Guid NextGuid() => Guid.NewGuid();
    }
}
