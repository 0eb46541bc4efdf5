using System;
using System.Net.Http;

// Stand-ins for Microsoft.Extensions.Http: named and typed clients and their handler chains. Only the shapes matter.

namespace System.Net.Http
{
    public interface IHttpClientFactory
    {
        HttpClient CreateClient(string name);
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public interface IHttpClientBuilder
    {
        string Name { get; }

        IServiceCollection Services { get; }
    }

    internal sealed class StandInHttpClientBuilder(IServiceCollection services, string name) : IHttpClientBuilder
    {
        public string Name { get; } = name;

        public IServiceCollection Services { get; } = services;
    }

    public static class HttpClientFactoryServiceCollectionExtensions
    {
        public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name) => new StandInHttpClientBuilder(services, name);

        public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services)
            where TClient : class => new StandInHttpClientBuilder(services, typeof(TClient).Name);

        public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, Action<HttpClient> configureClient)
            where TClient : class => new StandInHttpClientBuilder(services, typeof(TClient).Name);
    }

    public static class HttpClientBuilderExtensions
    {
        public static IHttpClientBuilder ConfigureHttpClient(this IHttpClientBuilder builder, Action<HttpClient> configureClient) => builder;

        public static IHttpClientBuilder AddHttpMessageHandler<THandler>(this IHttpClientBuilder builder)
            where THandler : DelegatingHandler => builder;

        public static IHttpClientBuilder AddHttpMessageHandler(this IHttpClientBuilder builder, Func<IServiceProvider, DelegatingHandler> configureHandler) => builder;
    }
}
