// Stand-ins for ASP.NET Core SignalR, reduced to the members the hubs, filters and trackers use.

namespace Microsoft.AspNetCore.Authorization
{
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class AuthorizeAttribute : Attribute
    {
        public AuthorizeAttribute()
        {
        }

        public AuthorizeAttribute(string policy) => Policy = policy;

        public string? Policy { get; set; }

        public string? Roles { get; set; }
    }
}

namespace Microsoft.AspNetCore.SignalR
{
    using System.Security.Claims;

    /// <summary>The caller of a hub method: its connection, and the user the <c>IUserIdProvider</c> resolved.</summary>
    public abstract class HubCallerContext
    {
        public abstract string ConnectionId { get; }

        /// <summary>The user identifier of the connection (by default the <c>NameIdentifier</c> claim).</summary>
        public abstract string? UserIdentifier { get; }

        public abstract ClaimsPrincipal? User { get; }

        public abstract IDictionary<object, object?> Items { get; }

        public abstract CancellationToken ConnectionAborted { get; }

        public abstract void Abort();
    }

    public interface IClientProxy
    {
        Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default);
    }

    public interface ISingleClientProxy : IClientProxy
    {
        Task<T> InvokeCoreAsync<T>(string method, object?[] args, CancellationToken cancellationToken);
    }

    public static class ClientProxyExtensions
    {
        public static Task SendAsync(this IClientProxy proxy, string method, CancellationToken cancellationToken = default) =>
            proxy.SendCoreAsync(method, [], cancellationToken);

        public static Task SendAsync(this IClientProxy proxy, string method, object? arg1, CancellationToken cancellationToken = default) =>
            proxy.SendCoreAsync(method, [arg1], cancellationToken);

        public static Task SendAsync(this IClientProxy proxy, string method, object? arg1, object? arg2, CancellationToken cancellationToken = default) =>
            proxy.SendCoreAsync(method, [arg1, arg2], cancellationToken);

        public static Task SendAsync(this IClientProxy proxy, string method, object? arg1, object? arg2, object? arg3, CancellationToken cancellationToken = default) =>
            proxy.SendCoreAsync(method, [arg1, arg2, arg3], cancellationToken);
    }

    public interface IHubClients
    {
        IClientProxy All { get; }

        IClientProxy Group(string groupName);

        IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds);

        IClientProxy Groups(IReadOnlyList<string> groupNames);

        IClientProxy User(string userId);

        IClientProxy Users(IReadOnlyList<string> userIds);

        IClientProxy Client(string connectionId);
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

    public abstract class Hub : IDisposable
    {
        public HubCallerContext Context { get; set; } = default!;

        public IHubCallerClients Clients { get; set; } = default!;

        public IGroupManager Groups { get; set; } = default!;

        public virtual Task OnConnectedAsync() => Task.CompletedTask;

        public virtual Task OnDisconnectedAsync(Exception? exception) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    public abstract class Hub<T> : Hub
        where T : class
    {
        public new IHubCallerClients<T> Clients { get; set; } = default!;
    }

    public interface IHubCallerClients<T>
    {
        T All { get; }

        T Caller { get; }

        T Others { get; }

        T Group(string groupName);

        T OthersInGroup(string groupName);

        T User(string userId);
    }

    public interface IHubContext<THub>
        where THub : Hub
    {
        IHubClients Clients { get; }

        IGroupManager Groups { get; }
    }

    /// <summary>An exception whose message SignalR sends to the caller.</summary>
    public class HubException : Exception
    {
        public HubException()
        {
        }

        public HubException(string? message)
            : base(message)
        {
        }

        public HubException(string? message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }

    public sealed class HubInvocationContext
    {
        public HubInvocationContext(HubCallerContext context, IServiceProvider serviceProvider, Hub hub, string hubMethodName, IReadOnlyList<object?> hubMethodArguments)
        {
            Context = context;
            ServiceProvider = serviceProvider;
            Hub = hub;
            HubMethodName = hubMethodName;
            HubMethodArguments = hubMethodArguments;
        }

        public HubCallerContext Context { get; }

        public IServiceProvider ServiceProvider { get; }

        public Hub Hub { get; }

        public string HubMethodName { get; }

        public IReadOnlyList<object?> HubMethodArguments { get; }
    }

    public sealed class HubLifetimeContext
    {
        public HubLifetimeContext(HubCallerContext context, IServiceProvider serviceProvider, Hub hub)
        {
            Context = context;
            ServiceProvider = serviceProvider;
            Hub = hub;
        }

        public HubCallerContext Context { get; }

        public IServiceProvider ServiceProvider { get; }

        public Hub Hub { get; }
    }

    public interface IHubFilter
    {
        ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) =>
            next(invocationContext);

        Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next) => next(context);

        Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next) =>
            next(context, exception);
    }

    public sealed class HubConnectionContext
    {
        public required string ConnectionId { get; init; }

        public ClaimsPrincipal User { get; init; } = new();

        public string? UserIdentifier { get; set; }
    }

    public interface IUserIdProvider
    {
        string? GetUserId(HubConnectionContext connection);
    }
}
