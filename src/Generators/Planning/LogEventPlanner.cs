using System;
using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Planning;

/// <summary>
/// One event written as a log record through <c>ILogger</c>: the method, its cached event id, the
/// severity, the body and the attributes, every C# name chosen.
/// </summary>
internal sealed record LogEventSpec(
    string EventName,
    string MethodName,
    string EventIdFieldName,
    string StateTypeName,
    int EventIdNumber,
    string LogLevel,
    string Body,
    BodyParameterSpec? BodyParameter,
    string? StructuredBodyType,
    string? Brief,
    string? Note,
    Stability Stability,
    Deprecation? Deprecated,
    EquatableArray<WrapperAttributeSpec> Attributes,
    EquatableArray<string> UntypedAttributes,
    GenerationOptions Options)
{
    public string HintName => $"LogEvents.{MethodName}.g.cs";
}

/// <summary>A <c>string</c> body declared by the conventions: a parameter of the log method.</summary>
internal sealed record BodyParameterSpec(bool IsRequired, string? Brief);

/// <summary>Decides which methods an event gets, and plans its log method.</summary>
internal static class LogEventPlanner
{
    /// <summary>
    /// The methods an event gets. Its <c>log.signals</c> annotation wins; otherwise the
    /// <c>TelemetryConventionsEventMethods</c> option, whose default gives every event a log
    /// method and a span-event method where a span declares the event. A project without
    /// <c>Microsoft.Extensions.Logging</c> gets span-event methods instead of log methods, so no
    /// event is left without an API.
    /// </summary>
    public static EventSignals SignalsOf(ResolvedGroup group, string eventName, ISet<string> declaredOnSpans, GenerationOptions options, TargetPlatform platform)
    {
        var signals = group.Log?.Signals ?? options.EventMethods switch
        {
            EventMethods.Log => EventSignals.Log,
            EventMethods.SpanEvent => EventSignals.SpanEvent,
            EventMethods.Both => EventSignals.Both,
            _ => EventSignals.Log | (declaredOnSpans.Contains(group.Id) || declaredOnSpans.Contains(eventName) ? EventSignals.SpanEvent : EventSignals.None),
        };
        if (!platform.HasLogging && (signals & EventSignals.Log) != 0)
        {
            signals = (signals & ~EventSignals.Log) | EventSignals.SpanEvent;
        }
        return signals;
    }

    /// <param name="baseName">The event's C# name, shared with its span-event method (<c>ClinicVitalsRecordedEvent</c>).</param>
    /// <param name="attributes">The typed attributes, as for the span-event method (redacted ones already left out).</param>
    public static LogEventSpec Plan(ResolvedGroup group, string eventName, string baseName, EquatableArray<WrapperAttributeSpec> attributes, GenerationOptions options)
    {
        // An `any` attribute has no single C# type, and an object parameter would let a whole
        // object (a customer, an order) into the record, so it gets no parameter on a log method.
        var typed = attributes.Where(a => a.Kind != ValueKind.Any).ToEquatableArray();
        var untyped = attributes.Where(a => a.Kind == ValueKind.Any).Select(a => a.Name).ToEquatableArray();
        var body = group.Body;
        var stringBody = body is not null && string.Equals(body.Type, "string", StringComparison.Ordinal)
            ? new BodyParameterSpec(body.Requirement == RequirementKind.Required, body.Brief)
            : null;
        return new LogEventSpec(
            eventName,
            "Log" + baseName,
            baseName + "Id",
            baseName + "LogState",
            EventIdNumber(eventName),
            EventLogLevel.Of(group).ToString(),
            group.Log?.Body ?? eventName,
            stringBody,
            body is not null && stringBody is null ? body.Type : null,
            group.Brief,
            group.Note,
            group.Stability,
            group.Deprecated,
            typed,
            untyped,
            options);
    }

    /// <summary>
    /// A stable number for the event id: FNV-1a over the event name's UTF-16 code units, kept
    /// positive. Any build of any service gives the same event the same number.
    /// </summary>
    internal static int EventIdNumber(string eventName)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in eventName)
            {
                hash = (hash ^ c) * 16777619u;
            }
            return (int)(hash & 0x7FFFFFFF);
        }
    }
}
