using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyCorpus.Shared;

// Small stand-ins for the web, messaging and RPC frameworks the services would use, so that the
// corpus compiles without them. Only the shapes matter.

[AttributeUsage(AttributeTargets.Class)]
public sealed class ApiControllerAttribute : Attribute;

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RouteAttribute(string template) : Attribute
{
    public string Template { get; } = template;
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class HttpGetAttribute(string template = "") : Attribute
{
    public string Template { get; } = template;
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class HttpPostAttribute(string template = "") : Attribute
{
    public string Template { get; } = template;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromBodyAttribute : Attribute;

public abstract record ActionResult(int StatusCode);

public sealed record OkResult(object? Value) : ActionResult(200);

public sealed record NotFoundResult(string? Detail) : ActionResult(404);

public sealed record BadRequestResult(string? Detail) : ActionResult(400);

public abstract class ControllerBase
{
    public HttpContextInfo HttpContext { get; init; } = new();

    protected static ActionResult Ok(object? value = null) => new OkResult(value);

    protected static ActionResult NotFound(string? detail = null) => new NotFoundResult(detail);

    protected static ActionResult BadRequest(string? detail = null) => new BadRequestResult(detail);
}

public sealed class HttpContextInfo
{
    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

    public IDictionary<string, string> RequestHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public ClaimsUser User { get; init; } = new();
}

public sealed class ClaimsUser
{
    public string? SubjectId { get; init; }

    public string? Email { get; init; }

    public bool IsAuthenticated => SubjectId is not null;
}

/// <summary>A minimal-API route table.</summary>
public sealed class EndpointRoutes
{
    public EndpointRoutes MapGet(string pattern, Delegate handler) => this;

    public EndpointRoutes MapPost(string pattern, Delegate handler) => this;
}

public abstract class BackgroundService
{
    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
}

public sealed class Message<TKey, TValue>
{
    public required TKey Key { get; init; }

    public required TValue Value { get; init; }

    public Dictionary<string, string> Headers { get; } = new();
}

public sealed class ConsumeResult<TKey, TValue>
{
    public required string Topic { get; init; }

    public int Partition { get; init; }

    public long Offset { get; init; }

    public required Message<TKey, TValue> Message { get; init; }
}

public interface IConsumer<TKey, TValue>
{
    ConsumeResult<TKey, TValue>? Consume(CancellationToken cancellationToken);

    void Commit(ConsumeResult<TKey, TValue> result);
}

public interface IQueueReceiver<T>
{
    Task<T?> ReceiveAsync(CancellationToken cancellationToken);
}

/// <summary>The gRPC server call context, reduced to what the services read.</summary>
public sealed class ServerCallContext
{
    public string Method { get; init; } = string.Empty;

    public string Peer { get; init; } = string.Empty;

    public CancellationToken CancellationToken { get; init; }

    public IDictionary<string, string> RequestHeaders { get; } = new Dictionary<string, string>();
}

public sealed class RpcException(string status, string detail) : Exception(detail)
{
    public string Status { get; } = status;
}

/// <summary>Secrets as the services receive them from their configuration.</summary>
public sealed class TelemetrySecrets
{
    public required byte[] PseudonymKey { get; init; }

    public required byte[] ShardKey { get; init; }
}
