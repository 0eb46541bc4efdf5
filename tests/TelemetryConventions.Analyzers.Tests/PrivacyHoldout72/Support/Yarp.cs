using System.Net;
using System.Net.Http;

// Stand-ins for the parts of YARP (Yarp.ReverseProxy) the gateways configure and extend: routes and
// clusters, request and response transforms, transform providers, the forwarder and its error
// feature. Only the shapes matter; the real package is not referenced by the corpus.

namespace Yarp.ReverseProxy.Configuration
{
    public sealed record RouteMatch
    {
        public string? Path { get; init; }

        public IReadOnlyList<string>? Methods { get; init; }

        public IReadOnlyList<string>? Hosts { get; init; }
    }

    public sealed record RouteConfig
    {
        public string RouteId { get; init; } = string.Empty;

        public RouteMatch Match { get; init; } = new();

        public string? ClusterId { get; init; }

        public string? AuthorizationPolicy { get; init; }

        public string? RateLimiterPolicy { get; init; }

        public string? OutputCachePolicy { get; init; }

        public IReadOnlyDictionary<string, string>? Metadata { get; init; }

        public IReadOnlyList<IReadOnlyDictionary<string, string>>? Transforms { get; init; }
    }

    public sealed record DestinationConfig
    {
        public string Address { get; init; } = string.Empty;

        public string? Health { get; init; }
    }

    public sealed record ClusterConfig
    {
        public string ClusterId { get; init; } = string.Empty;

        public string? LoadBalancingPolicy { get; init; }

        public IReadOnlyDictionary<string, DestinationConfig>? Destinations { get; init; }

        public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    }

    public interface IProxyConfig
    {
        IReadOnlyList<RouteConfig> Routes { get; }

        IReadOnlyList<ClusterConfig> Clusters { get; }
    }

    public interface IProxyConfigProvider
    {
        IProxyConfig GetConfig();
    }
}

namespace Yarp.ReverseProxy.Model
{
    using Yarp.ReverseProxy.Configuration;

    public sealed class RouteModel(RouteConfig config)
    {
        public RouteConfig Config { get; } = config;
    }

    public sealed class ClusterModel(ClusterConfig config)
    {
        public ClusterConfig Config { get; } = config;
    }

    public sealed class DestinationState(string destinationId, DestinationConfig model)
    {
        public string DestinationId { get; } = destinationId;

        public DestinationConfig Model { get; } = model;
    }

    public interface IReverseProxyFeature
    {
        RouteModel Route { get; }

        ClusterModel? Cluster { get; }

        DestinationState? ProxiedDestination { get; set; }
    }
}

namespace Yarp.ReverseProxy.Forwarder
{
    public enum ForwarderError
    {
        None,
        Request,
        RequestTimedOut,
        RequestCanceled,
        RequestBodyCanceled,
        RequestBodyClient,
        RequestBodyDestination,
        ResponseBodyCanceled,
        ResponseBodyClient,
        ResponseBodyDestination,
        NoAvailableDestinations,
        UpgradeRequestDestination,
    }

    public interface IForwarderErrorFeature
    {
        ForwarderError Error { get; }

        Exception? Exception { get; }
    }

    public sealed class ForwarderRequestConfig
    {
        public TimeSpan? ActivityTimeout { get; init; }
    }

    public interface IHttpForwarder
    {
        ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient, ForwarderRequestConfig requestConfig);
    }
}

namespace Yarp.ReverseProxy.Transforms
{
    public sealed class QueryTransformContext
    {
        public IDictionary<string, string> Collection { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public QueryString QueryString => new(Collection.Count == 0 ? null : "?" + string.Join("&", Collection.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value))));
    }

    public class RequestTransformContext
    {
        public required HttpContext HttpContext { get; init; }

        public required HttpRequestMessage ProxyRequest { get; init; }

        public PathString Path { get; set; }

        public QueryTransformContext Query { get; set; } = new();

        public string DestinationPrefix { get; init; } = string.Empty;

        public bool HeadersCopied { get; set; }

        public CancellationToken CancellationToken { get; init; }
    }

    public class ResponseTransformContext
    {
        public required HttpContext HttpContext { get; init; }

        public HttpResponseMessage? ProxyResponse { get; init; }

        public bool SuppressResponseBody { get; set; }

        public CancellationToken CancellationToken { get; init; }
    }

    public abstract class RequestTransform
    {
        public abstract ValueTask ApplyAsync(RequestTransformContext context);

        public static void RemoveHeader(RequestTransformContext context, string headerName)
        {
            context.ProxyRequest.Headers.Remove(headerName);
        }

        public static void AddHeader(RequestTransformContext context, string headerName, string value)
        {
            context.ProxyRequest.Headers.TryAddWithoutValidation(headerName, value);
        }
    }

    public abstract class ResponseTransform
    {
        public abstract ValueTask ApplyAsync(ResponseTransformContext context);
    }

    public static class RequestHeadersTransformExtensions
    {
        public static Builder.TransformBuilderContext AddRequestHeader(this Builder.TransformBuilderContext context, string headerName, string value, bool append = true) => context;

        public static Builder.TransformBuilderContext AddRequestHeaderRemove(this Builder.TransformBuilderContext context, string headerName) => context;

        public static Builder.TransformBuilderContext AddXForwarded(this Builder.TransformBuilderContext context) => context;
    }
}

namespace Yarp.ReverseProxy.Transforms.Builder
{
    using Yarp.ReverseProxy.Configuration;

    public sealed class TransformBuilderContext
    {
        public required RouteConfig Route { get; init; }

        public ClusterConfig? Cluster { get; init; }

        public IServiceProvider Services { get; init; } = null!;

        public IList<RequestTransform> RequestTransforms { get; } = new List<RequestTransform>();

        public IList<ResponseTransform> ResponseTransforms { get; } = new List<ResponseTransform>();

        public TransformBuilderContext AddRequestTransform(Func<RequestTransformContext, ValueTask> transform) => this;

        public TransformBuilderContext AddResponseTransform(Func<ResponseTransformContext, ValueTask> transform) => this;
    }

    public sealed class TransformRouteValidationContext
    {
        public required RouteConfig Route { get; init; }

        public IList<Exception> Errors { get; } = new List<Exception>();
    }

    public interface ITransformProvider
    {
        void ValidateRoute(TransformRouteValidationContext context);

        void Apply(TransformBuilderContext context);
    }
}
