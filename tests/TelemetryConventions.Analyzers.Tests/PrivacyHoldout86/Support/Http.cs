namespace PrivacyHoldout86.Support.Http;

// The few shapes of ASP.NET Core's request pipeline the services touch, so that they compile without it.

public delegate Task RequestDelegate(HttpContext context);

public interface IMiddleware
{
    Task InvokeAsync(HttpContext context, RequestDelegate next);
}

public readonly record struct PathString(string? Value)
{
    public bool HasValue => !string.IsNullOrEmpty(Value);

    public bool StartsWithSegments(string other) => Value?.StartsWith(other, StringComparison.OrdinalIgnoreCase) == true;

    public override string ToString() => Value ?? string.Empty;
}

public readonly record struct QueryString(string? Value)
{
    public bool HasValue => !string.IsNullOrEmpty(Value);

    public override string ToString() => Value ?? string.Empty;
}

public sealed class HeaderDictionary : Dictionary<string, string>
{
    public HeaderDictionary()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public string UserAgent => TryGetValue("User-Agent", out var value) ? value : string.Empty;

    public string Referer => TryGetValue("Referer", out var value) ? value : string.Empty;
}

public sealed class RequestCookieCollection : Dictionary<string, string>
{
    public RequestCookieCollection()
        : base(StringComparer.Ordinal)
    {
    }
}

public sealed class QueryCollection : Dictionary<string, string>
{
    public QueryCollection()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }
}

public sealed class HttpRequest
{
    public string Method { get; set; } = "GET";

    public string Scheme { get; set; } = "https";

    public string Host { get; set; } = string.Empty;

    public PathString Path { get; set; }

    public QueryString QueryString { get; set; }

    public QueryCollection Query { get; } = new();

    public HeaderDictionary Headers { get; } = new();

    public RequestCookieCollection Cookies { get; } = new();

    public long? ContentLength { get; set; }

    public string? ContentType { get; set; }

    public string Protocol { get; set; } = "HTTP/2";

    public Dictionary<string, object?> RouteValues { get; } = new();

    public Task<string> ReadBodyAsStringAsync() => Task.FromResult(string.Empty);
}

public sealed class HttpResponse
{
    public int StatusCode { get; set; } = 200;

    public HeaderDictionary Headers { get; } = new();

    public long? ContentLength { get; set; }

    public string? ContentType { get; set; }

    public bool HasStarted { get; set; }
}

public sealed class ConnectionInfo
{
    public IPAddress? RemoteIpAddress { get; set; }

    public int RemotePort { get; set; }

    public string Id { get; set; } = string.Empty;
}

public sealed class RoutePattern(string rawText)
{
    public string RawText { get; } = rawText;
}

public class Endpoint(string? displayName)
{
    public string? DisplayName { get; } = displayName;
}

public sealed class RouteEndpoint(RoutePattern routePattern, string? displayName) : Endpoint(displayName)
{
    public RoutePattern RoutePattern { get; } = routePattern;
}

public sealed class HttpContext
{
    public HttpRequest Request { get; } = new();

    public HttpResponse Response { get; } = new();

    public ConnectionInfo Connection { get; } = new();

    public string TraceIdentifier { get; set; } = string.Empty;

    public ClaimsUser User { get; set; } = new();

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public Endpoint? Endpoint { get; set; }

    public Endpoint? GetEndpoint() => Endpoint;

    public CancellationToken RequestAborted { get; set; }
}
