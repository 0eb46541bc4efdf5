using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Claims;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

// Stand-ins for the parts of ASP.NET Core and Grpc.AspNetCore that gRPC services touch: the
// HttpContext behind a call (route values of a JSON-transcoded call, the connection, the user),
// the endpoint a call was routed to, and the registration of services and interceptors.
namespace Microsoft.AspNetCore.Http
{
    public readonly struct PathString(string? value)
    {
        public string? Value { get; } = value;

        public bool HasValue => !string.IsNullOrEmpty(Value);

        public bool StartsWithSegments(PathString other) => Value?.StartsWith(other.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase) == true;

        public override string ToString() => Value ?? string.Empty;
    }

    public readonly struct QueryString(string? value)
    {
        public string? Value { get; } = value;

        public bool HasValue => !string.IsNullOrEmpty(Value);

        public override string ToString() => Value ?? string.Empty;
    }

    public sealed class HttpRequest
    {
        public string Method { get; set; } = "POST";

        public string Scheme { get; set; } = "https";

        public string Host { get; set; } = string.Empty;

        public PathString Path { get; set; }

        public QueryString QueryString { get; set; }

        public string? ContentType { get; set; }

        public string Protocol { get; set; } = "HTTP/2";

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public RouteValueDictionary RouteValues { get; set; } = new();
    }

    public sealed class ConnectionInfo
    {
        public string Id { get; set; } = string.Empty;

        public IPAddress? RemoteIpAddress { get; set; }

        public int RemotePort { get; set; }

        public IPAddress? LocalIpAddress { get; set; }

        public int LocalPort { get; set; }
    }

    public sealed class HttpContext
    {
        public HttpRequest Request { get; } = new();

        public ConnectionInfo Connection { get; } = new();

        public ClaimsPrincipal User { get; set; } = new();

        public string TraceIdentifier { get; set; } = string.Empty;

        public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        internal Endpoint? Endpoint { get; set; }
    }

    public class Endpoint(string? displayName)
    {
        public string? DisplayName { get; } = displayName;
    }

    public static class EndpointHttpContextExtensions
    {
        public static Endpoint? GetEndpoint(this HttpContext context) => context.Endpoint;
    }
}

namespace Microsoft.AspNetCore.Routing
{
    public sealed class RouteValueDictionary : Dictionary<string, object?>
    {
        public RouteValueDictionary()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }
    }

    public sealed class RoutePattern(string rawText)
    {
        /// <summary>The route template as written, e.g. <c>/v1/patients/{nhs_number}/summary</c>.</summary>
        public string RawText { get; } = rawText;
    }

    public sealed class RouteEndpoint(RoutePattern routePattern, string? displayName) : Endpoint(displayName)
    {
        public RoutePattern RoutePattern { get; } = routePattern;
    }
}

namespace Grpc.Core
{
    /// <summary>Grpc.AspNetCore.Server: the HttpContext behind a call.</summary>
    public static class ServerCallContextExtensions
    {
        public static HttpContext GetHttpContext(this ServerCallContext serverCallContext) =>
            serverCallContext.UserState.TryGetValue("__HttpContext", out var context) ? (HttpContext)context : new HttpContext();
    }
}

namespace Grpc.AspNetCore.Server
{
    public sealed class InterceptorCollection : List<Type>
    {
        public void Add<TInterceptor>()
            where TInterceptor : Interceptor
            => Add(typeof(TInterceptor));
    }

    public class GrpcServiceOptions
    {
        public bool EnableDetailedErrors { get; set; }

        public int? MaxReceiveMessageSize { get; set; }

        public InterceptorCollection Interceptors { get; } = new();
    }

    public sealed class GrpcServiceOptions<TService> : GrpcServiceOptions
        where TService : class
    {
    }

    public interface IGrpcServerBuilder
    {
        Microsoft.Extensions.DependencyInjection.IServiceCollection Services { get; }
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public static class GrpcServicesExtensions
    {
        public static IGrpcServerBuilder AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions> configureOptions) => new Builder(services);

        public static IGrpcServerBuilder AddServiceOptions<TService>(this IGrpcServerBuilder builder, Action<GrpcServiceOptions<TService>> configure)
            where TService : class
            => builder;

        public static IGrpcServerBuilder AddJsonTranscoding(this IGrpcServerBuilder builder) => builder;

        public static IServiceCollection AddGrpcHealthChecks(this IServiceCollection services) => services;

        private sealed class Builder(IServiceCollection services) : IGrpcServerBuilder
        {
            public IServiceCollection Services { get; } = services;
        }
    }
}
