using System;
using System.Linq.Expressions;

namespace Mapster;

// A stand-in for Mapster. Adapt<T>() copies members by name, as Mapster does, unless a
// TypeAdapterConfig registered at start-up says otherwise: Ignore(…) leaves a destination member at
// its default, Map(…) fills it from the expression given. Only the shapes matter here.

public static class TypeAdapterExtensions
{
    public static TDestination Adapt<TDestination>(this object? source) => default!;

    public static TDestination Adapt<TSource, TDestination>(this TSource source, TDestination destination) => destination;
}

public sealed class TypeAdapterSetter<TSource, TDestination>
{
    public TypeAdapterSetter<TSource, TDestination> Ignore(params Expression<Func<TDestination, object?>>[] members) => this;

    public TypeAdapterSetter<TSource, TDestination> Map<TMember>(Expression<Func<TDestination, TMember>> member, Expression<Func<TSource, TMember>> source) => this;
}

public static class TypeAdapterConfig<TSource, TDestination>
{
    public static TypeAdapterSetter<TSource, TDestination> NewConfig() => new();
}
