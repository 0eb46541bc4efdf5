using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace PrivacyHoldout27.Support;

/// <summary>
/// Reads a property of a diagnostic payload by name, as instrumentation libraries do for the
/// anonymous objects written to a <c>DiagnosticListener</c> (a cached property fetcher).
/// </summary>
public static class PayloadProperty
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Cache = new();

    public static object? Read(object? payload, string name)
    {
        if (payload is null)
        {
            return null;
        }

        var property = Cache.GetOrAdd((payload.GetType(), name), static key => key.Item1.GetProperty(key.Item2));
        return property?.GetValue(payload);
    }

    public static T? Read<T>(object? payload, string name) => Read(payload, name) is T value ? value : default;
}
