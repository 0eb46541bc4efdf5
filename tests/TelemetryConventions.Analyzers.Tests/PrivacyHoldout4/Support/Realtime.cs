using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout4.Support;

// Stand-ins for a realtime hub, an actor runtime, gRPC interceptors and an event store, so that the
// corpus compiles without those frameworks. Only the shapes matter.

public abstract class HubCallerContext
{
    public abstract string ConnectionId { get; }

    public abstract string? UserIdentifier { get; }

    public abstract ClaimsPrincipal? User { get; }

    public abstract IDictionary<object, object?> Items { get; }

    public abstract CancellationToken ConnectionAborted { get; }
}

public interface IClientProxy
{
    Task SendAsync(string method, object? arg, CancellationToken cancellationToken = default);
}

public interface IHubCallerClients
{
    IClientProxy Caller { get; }

    IClientProxy Group(string groupName);

    IClientProxy User(string userId);
}

public interface IGroupManager
{
    Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default);
}

public abstract class Hub
{
    public HubCallerContext Context { get; set; } = null!;

    public IHubCallerClients Clients { get; set; } = null!;

    public IGroupManager Groups { get; set; } = null!;

    public virtual Task OnConnectedAsync() => Task.CompletedTask;

    public virtual Task OnDisconnectedAsync(Exception? exception) => Task.CompletedTask;
}

public sealed class HubException(string message) : Exception(message);

public interface IGrainWithStringKey;

public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string primaryKey)
        where TGrain : IGrainWithStringKey;
}

public abstract class Grain
{
    public IGrainFactory GrainFactory { get; init; } = null!;

    public string IdentityString { get; init; } = string.Empty;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class GrainExtensions
{
    /// <summary>The grain's primary key, as actor runtimes hand it to a grain keyed by a string.</summary>
    public static string GetPrimaryKeyString(this Grain grain) => grain.IdentityString;
}

public interface IPersistentState<TState>
    where TState : new()
{
    TState State { get; set; }

    bool RecordExists { get; }

    Task WriteStateAsync();
}

public sealed class Metadata : List<Metadata.Entry>
{
    public sealed record Entry(string Key, string Value);

    public string? GetValue(string key) => Find(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;
}

public sealed class GrpcCallContext
{
    public string Method { get; init; } = string.Empty;

    public string Peer { get; init; } = string.Empty;

    public Metadata RequestHeaders { get; } = new();

    public CancellationToken CancellationToken { get; init; }
}

public delegate Task<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, GrpcCallContext context);

public abstract class Interceptor
{
    public virtual Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, GrpcCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class => continuation(request, context);
}

public sealed class GrpcStatusException(string status, string detail) : Exception(detail)
{
    public string Status { get; } = status;
}

public sealed record StoredEvent(string StreamId, long Version, object Data, DateTimeOffset RecordedAt);

public interface IEventStore
{
    IAsyncEnumerable<StoredEvent> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default);

    ValueTask AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken cancellationToken = default);
}

public sealed class StreamVersionConflictException(string streamId, long expected, long actual)
    : Exception($"Stream {streamId} was at version {actual}, expected {expected}.")
{
    public string StreamId { get; } = streamId;
}
