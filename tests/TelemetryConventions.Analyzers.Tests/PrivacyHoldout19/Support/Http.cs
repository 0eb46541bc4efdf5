// Stand-ins for the ASP.NET Core HTTP abstractions the socket and event-stream endpoints use.

namespace Microsoft.AspNetCore.Http
{
    using System.Net;
    using System.Net.ServerSentEvents;
    using System.Net.WebSockets;
    using System.Security.Claims;

    public sealed class HeaderDictionary : Dictionary<string, string>
    {
        public HeaderDictionary()
            : base(StringComparer.OrdinalIgnoreCase)
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

    public readonly record struct PathString(string? Value)
    {
        public override string ToString() => Value ?? string.Empty;
    }

    public readonly record struct QueryString(string? Value)
    {
        public bool HasValue => !string.IsNullOrEmpty(Value);

        public override string ToString() => Value ?? string.Empty;
    }

    public sealed class HttpRequest
    {
        public string Method { get; init; } = "GET";

        public PathString Path { get; init; }

        public QueryString QueryString { get; init; }

        public QueryCollection Query { get; } = new();

        public HeaderDictionary Headers { get; } = new();

        public Stream Body { get; init; } = Stream.Null;
    }

    public sealed class HttpResponse
    {
        public int StatusCode { get; set; } = 200;

        public string? ContentType { get; set; }

        public HeaderDictionary Headers { get; } = new();

        public Stream Body { get; set; } = Stream.Null;
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

        public Task<WebSocket> AcceptWebSocketAsync(string? subProtocol = null) =>
            Task.FromResult<WebSocket>(WebSocket.CreateFromStream(Stream.Null, new WebSocketCreationOptions { IsServer = true, SubProtocol = subProtocol }));
    }

    public sealed class HttpContext
    {
        public HttpRequest Request { get; init; } = new();

        public HttpResponse Response { get; init; } = new();

        public ConnectionInfo Connection { get; init; } = new();

        public WebSocketManager WebSockets { get; init; } = new();

        public ClaimsPrincipal User { get; set; } = new();

        public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public string TraceIdentifier { get; set; } = Guid.NewGuid().ToString("N");

        public CancellationToken RequestAborted { get; init; }

        public IServiceProvider RequestServices { get; init; } = default!;
    }

    public interface IResult
    {
        Task ExecuteAsync(HttpContext httpContext);
    }

    public static class TypedResults
    {
        public static IResult ServerSentEvents<T>(IAsyncEnumerable<SseItem<T>> values) => new SseResult<T>(values);

        public static IResult Unauthorized() => new StatusResult(401);

        public static IResult BadRequest(string? detail = null) => new StatusResult(400);

        public static IResult NoContent() => new StatusResult(204);

        public static IResult Ok<T>(T value) => new StatusResult(200);

        private sealed record StatusResult(int StatusCode) : IResult
        {
            public Task ExecuteAsync(HttpContext httpContext)
            {
                httpContext.Response.StatusCode = StatusCode;
                return Task.CompletedTask;
            }
        }

        private sealed record SseResult<T>(IAsyncEnumerable<SseItem<T>> Values) : IResult
        {
            public Task ExecuteAsync(HttpContext httpContext) =>
                SseFormatter.WriteAsync(Values, httpContext.Response.Body, (item, writer) => System.Text.Json.JsonSerializer.Serialize(new System.Text.Json.Utf8JsonWriter(writer), item.Data), httpContext.RequestAborted);
        }
    }

    public interface IEndpointRouteBuilder
    {
        IEndpointRouteBuilder MapGet(string pattern, Delegate handler);

        IEndpointRouteBuilder MapPost(string pattern, Delegate handler);

        IEndpointRouteBuilder MapDelete(string pattern, Delegate handler);

        IEndpointRouteBuilder Map(string pattern, Func<HttpContext, Task> handler);
    }
}

namespace Microsoft.AspNetCore.Mvc
{
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromQueryAttribute : Attribute
    {
        public string? Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromHeaderAttribute : Attribute
    {
        public string? Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromRouteAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromBodyAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromServicesAttribute : Attribute;
}
