namespace Microsoft.AspNetCore.SignalR.Client;

// Stand-ins for the SignalR .NET client that the services use to connect to another service's hub.

public enum HubConnectionState
{
    Disconnected,
    Connected,
    Connecting,
    Reconnecting,
}

public sealed class RetryContext
{
    public long PreviousRetryCount { get; init; }

    public TimeSpan ElapsedTime { get; init; }

    public Exception RetryReason { get; init; } = new InvalidOperationException("The connection was lost.");
}

public interface IRetryPolicy
{
    TimeSpan? NextRetryDelay(RetryContext retryContext);
}

public sealed class HubConnection
{
    public HubConnection(Uri url) => Url = url;

    public Uri Url { get; }

    public string? ConnectionId { get; private set; }

    public HubConnectionState State { get; private set; }

    public event Func<Exception?, Task>? Reconnecting;

    public event Func<string?, Task>? Reconnected;

    public event Func<Exception?, Task>? Closed;

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SendAsync(string method, object? arg1, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public IDisposable On<T>(string method, Func<T, Task> handler) => new Subscription();

    private sealed class Subscription : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
