using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>Where a value goes when it reaches telemetry.</summary>
internal enum SinkKind
{
    SpanAttribute,
    EventAttribute,
    LinkAttribute,
    MetricAttribute,
    Baggage,
    LogValue,
    LogMessage,
    SpanName,
    EventName,
    SpanStatus,
    ExceptionMessage,

    /// <summary>The message of an exception thrown out of the method that creates or rethrows it.</summary>
    ThrownException,

    /// <summary>The W3C trace state of a span (<c>Activity.TraceStateString</c>): exported with it and propagated to every service it calls.</summary>
    TraceState,

    /// <summary>A payload or message of .NET's own diagnostics: <c>EventSource</c>, <c>DiagnosticSource</c>, <c>Trace</c> and <c>TraceSource</c>.</summary>
    DiagnosticEvent,

    /// <summary>What an error-reporting SDK sends with an error: its user, tags, extras, breadcrumbs and captured messages.</summary>
    ErrorReport,
}

/// <summary>
/// One value that reaches telemetry, with the key it goes under when it has one. Attribute sinks
/// (span, event, link and metric attributes) have keys that the conventions govern; baggage and log
/// values have keys too but are not attributes; names, messages and statuses have no key.
/// </summary>
internal sealed class TelemetrySite
{
    public TelemetrySite(SinkKind kind, IOperation? key, IOperation value, string? keyName = null)
    {
        Kind = kind;
        Key = key;
        Value = value;
        KeyName = keyName ?? (key is not null && OperationTree.Unwrap(key).ConstantValue is { HasValue: true, Value: string constant } ? constant : null);
    }

    public SinkKind Kind { get; }

    /// <summary>The key expression; null for keyless sinks and for log values (whose key is a placeholder).</summary>
    public IOperation? Key { get; }

    /// <summary>The key as text when known at compile time: a constant key, or a log placeholder name.</summary>
    public string? KeyName { get; }

    public IOperation Value { get; }

    /// <summary>A log value written member by member (<c>{@Order}</c>, a scope's state object, <c>[LogProperties]</c>).</summary>
    public bool Destructured { get; init; }

    /// <summary>The format a message template's placeholder gives its value (<c>{Email:F}</c>); null when none.</summary>
    public string? Format { get; init; }

    /// <summary>
    /// Where the privacy rules report: the local a tag list was built in, where it reaches telemetry
    /// (<c>BeginScope(scope)</c>), when the value was written into it on another line. Null: at the value.
    /// </summary>
    public IOperation? ReportAt { get; init; }

    /// <summary>The value is a call of a project helper that returns tags: its own tag values are the site's.</summary>
    public bool ReturnedByHelper { get; init; }

    /// <summary>
    /// The site is an argument of a project helper that sends these members of it (<c>Trace(request)</c>
    /// where the helper tags <c>command.AccountNumber</c>): the value is judged by them, not as a whole.
    /// </summary>
    public ImmutableArray<ISymbol> SentMembers { get; init; } = ImmutableArray<ISymbol>.Empty;

    /// <summary>
    /// The site is an argument of a project helper (or constructor) that sends that parameter under the
    /// key: the key was chosen in the helper, for whatever its callers hand it, not for this value.
    /// </summary>
    public bool HandedToHelper { get; init; }

    /// <summary>The value is an entry's key computed at run time: it is sent as the name of the attribute or entry.</summary>
    public bool NamesTheEntry { get; init; }

    /// <summary>The logging generator redacts the members of this value that carry a data classification.</summary>
    public bool RedactsClassifiedMembers { get; init; }

    public bool IsAttribute => Kind is SinkKind.SpanAttribute or SinkKind.EventAttribute or SinkKind.LinkAttribute or SinkKind.MetricAttribute;

    public bool IsMetric => Kind == SinkKind.MetricAttribute;

    /// <summary>How messages name this sink: "span attribute 'patient.id'", "log message", …</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            SinkKind.SpanAttribute => "span attribute",
            SinkKind.EventAttribute => "event attribute",
            SinkKind.LinkAttribute => "link attribute",
            SinkKind.MetricAttribute => "metric tag",
            SinkKind.Baggage => "baggage entry",
            SinkKind.LogValue => "log value",
            SinkKind.LogMessage => "log message",
            SinkKind.SpanName => "span name",
            SinkKind.EventName => "event name",
            SinkKind.SpanStatus => "span status description",
            SinkKind.ThrownException => "message of an exception thrown out uncaught (the host logs it and records it on the span)",
            SinkKind.TraceState => "trace state (propagated with the trace context)",
            SinkKind.DiagnosticEvent => "diagnostic event (EventSource, DiagnosticSource or trace listener)",
            SinkKind.ErrorReport => "error report",
            _ => "exception message exported with the telemetry",
        };
        return NamesTheEntry ? $"name of a {what}" : KeyName is { Length: > 0 } name ? $"{what} '{name}'" : what;
    }
}

internal enum TelemetryNameKind
{
    Span,
    Instrument,
    Event,
}

/// <summary>The name given to a span, an instrument or an event where it is created.</summary>
internal sealed class TelemetryName
{
    public TelemetryName(TelemetryNameKind kind, IOperation name)
    {
        Kind = kind;
        Name = name;
    }

    public TelemetryNameKind Kind { get; }

    public IOperation Name { get; }
}
