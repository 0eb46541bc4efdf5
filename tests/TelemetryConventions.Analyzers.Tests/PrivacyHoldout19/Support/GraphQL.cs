// Stand-ins for Hot Chocolate and GreenDonut, reduced to the members the services use.

namespace HotChocolate
{
    using System.Collections.Immutable;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ParentAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ServiceAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public sealed class IDAttribute : Attribute;

    /// <summary>A result path such as <c>/patient/appointments[2]/clinic</c>: field names and list indices.</summary>
    public sealed class Path
    {
        private readonly ImmutableArray<object> _segments;

        private Path(ImmutableArray<object> segments) => _segments = segments;

        public static Path Root { get; } = new(ImmutableArray<object>.Empty);

        public int Length => _segments.Length;

        public Path Append(string name) => new(_segments.Add(name));

        public Path Append(int index) => new(_segments.Add(index));

        public IReadOnlyList<object> ToList() => _segments;

        public override string ToString() =>
            "/" + string.Join("/", _segments.Select(s => s is int i ? $"[{i}]" : s.ToString()));
    }

    public interface IError
    {
        string Message { get; }

        string? Code { get; }

        Path? Path { get; }

        Exception? Exception { get; }

        IReadOnlyDictionary<string, object?>? Extensions { get; }

        IError WithMessage(string message);

        IError WithCode(string code);

        IError WithExtensions(IReadOnlyDictionary<string, object?> extensions);

        IError RemoveException();
    }

    public sealed record Error(string Message, string? Code = null, Path? Path = null, Exception? Exception = null, IReadOnlyDictionary<string, object?>? Extensions = null) : IError
    {
        public IError WithMessage(string message) => this with { Message = message };

        public IError WithCode(string code) => this with { Code = code };

        public IError WithExtensions(IReadOnlyDictionary<string, object?> extensions) => this with { Extensions = extensions };

        public IError RemoveException() => this with { Exception = null };
    }

    public interface IErrorFilter
    {
        IError OnError(IError error);
    }

    public class GraphQLException : Exception
    {
        public GraphQLException(string message)
            : base(message) => Errors = [new Error(message)];

        public GraphQLException(IError error)
            : base(error.Message) => Errors = [error];

        public IReadOnlyList<IError> Errors { get; }
    }
}

namespace HotChocolate.Types
{
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class QueryTypeAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class MutationTypeAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class ExtendObjectTypeAttribute<T> : Attribute;

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
    public sealed class UsePagingAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = true)]
    public sealed class UseFieldAuditAttribute : Attribute;
}

namespace HotChocolate.Resolvers
{
    public readonly record struct FieldCoordinate(string TypeName, string FieldName)
    {
        public override string ToString() => $"{TypeName}.{FieldName}";
    }

    public interface IObjectField
    {
        string Name { get; }

        FieldCoordinate Coordinate { get; }
    }

    public interface ISelection
    {
        IObjectField Field { get; }

        string ResponseName { get; }
    }

    public interface IResolverContext
    {
        ISelection Selection { get; }

        Path Path { get; }

        IServiceProvider Services { get; }

        IDictionary<string, object?> ContextData { get; }

        CancellationToken RequestAborted { get; }

        T ArgumentValue<T>(string name);

        T Parent<T>();

        void ReportError(IError error);
    }

    public interface IMiddlewareContext : IResolverContext
    {
        object? Result { get; set; }
    }

    public delegate ValueTask FieldDelegate(IMiddlewareContext context);
}

namespace HotChocolate.Execution
{
    public readonly record struct OperationDocumentId(string Value)
    {
        public override string ToString() => Value;
    }

    /// <summary>The operation a client posted: a document or a persisted document id, the operation name and the variables.</summary>
    public interface IOperationRequest
    {
        string? OperationName { get; }

        OperationDocumentId? DocumentId { get; }

        string? DocumentHash { get; }

        IReadOnlyDictionary<string, object?>? VariableValues { get; }

        IReadOnlyDictionary<string, object?>? Extensions { get; }
    }

    public interface IRequestContext
    {
        IOperationRequest Request { get; }

        IServiceProvider Services { get; }

        IDictionary<string, object?> ContextData { get; }

        Exception? Exception { get; }

        CancellationToken RequestAborted { get; }
    }
}

namespace HotChocolate.Execution.Instrumentation
{
    using HotChocolate.Resolvers;

    public class ExecutionDiagnosticEventListener
    {
        protected static IDisposable EmptyScope { get; } = new Empty();

        public virtual IDisposable ExecuteRequest(IRequestContext context) => EmptyScope;

        public virtual void RequestError(IRequestContext context, Exception exception)
        {
        }

        public virtual void ResolverError(IMiddlewareContext context, IError error)
        {
        }

        public virtual void ValidationErrors(IRequestContext context, IReadOnlyList<IError> errors)
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

namespace GreenDonut
{
    public interface IBatchScheduler
    {
        void Schedule(Func<ValueTask> dispatch);
    }

    public sealed class DataLoaderOptions
    {
        public int MaxBatchSize { get; init; } = 1024;

        public bool Caching { get; init; } = true;
    }

    public abstract class DataLoaderBase<TKey, TValue>
        where TKey : notnull
    {
        protected DataLoaderBase(IBatchScheduler batchScheduler, DataLoaderOptions? options)
        {
            BatchScheduler = batchScheduler;
            Options = options ?? new DataLoaderOptions();
        }

        protected IBatchScheduler BatchScheduler { get; }

        protected DataLoaderOptions Options { get; }

        public async Task<TValue?> LoadAsync(TKey key, CancellationToken cancellationToken = default)
        {
            var values = await FetchAsync([key], cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        public async Task<IReadOnlyList<TValue?>> LoadAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken = default)
        {
            var values = await FetchAsync(keys.ToList(), cancellationToken);
            return keys.Select(k => values.TryGetValue(k, out var value) ? value : default).ToList();
        }

        protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
    }

    public abstract class BatchDataLoader<TKey, TValue> : DataLoaderBase<TKey, TValue>
        where TKey : notnull
    {
        protected BatchDataLoader(IBatchScheduler batchScheduler, DataLoaderOptions? options = null)
            : base(batchScheduler, options)
        {
        }

        protected sealed override Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken) =>
            LoadBatchAsync(keys, cancellationToken);

        protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
    }

    public abstract class GroupedDataLoader<TKey, TValue> : DataLoaderBase<TKey, TValue[]>
        where TKey : notnull
    {
        protected GroupedDataLoader(IBatchScheduler batchScheduler, DataLoaderOptions? options = null)
            : base(batchScheduler, options)
        {
        }

        protected sealed override async Task<IReadOnlyDictionary<TKey, TValue[]>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
        {
            var lookup = await LoadGroupedBatchAsync(keys, cancellationToken);
            return keys.ToDictionary(k => k, k => lookup[k].ToArray());
        }

        protected abstract Task<ILookup<TKey, TValue>> LoadGroupedBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
    }
}
