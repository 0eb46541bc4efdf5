namespace Microsoft.AspNetCore.SignalR;

// Stand-ins for ASP.NET Core SignalR's server API, reduced to the members the services use.

public abstract class Hub : IDisposable
{
    public HubCallerContext Context { get; set; } = null!;

    public IHubCallerClients Clients { get; set; } = null!;

    public IGroupManager Groups { get; set; } = null!;

    public virtual Task OnConnectedAsync() => Task.CompletedTask;

    public virtual Task OnDisconnectedAsync(Exception? exception) => Task.CompletedTask;

    public void Dispose()
    {
    }
}

public abstract class HubCallerContext
{
    /// <summary>The id SignalR generated for this connection.</summary>
    public abstract string ConnectionId { get; }

    /// <summary>The user the connection belongs to, as the <see cref="IUserIdProvider"/> named it.</summary>
    public abstract string? UserIdentifier { get; }

    public abstract ClaimsPrincipal? User { get; }

    public abstract IDictionary<object, object?> Items { get; }

    public abstract CancellationToken ConnectionAborted { get; }

    public abstract void Abort();
}

public static class HubCallerContextExtensions
{
    public static HttpContext? GetHttpContext(this HubCallerContext context) => null;
}

public interface IClientProxy
{
    Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default);
}

public interface ISingleClientProxy : IClientProxy
{
    Task<T> InvokeCoreAsync<T>(string method, object?[] args, CancellationToken cancellationToken = default);
}

public static class ClientProxyExtensions
{
    public static Task SendAsync(this IClientProxy proxy, string method, CancellationToken cancellationToken = default) =>
        proxy.SendCoreAsync(method, Array.Empty<object?>(), cancellationToken);

    public static Task SendAsync(this IClientProxy proxy, string method, object? arg1, CancellationToken cancellationToken = default) =>
        proxy.SendCoreAsync(method, new[] { arg1 }, cancellationToken);

    public static Task SendAsync(this IClientProxy proxy, string method, object? arg1, object? arg2, CancellationToken cancellationToken = default) =>
        proxy.SendCoreAsync(method, new[] { arg1, arg2 }, cancellationToken);
}

public interface IHubClients
{
    IClientProxy All { get; }

    IClientProxy Group(string groupName);

    IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds);

    IClientProxy User(string userId);

    IClientProxy Users(IReadOnlyList<string> userIds);

    ISingleClientProxy Client(string connectionId);
}

public interface IHubCallerClients : IHubClients
{
    ISingleClientProxy Caller { get; }

    IClientProxy Others { get; }

    IClientProxy OthersInGroup(string groupName);
}

public interface IGroupManager
{
    Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default);

    Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default);
}

public interface IHubContext<THub>
    where THub : Hub
{
    IHubClients Clients { get; }

    IGroupManager Groups { get; }
}

/// <summary>The connection as the user id provider and the lifetime manager see it.</summary>
public sealed class HubConnectionContext
{
    public required string ConnectionId { get; init; }

    public ClaimsPrincipal User { get; init; } = new();

    public string? UserIdentifier { get; set; }

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
}

public interface IUserIdProvider
{
    string? GetUserId(HubConnectionContext connection);
}

public sealed class HubInvocationContext
{
    public required HubCallerContext Context { get; init; }

    public required Hub Hub { get; init; }

    public required string HubMethodName { get; init; }

    public IReadOnlyList<object?> HubMethodArguments { get; init; } = Array.Empty<object?>();

    public IServiceProvider? ServiceProvider { get; init; }
}

public sealed class HubLifetimeContext
{
    public required HubCallerContext Context { get; init; }

    public required Hub Hub { get; init; }
}

public interface IHubFilter
{
    ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) => next(invocationContext);

    Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next) => next(context);

    Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next) => next(context, exception);
}

/// <summary>The exception whose message SignalR sends to the calling client.</summary>
public class HubException : Exception
{
    public HubException(string message)
        : base(message)
    {
    }

    public HubException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
