namespace GraphQLite.DataLoader
{
    public interface IDataLoader
    {
        string Name { get; }
    }

    public interface IBatchScheduler;

    public sealed record DataLoaderOptions(int MaxBatchSize = 1024, bool Caching = true);

    /// <summary>Batches the keys one execution step asks for and loads them with one call.</summary>
    public abstract class BatchDataLoader<TKey, TValue>(IBatchScheduler scheduler, DataLoaderOptions options) : IDataLoader
        where TKey : notnull
    {
        public IBatchScheduler Scheduler { get; } = scheduler;

        public DataLoaderOptions Options { get; } = options;

        public virtual string Name => GetType().Name;

        public async Task<TValue?> LoadAsync(TKey key, CancellationToken cancellationToken = default)
        {
            var batch = await LoadBatchAsync([key], cancellationToken);
            return batch.TryGetValue(key, out var value) ? value : default;
        }

        protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
    }

    /// <summary>Loads a group of values per key (the appointments of each patient).</summary>
    public abstract class GroupedDataLoader<TKey, TValue>(IBatchScheduler scheduler, DataLoaderOptions options) : IDataLoader
        where TKey : notnull
    {
        public IBatchScheduler Scheduler { get; } = scheduler;

        public DataLoaderOptions Options { get; } = options;

        public virtual string Name => GetType().Name;

        public async Task<TValue[]> LoadAsync(TKey key, CancellationToken cancellationToken = default)
        {
            var lookup = await LoadGroupedBatchAsync([key], cancellationToken);
            return lookup[key].ToArray();
        }

        protected abstract Task<ILookup<TKey, TValue>> LoadGroupedBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
    }
}

namespace GraphQLite.Diagnostics
{
    using GraphQLite.DataLoader;
    using GraphQLite.Subscriptions;

    public enum ErrorKind
    {
        SyntaxError,
        ValidationError,
        RequestError,
        FieldError,
        OtherError,
    }

    /// <summary>The execution engine's diagnostic events; a listener overrides the ones it wants.</summary>
    public abstract class ExecutionDiagnosticEventListener
    {
        protected static IDisposable EmptyScope { get; } = new Empty();

        public virtual IDisposable ExecuteRequest(IRequestContext context) => EmptyScope;

        public virtual IDisposable ResolveFieldValue(IMiddlewareContext context) => EmptyScope;

        public virtual void RequestError(IRequestContext context, Exception exception)
        {
        }

        public virtual void ResolverError(IMiddlewareContext context, IError error)
        {
        }

        public virtual void ValidationErrors(IRequestContext context, IReadOnlyList<IError> errors)
        {
        }

        public virtual void SyntaxError(IRequestContext context, IError error)
        {
        }

        public virtual void RetrievedDocumentFromCache(IRequestContext context)
        {
        }

        public virtual void RetrievedDocumentFromStorage(IRequestContext context)
        {
        }

        public virtual void DocumentNotFoundInStorage(IRequestContext context, OperationDocumentId documentId)
        {
        }

        public virtual void UntrustedDocumentRejected(IRequestContext context)
        {
        }

        public virtual void OperationCost(IRequestContext context, CostMetrics cost)
        {
        }

        public virtual IDisposable ExecuteSubscription(ISubscription subscription) => EmptyScope;

        public virtual void SubscriptionEventError(ISubscription subscription, Exception exception)
        {
        }

        private sealed class Empty : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }

    public abstract class DataLoaderDiagnosticEventListener
    {
        protected static IDisposable EmptyScope { get; } = new Empty();

        public virtual IDisposable ExecuteBatch<TKey>(IDataLoader dataLoader, IReadOnlyList<TKey> keys)
            where TKey : notnull => EmptyScope;

        public virtual void BatchResults<TKey, TValue>(IReadOnlyList<TKey> keys, IReadOnlyList<TValue> values)
            where TKey : notnull
        {
        }

        public virtual void BatchError<TKey>(IReadOnlyList<TKey> keys, Exception error)
            where TKey : notnull
        {
        }

        public virtual void BatchItemError<TKey>(TKey key, Exception error)
            where TKey : notnull
        {
        }

        private sealed class Empty : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}

namespace GraphQLite.Subscriptions
{
    public interface ITopicEventSender
    {
        ValueTask SendAsync<TMessage>(string topicName, TMessage message, CancellationToken cancellationToken = default);

        ValueTask CompleteAsync(string topicName);
    }

    public interface ISourceStream<out TMessage> : IAsyncEnumerable<TMessage>;

    public interface ITopicEventReceiver
    {
        ValueTask<ISourceStream<TMessage>> SubscribeAsync<TMessage>(string topicName, CancellationToken cancellationToken = default);
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SubscribeAttribute : Attribute
    {
        public string? With { get; set; }
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TopicAttribute(string name) : Attribute
    {
        public string Name { get; } = name;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class EventMessageAttribute : Attribute;

    public interface ISubscription
    {
        ulong Id { get; }

        IOperation Operation { get; }
    }

    /// <summary>A GraphQL-over-WebSocket connection.</summary>
    public interface ISocketSession
    {
        string ConnectionId { get; }

        GraphQLUser User { get; }

        /// <summary>The payload of the client's <c>connection_init</c> message, as the client sent it.</summary>
        IReadOnlyDictionary<string, object?> ConnectionInitPayload { get; }
    }

    public sealed record ConnectionStatus(bool Accepted, string? Message)
    {
        public static ConnectionStatus Accept() => new(true, null);

        public static ConnectionStatus Reject(string message) => new(false, message);
    }

    public abstract class DefaultSocketSessionInterceptor
    {
        public virtual ValueTask<ConnectionStatus> OnConnectAsync(ISocketSession session, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ConnectionStatus.Accept());

        public virtual ValueTask OnRequestAsync(ISocketSession session, string operationSessionId, OperationRequestBuilder requestBuilder, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;

        public virtual ValueTask OnCloseAsync(ISocketSession session, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}

namespace GraphQLite.Authorization
{
    public enum AuthorizeResult
    {
        Allowed,
        NotAllowed,
        NotAuthenticated,
        PolicyNotFound,
    }

    public enum ApplyPolicy
    {
        BeforeResolver,
        AfterResolver,
        Validation,
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Property)]
    public sealed class AuthorizeAttribute : Attribute
    {
        public string? Policy { get; set; }

        public string[]? Roles { get; set; }

        public ApplyPolicy Apply { get; set; }
    }

    /// <summary>The <c>@authorize</c> directive as it sits on a field.</summary>
    public sealed record AuthorizeDirective(string? Policy, IReadOnlyList<string>? Roles, ApplyPolicy Apply);

    public interface IAuthorizationHandler
    {
        ValueTask<AuthorizeResult> AuthorizeAsync(IMiddlewareContext context, AuthorizeDirective directive, CancellationToken cancellationToken);
    }
}
