using System;
using System.Collections.Generic;

// Stand-ins for the Serilog types the services' enrichers and scopes use.

namespace Serilog.Events
{
    public abstract class LogEventPropertyValue
    {
    }

    public sealed class ScalarValue(object? value) : LogEventPropertyValue
    {
        public object? Value { get; } = value;

        public override string ToString() => Value?.ToString() ?? "null";
    }

    public sealed class LogEventProperty(string name, LogEventPropertyValue value)
    {
        public string Name { get; } = name;

        public LogEventPropertyValue Value { get; } = value;
    }

    public enum LogEventLevel
    {
        Verbose,
        Debug,
        Information,
        Warning,
        Error,
        Fatal,
    }

    public sealed class LogEvent
    {
        private readonly Dictionary<string, LogEventPropertyValue> _properties = new(StringComparer.Ordinal);

        public DateTimeOffset Timestamp { get; init; }

        public LogEventLevel Level { get; init; }

        public Exception? Exception { get; init; }

        public IReadOnlyDictionary<string, LogEventPropertyValue> Properties => _properties;

        public void AddPropertyIfAbsent(LogEventProperty property) => _properties.TryAdd(property.Name, property.Value);

        public void AddOrUpdateProperty(LogEventProperty property) => _properties[property.Name] = property.Value;

        public void RemovePropertyIfPresent(string name) => _properties.Remove(name);
    }
}

namespace Serilog.Core
{
    using Serilog.Events;

    public interface ILogEventPropertyFactory
    {
        LogEventProperty CreateProperty(string name, object? value, bool destructureObjects = false);
    }

    public interface ILogEventEnricher
    {
        void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory);
    }
}

namespace Serilog.Context
{
    public static class LogContext
    {
        public static IDisposable PushProperty(string name, object? value, bool destructureObjects = false) => new Pop();

        private sealed class Pop : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
