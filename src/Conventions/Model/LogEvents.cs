namespace TelemetryConventions.Conventions.Model;

/// <summary>The severity of an event's log record, by its .NET <c>LogLevel</c> name.</summary>
public enum LogSeverity
{
    Trace,
    Debug,
    Information,
    Warning,
    Error,
    Critical,
}

/// <summary>Which generated methods carry an event: a log record, a span event, or both.</summary>
[System.Flags]
public enum EventSignals
{
    None = 0,
    Log = 1,
    SpanEvent = 2,
    Both = Log | SpanEvent,
}

/// <summary>The level an event's log records are written at, for the generator and the analyzers alike.</summary>
public static class EventLogLevel
{
    /// <summary>
    /// The annotation's severity; without one, an event that describes an exception is an error
    /// and every other event is information.
    /// </summary>
    public static LogSeverity Of(ResolvedGroup group) =>
        group.Log?.Severity ?? (System.Linq.Enumerable.Any(group.Attributes, a => a.Name == "exception.type") ? LogSeverity.Error : LogSeverity.Information);
}

/// <summary>
/// Our <c>log</c> annotation on an event group: the severity of its log record, a fixed body
/// text, and which methods the generator writes for it. Every part is optional.
/// </summary>
public sealed record LogAnnotation(LogSeverity? Severity, string? Body, EventSignals? Signals);

/// <summary>
/// The <c>body</c> an event declares (v1 and v2). Only a <c>string</c> body can travel through
/// <c>ILogger</c>; a structured (<c>map</c>) body is recorded so the generated docs can say so.
/// </summary>
public sealed record EventBody(string Type, RequirementKind Requirement, string? Brief);
