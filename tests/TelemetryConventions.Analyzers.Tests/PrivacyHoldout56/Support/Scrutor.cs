using System;

namespace Microsoft.Extensions.DependencyInjection;

// A stand-in for Scrutor's decoration extensions: each registration of TService is replaced by
// TDecorator, which receives the original implementation in its constructor. Only the shapes matter.

public static class ServiceCollectionExtensions
{
    public static IServiceCollection Decorate<TService, TDecorator>(this IServiceCollection services)
        where TDecorator : TService => services;

    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorator) => services;

    /// <summary>Decorates open generic registrations, e.g. <c>Decorate(typeof(IRepository&lt;&gt;), typeof(TracedRepository&lt;&gt;))</c>.</summary>
    public static IServiceCollection Decorate(this IServiceCollection services, Type serviceType, Type decoratorType) => services;
}
