using System.Net;

// Stand-ins for the parts of ASP.NET Core a gRPC service reads through GetHttpContext(): the request
// (path, query, content type, headers, route values of a JSON-transcoded call), the connection and the
// endpoint with its route pattern; plus the metadata gRPC-Web and JSON transcoding put on endpoints.
namespace Microsoft.AspNetCore.Http
{
    public sealed class HttpContext
    {
        public HttpRequest Request { get; } = new();

        public HttpResponse Response { get; } = new();

        public ConnectionInfo Connection { get; } = new();

        public string TraceIdentifier { get; set; } = Guid.NewGuid().ToString("N");

        public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public Endpoint? GetEndpoint() => null;
    }

    public sealed class HttpRequest
    {
        public string Method { get; set; } = "POST";

        public string Protocol { get; set; } = "HTTP/2";

        public string Host { get; set; } = string.Empty;

        /// <summary>The path: <c>/package.Service/Method</c> for gRPC and gRPC-Web, the HTTP route's path for a transcoded call.</summary>
        public string Path { get; set; } = string.Empty;

        public string QueryString { get; set; } = string.Empty;

        public string? ContentType { get; set; }

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public IDictionary<string, string> Cookies { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The values the route template bound, by the template's variable names.</summary>
        public IDictionary<string, object?> RouteValues { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
    }

    public sealed class HttpResponse
    {
        public int StatusCode { get; set; } = 200;

        public string? ContentType { get; set; }

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    public sealed class ConnectionInfo
    {
        public IPAddress? RemoteIpAddress { get; set; }

        public int RemotePort { get; set; }

        public string Id { get; set; } = Guid.NewGuid().ToString("N");
    }

    public class Endpoint
    {
        public string? DisplayName { get; init; }

        public IReadOnlyList<object> Metadata { get; init; } = Array.Empty<object>();

        public T? GetMetadata<T>()
            where T : class => Metadata.OfType<T>().LastOrDefault();
    }

    public sealed class RouteEndpoint : Endpoint
    {
        public required Microsoft.AspNetCore.Routing.RoutePattern RoutePattern { get; init; }
    }
}

namespace Microsoft.AspNetCore.Routing
{
    public sealed class RoutePattern
    {
        /// <summary>The template as written, e.g. <c>/v1/students/{student_number}/grades</c>.</summary>
        public string? RawText { get; init; }
    }
}

namespace Google.Api
{
    /// <summary>The <c>google.api.http</c> option of a method: how JSON transcoding maps it to HTTP.</summary>
    public sealed class HttpRule
    {
        public string Selector { get; init; } = string.Empty;

        public string Get { get; init; } = string.Empty;

        public string Post { get; init; } = string.Empty;

        public string Patch { get; init; } = string.Empty;

        public string Body { get; init; } = string.Empty;

        public string Pattern => Get.Length > 0 ? Get : Post.Length > 0 ? Post : Patch;
    }
}

namespace Microsoft.AspNetCore.Grpc.JsonTranscoding
{
    /// <summary>Endpoint metadata of a transcoded method: the method's full name and its HTTP rule.</summary>
    public sealed class GrpcJsonTranscodingMetadata(string methodFullName, Google.Api.HttpRule httpRule)
    {
        public string MethodFullName { get; } = methodFullName;

        public Google.Api.HttpRule HttpRule { get; } = httpRule;
    }
}

namespace Grpc.AspNetCore.Web
{
    /// <summary>gRPC-Web: the content types a browser sends, and the marker on endpoints that accept it.</summary>
    public static class GrpcWebProtocolConstants
    {
        public const string GrpcWebContentType = "application/grpc-web";
        public const string GrpcWebTextContentType = "application/grpc-web-text";
    }

    public sealed class EnableGrpcWebAttribute : Attribute;
}
