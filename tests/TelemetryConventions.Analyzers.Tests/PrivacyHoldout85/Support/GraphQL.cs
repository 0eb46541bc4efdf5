using System.Text.RegularExpressions;

namespace GraphQLite;

// Stand-ins for a HotChocolate-style GraphQL server: only the shapes the services use.

public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>A parsed operation document. <c>ToString</c> prints the document as the client sent it, literals included.</summary>
public sealed class DocumentNode(string text)
{
    public string Text { get; } = text;

    public int Length => Text.Length;

    public override string ToString() => Text;

    /// <summary>The document with every string and number literal replaced by <c>"***"</c>: the shape of the operation only.</summary>
    public string PrintShape() => Literals().Replace(Text, "\"***\"");

    /// <summary>The names of the variables the operation declares (<c>$nhsNumber</c> gives <c>nhsNumber</c>).</summary>
    public IReadOnlyList<string> VariableNames => Declared().Matches(Text).Select(m => m.Groups[1].Value).Distinct().ToList();

    private static Regex Literals() => new("\"(?:[^\"\\\\]|\\\\.)*\"|(?<=[:\\s])-?\\d+(?:\\.\\d+)?");

    private static Regex Declared() => new(@"\$(\w+)\s*:");
}

/// <summary>The id of a persisted (trusted) operation document: the SHA-256 of the document text, in hex.</summary>
public readonly record struct OperationDocumentId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>The automatic persisted query extension a client sends: <c>{"persistedQuery": {"version": 1, "sha256Hash": "…"}}</c>.</summary>
public sealed record PersistedQueryExtension(int Version, string Sha256Hash);

public interface IOperation
{
    string Id { get; }

    string Name { get; }

    OperationType Type { get; }

    DocumentNode Document { get; }
}

/// <summary>The signed-in user of a request, from the bearer token's claims.</summary>
public sealed class GraphQLUser
{
    public string? SubjectId { get; init; }

    public string? Email { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>();

    public bool IsAuthenticated => SubjectId is not null;

    public string? FindFirstValue(string type) => Claims.TryGetValue(type, out var value) ? value : null;

    public bool IsInRole(string role) => Roles.Contains(role);
}

public interface IRequestContext
{
    string? OperationName { get; }

    OperationDocumentId? DocumentId { get; }

    /// <summary>The SHA-256 of the document text the server computed, in hex.</summary>
    string? DocumentHash { get; }

    DocumentNode? Document { get; }

    bool IsPersistedDocument { get; }

    bool IsCachedDocument { get; }

    IOperation? Operation { get; }

    /// <summary>The variables the client sent, by name, as the client sent them.</summary>
    IReadOnlyDictionary<string, object?>? Variables { get; }

    /// <summary>The request's extensions (<c>persistedQuery</c>, tracing flags…).</summary>
    IReadOnlyDictionary<string, object?>? Extensions { get; }

    IDictionary<string, object?> ContextData { get; }

    GraphQLUser User { get; }

    CancellationToken RequestAborted { get; }
}

/// <summary>A schema coordinate, printed <c>Type.field</c>.</summary>
public readonly record struct SchemaCoordinate(string TypeName, string? MemberName = null)
{
    public override string ToString() => MemberName is null ? TypeName : $"{TypeName}.{MemberName}";
}

public sealed record ObjectField(string Name, string DeclaringTypeName, string TypeName)
{
    public SchemaCoordinate Coordinate => new(DeclaringTypeName, Name);
}

public interface ISelection
{
    string ResponseName { get; }

    ObjectField Field { get; }
}

/// <summary>The path of a field in the result, printed <c>/patient/appointments[2]/clinic</c>.</summary>
public sealed class FieldPath(IReadOnlyList<object> segments)
{
    public IReadOnlyList<object> Segments { get; } = segments;

    public int Depth => Segments.Count;

    public override string ToString() =>
        "/" + string.Join("/", Segments.Select(s => s is int i ? $"[{i}]" : s.ToString())).Replace("/[", "[", StringComparison.Ordinal);
}

public interface IResolverContext
{
    FieldPath Path { get; }

    ISelection Selection { get; }

    IOperation Operation { get; }

    IDictionary<string, object?> ContextData { get; }

    GraphQLUser User { get; }

    CancellationToken RequestAborted { get; }

    T ArgumentValue<T>(string name);

    T Parent<T>();

    T Service<T>()
        where T : notnull;

    void ReportError(IError error);
}

public interface IMiddlewareContext : IResolverContext
{
    object? Result { get; set; }

    bool IsResultModified { get; }
}

public delegate ValueTask FieldDelegate(IMiddlewareContext context);

public interface IError
{
    string Message { get; }

    string? Code { get; }

    FieldPath? Path { get; }

    IReadOnlyDictionary<string, object?>? Extensions { get; }

