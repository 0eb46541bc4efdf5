using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;

namespace PrivacyHoldout17.Support.Web
{
    // Stand-ins for the parts of ASP.NET Core that webhook endpoints read.

    public sealed class HttpRequest
    {
        public string Method { get; init; } = "POST";

        public string Path { get; init; } = "/";

        public string QueryString { get; init; } = string.Empty;

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public Stream Body { get; init; } = Stream.Null;
    }

    public interface IResult;

    public static class Results
    {
        public static IResult Ok(object? value = null) => new StatusResult(200, value);

        public static IResult BadRequest(object? error = null) => new StatusResult(400, error);

        public static IResult NoContent() => new StatusResult(204, null);

        private sealed record StatusResult(int StatusCode, object? Value) : IResult;
    }
}

namespace PrivacyHoldout17.Support.Http
{
    using Microsoft.Extensions.DependencyInjection;

    /// <summary>Stand-in for Microsoft.Extensions.Http's builder of a typed client.</summary>
    public interface IHttpClientBuilder
    {
        IServiceCollection Services { get; }
    }

    public static class HttpClientRegistration
    {
        public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, Action<HttpClient> configureClient)
            where TClient : class => new Builder(services);

        public static IHttpClientBuilder AddHttpMessageHandler<THandler>(this IHttpClientBuilder builder)
            where THandler : DelegatingHandler => builder;

        private sealed record Builder(IServiceCollection Services) : IHttpClientBuilder;
    }
}
