using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

// Stand-ins for Refit: the attributes of a declared API, its exceptions and responses. Only the shapes matter.

namespace Refit
{
    [AttributeUsage(AttributeTargets.Method)]
    public abstract class HttpMethodAttribute(string path) : Attribute
    {
        public string Path { get; } = path;
    }

    public sealed class GetAttribute(string path) : HttpMethodAttribute(path);

    public sealed class PostAttribute(string path) : HttpMethodAttribute(path);

    public sealed class PutAttribute(string path) : HttpMethodAttribute(path);

    public sealed class DeleteAttribute(string path) : HttpMethodAttribute(path);

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class BodyAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class QueryAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public sealed class AliasAsAttribute(string name) : Attribute
    {
        public string Name { get; } = name;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class HeaderAttribute(string header) : Attribute
    {
        public string Header { get; } = header;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class AuthorizeAttribute(string scheme = "Bearer") : Attribute
    {
        public string Scheme { get; } = scheme;
    }

    [AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method)]
    public sealed class HeadersAttribute(params string[] headers) : Attribute
    {
        public string[] Headers { get; } = headers;
    }

    /// <summary>RFC 7807 problem details, as Refit deserialises them into a <see cref="ValidationApiException"/>.</summary>
    public class ProblemDetails
    {
        public string? Type { get; set; }

        public string? Title { get; set; }

        public int Status { get; set; }

        public string? Detail { get; set; }

        public string? Instance { get; set; }

        public Dictionary<string, string[]> Errors { get; set; } = new();

        public Dictionary<string, object> Extensions { get; set; } = new();
    }

    /// <summary>
    /// Thrown for a response whose status is not a success. Its message is Refit's fixed text
    /// ("Response status code does not indicate success: 404 (Not Found)."); the partner's error body is in
    /// <see cref="Content"/>, and the request (its URI included) in <see cref="RequestMessage"/> and <see cref="Uri"/>.
    /// </summary>
    public class ApiException : Exception
    {
        protected ApiException(HttpRequestMessage message, HttpMethod httpMethod, string? content, HttpStatusCode statusCode, string? reasonPhrase, HttpResponseHeaders headers)
            : base($"Response status code does not indicate success: {(int)statusCode} ({reasonPhrase}).")
        {
            RequestMessage = message;
            HttpMethod = httpMethod;
            Content = content;
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            Headers = headers;
        }

        public HttpRequestMessage RequestMessage { get; }

        public HttpMethod HttpMethod { get; }

        public Uri? Uri => RequestMessage.RequestUri;

        public string? Content { get; }

        public bool HasContent => !string.IsNullOrWhiteSpace(Content);

        public HttpStatusCode StatusCode { get; }

        public string? ReasonPhrase { get; }

        public HttpResponseHeaders Headers { get; }

        public Task<T?> GetContentAsAsync<T>() =>
            Task.FromResult(HasContent ? JsonSerializer.Deserialize<T>(Content!) : default);
    }

    /// <summary>Thrown for a 400 whose body is problem details; <see cref="Content"/> is the parsed body.</summary>
    public sealed class ValidationApiException : ApiException
    {
        private ValidationApiException(ApiException inner)
            : base(inner.RequestMessage, inner.HttpMethod, inner.Content, inner.StatusCode, inner.ReasonPhrase, inner.Headers)
        {
        }

        public new ProblemDetails? Content { get; init; }
    }

    public interface IApiResponse
    {
        HttpStatusCode StatusCode { get; }

        bool IsSuccessStatusCode { get; }

        HttpResponseHeaders Headers { get; }

        HttpRequestMessage? RequestMessage { get; }

        ApiException? Error { get; }
    }

    public interface IApiResponse<out T> : IApiResponse
    {
        T? Content { get; }
    }

    public sealed class ApiResponse<T>(HttpResponseMessage response, T? content, ApiException? error = null) : IApiResponse<T>
    {
        public HttpStatusCode StatusCode => response.StatusCode;

        public bool IsSuccessStatusCode => response.IsSuccessStatusCode && error is null;

        public HttpResponseHeaders Headers => response.Headers;

        public HttpRequestMessage? RequestMessage => response.RequestMessage;

        public ApiException? Error => error;

        public T? Content => content;
    }

    public sealed class RefitSettings
    {
        public Func<HttpResponseMessage, Task<Exception?>>? ExceptionFactory { get; set; }
    }

    public static class RestService
    {
        public static T For<T>(HttpClient client, RefitSettings? settings = null) => throw new NotSupportedException("stand-in");
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public static class HttpClientFactoryExtensions
    {
        public static IHttpClientBuilder AddRefitClient<T>(this IServiceCollection services, Refit.RefitSettings? settings = null)
            where T : class => new StandInHttpClientBuilder(services, typeof(T).Name);
    }
}