    Exception? Exception { get; }

    IError WithMessage(string message);

    IError WithCode(string code);

    IError SetExtension(string key, object? value);

    IError RemoveException();
}

/// <summary>A GraphQL error as the result's <c>errors</c> list carries it.</summary>
public sealed record Error(string Message, string? Code = null, FieldPath? Path = null, IReadOnlyDictionary<string, object?>? Extensions = null, Exception? Exception = null) : IError
{
    public IError WithMessage(string message) => this with { Message = message };

    public IError WithCode(string code) => this with { Code = code };

    public IError SetExtension(string key, object? value) =>
        this with { Extensions = new Dictionary<string, object?>(Extensions ?? new Dictionary<string, object?>()) { [key] = value } };

    public IError RemoveException() => this with { Exception = null };
}

public sealed class ErrorBuilder
{
    private string _message = "Unexpected Execution Error";
    private string? _code;
    private FieldPath? _path;
    private Exception? _exception;
    private readonly Dictionary<string, object?> _extensions = new();

    public static ErrorBuilder New() => new();

    public ErrorBuilder SetMessage(string message)
    {
        _message = message;
        return this;
    }

    public ErrorBuilder SetCode(string code)
    {
        _code = code;
        return this;
    }

    public ErrorBuilder SetPath(FieldPath? path)
    {
        _path = path;
        return this;
    }

    public ErrorBuilder SetException(Exception exception)
    {
        _exception = exception;
        return this;
    }

    public ErrorBuilder SetExtension(string key, object? value)
    {
        _extensions[key] = value;
        return this;
    }

    public IError Build() => new Error(_message, _code, _path, _extensions.Count == 0 ? null : _extensions, _exception);
}

public interface IErrorFilter
{
    IError OnError(IError error);
}

/// <summary>Thrown by resolvers to return GraphQL errors; its message is the first error's message.</summary>
public class GraphQLException : Exception
{
    public GraphQLException(string message)
        : this(new Error(message))
    {
    }

    public GraphQLException(IError error)
        : base(error.Message)
    {
        Errors = [error];
    }

    public IReadOnlyList<IError> Errors { get; }
}

[AttributeUsage(AttributeTargets.Class)]
public sealed class QueryTypeAttribute : Attribute;

[AttributeUsage(AttributeTargets.Class)]
public sealed class MutationTypeAttribute : Attribute;

[AttributeUsage(AttributeTargets.Class)]
public sealed class SubscriptionTypeAttribute : Attribute;

[AttributeUsage(AttributeTargets.Class)]
public sealed class ExtendObjectTypeAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ParentAttribute : Attribute;

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ServiceAttribute : Attribute;

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class IDAttribute : Attribute;

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property)]
public sealed class CostAttribute(double weight) : Attribute
{
    public double Weight { get; } = weight;
}

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class UsePagingAttribute : Attribute
{
    public int MaxPageSize { get; set; } = 50;
}

/// <summary>The request builder an HTTP or socket interceptor may change before execution.</summary>
public sealed class OperationRequestBuilder
{
    private readonly Dictionary<string, object?> _state = new();

    public IReadOnlyDictionary<string, object?> GlobalState => _state;

    public OperationRequestBuilder SetGlobalState(string name, object? value)
    {
        _state[name] = value;
        return this;
    }
}

public abstract class DefaultHttpRequestInterceptor
{
    public virtual ValueTask OnCreateAsync(HttpContextInfo context, GraphQLUser user, OperationRequestBuilder requestBuilder, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}

/// <summary>Cost analysis of an operation before execution.</summary>
public sealed record CostMetrics(double FieldCost, double TypeCost);

public sealed record CostOptions(double MaxFieldCost = 1_000, double MaxTypeCost = 1_000, bool EnforceCostLimits = true);

/// <summary>Thrown when an operation's cost is above the limit; quotes the operation's name and the costs.</summary>
public sealed class CostLimitExceededException(string operationName, double fieldCost, double maxFieldCost)
    : Exception($"The operation '{operationName}' has a field cost of {fieldCost}, above the limit of {maxFieldCost}.")
{
    public string OperationName { get; } = operationName;

    public double FieldCost { get; } = fieldCost;
}

public interface IOperationDocumentStorage
{
    ValueTask<DocumentNode?> TryReadAsync(OperationDocumentId documentId, CancellationToken cancellationToken);

    ValueTask SaveAsync(OperationDocumentId documentId, DocumentNode document, CancellationToken cancellationToken);
}

/// <summary>Thrown when a persisted operation id is unknown; quotes the id.</summary>
public sealed class PersistedOperationNotFoundException(OperationDocumentId documentId)
    : Exception($"The persisted operation '{documentId}' was not found.")
{
    public OperationDocumentId DocumentId { get; } = documentId;
}
