namespace Microsoft.AspNetCore.Http;

// The parts of ASP.NET Core's HttpContext a hub or a WebSocket endpoint reads, in the shape of the real types.

public sealed class HttpContext
{
    public HttpRequest Request { get; init; } = new();

    public ConnectionInfo Connection { get; init; } = new();

    public ClaimsPrincipal User { get; init; } = new();

    public WebSocketManager WebSockets { get; init; } = new();

    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

    public CancellationToken RequestAborted { get; init; }
}

public sealed class HttpRequest
{
    public string Path { get; init; } = "/";

    public QueryString QueryString { get; init; }

    public IQueryCollection Query { get; init; } = new QueryCollection();

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The raw query string of the request, with its leading '?'.</summary>
public readonly record struct QueryString(string? Value)
{
    public bool HasValue => !string.IsNullOrEmpty(Value);

    public override string ToString() => Value ?? string.Empty;
}

public interface IQueryCollection : IEnumerable<KeyValuePair<string, string>>
{
    string? this[string key] { get; }

    ICollection<string> Keys { get; }

    int Count { get; }
}

public sealed class QueryCollection : Dictionary<string, string>, IQueryCollection
{
    string? IQueryCollection.this[string key] => TryGetValue(key, out var value) ? value : null;

    ICollection<string> IQueryCollection.Keys => Keys;
}

public sealed class ConnectionInfo
{
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    public IPAddress? RemoteIpAddress { get; init; }

    public int RemotePort { get; init; }
}

public sealed class WebSocketManager
{
    public bool IsWebSocketRequest { get; init; }

    public IList<string> WebSocketRequestedProtocols { get; } = new List<string>();

    public Task<WebSocket> AcceptWebSocketAsync(string? subProtocol = null) => throw new NotSupportedException();
}

public static class StatusCodes
{
    public const int Status400BadRequest = 400;
    public const int Status401Unauthorized = 401;
    public const int Status403Forbidden = 403;
}
