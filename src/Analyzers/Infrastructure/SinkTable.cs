using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// One member of a telemetry API through which values enter telemetry, and which of its
/// parameters play which part. <see cref="Member"/> is <c>.ctor</c> for a constructor.
/// </summary>
internal sealed class SinkEntry
{
    public SinkEntry(string type, string member, SinkKind kind)
    {
        Type = type;
        Member = member;
        Kind = kind;
    }

    /// <summary>The metadata name of the declaring type.</summary>
    public string Type { get; }

    public string Member { get; }

    /// <summary>Where the value (or the key and value) goes.</summary>
    public SinkKind Kind { get; }

    /// <summary>The parameter holding the attribute key, for keyed sinks.</summary>
    public string? Key { get; init; }

    /// <summary>The parameter holding the value (or the name, message or description).</summary>
    public string? Value { get; init; }

    /// <summary>The parameter holding a collection of tags, and where those tags go.</summary>
    public string? Tags { get; init; }

    public SinkKind TagsKind { get; init; } = SinkKind.SpanAttribute;

    /// <summary>The parameter holding an exception whose message is exported.</summary>
    public string? Exception { get; init; }

    /// <summary>The value is an object written member by member (an <c>EventSource.Write</c> or <c>DiagnosticSource.Write</c> payload).</summary>
    public bool Destructured { get; init; }

    /// <summary>Set when <see cref="Value"/> is the name of a span or event, which the naming rules judge too.</summary>
    public TelemetryNameKind? NameKind { get; init; }

    /// <summary>How the rule pages name the member: <c>Activity.SetTag</c>, <c>new ActivityEvent</c>.</summary>
    public string DisplayName
    {
        get
        {
            var simple = Type.Substring(Type.LastIndexOf('.') + 1);
            return Member == ".ctor" ? "new " + simple : simple + "." + Member;
        }
    }
}

/// <summary>
/// The telemetry members with a fixed shape, as data: the .NET <c>Activity</c> API, OpenTelemetry's
/// span shim and baggage, and .NET's own diagnostics (<c>Trace</c>, <c>TraceSource</c>,
/// <c>EventSource</c>, <c>DiagnosticSource</c>), whose listeners export what they are given. Members whose shape varies (instruments and their tag overloads, tag
/// collections, loggers and their templates) are recognised in <see cref="TelemetrySinks"/>.
/// The rule pages list exactly these entries; a test keeps them in step.
/// </summary>
internal static class SinkTable
{
    private const string Activity = "System.Diagnostics.Activity";
    private const string ActivitySource = "System.Diagnostics.ActivitySource";
    private const string TelemetrySpan = "OpenTelemetry.Trace.TelemetrySpan";
    private const string Trace = "System.Diagnostics.Trace";
    private const string TraceSource = "System.Diagnostics.TraceSource";
    private const string EventSource = "System.Diagnostics.Tracing.EventSource";
    private const string DiagnosticSource = "System.Diagnostics.DiagnosticSource";
    private const string DiagnosticListener = "System.Diagnostics.DiagnosticListener";

    public static ImmutableArray<SinkEntry> Entries { get; } = ImmutableArray.Create(
        new SinkEntry(Activity, "SetTag", SinkKind.SpanAttribute) { Key = "key", Value = "value" },
        new SinkEntry(Activity, "AddTag", SinkKind.SpanAttribute) { Key = "key", Value = "value" },
        new SinkEntry(Activity, "SetBaggage", SinkKind.Baggage) { Key = "key", Value = "value" },
        new SinkEntry(Activity, "AddBaggage", SinkKind.Baggage) { Key = "key", Value = "value" },
        new SinkEntry(Activity, "SetStatus", SinkKind.SpanStatus) { Value = "description" },
        new SinkEntry(Activity, "AddException", SinkKind.ExceptionMessage) { Exception = "exception", Tags = "tags", TagsKind = SinkKind.EventAttribute },
        new SinkEntry(Activity, "set_DisplayName", SinkKind.SpanName) { Value = "value" },
        new SinkEntry(Activity, ".ctor", SinkKind.SpanName) { Value = "operationName", NameKind = TelemetryNameKind.Span },
        new SinkEntry(ActivitySource, "StartActivity", SinkKind.SpanName) { Value = "name", NameKind = TelemetryNameKind.Span, Tags = "tags" },
        new SinkEntry(ActivitySource, "CreateActivity", SinkKind.SpanName) { Value = "name", NameKind = TelemetryNameKind.Span, Tags = "tags" },
        new SinkEntry("System.Diagnostics.ActivityEvent", ".ctor", SinkKind.EventName) { Value = "name", NameKind = TelemetryNameKind.Event, Tags = "tags", TagsKind = SinkKind.EventAttribute },
        new SinkEntry("System.Diagnostics.ActivityLink", ".ctor", SinkKind.LinkAttribute) { Tags = "tags", TagsKind = SinkKind.LinkAttribute },
        new SinkEntry("OpenTelemetry.Trace.ActivityExtensions", "RecordException", SinkKind.ExceptionMessage) { Exception = "ex", Tags = "tags", TagsKind = SinkKind.EventAttribute },
        new SinkEntry(TelemetrySpan, "SetAttribute", SinkKind.SpanAttribute) { Key = "key", Value = "value" },
        new SinkEntry(TelemetrySpan, "UpdateName", SinkKind.SpanName) { Value = "name" },
        new SinkEntry(TelemetrySpan, "AddEvent", SinkKind.EventName) { Value = "name" },
        new SinkEntry(TelemetrySpan, "RecordException", SinkKind.ExceptionMessage) { Exception = "ex", Value = "message" },
        new SinkEntry("OpenTelemetry.Trace.SpanAttributes", "Add", SinkKind.SpanAttribute) { Key = "key", Value = "value" },
        new SinkEntry("OpenTelemetry.Baggage", "SetBaggage", SinkKind.Baggage) { Key = "name", Value = "value" },
        new SinkEntry("OpenTelemetry.Baggage", "SetBaggage", SinkKind.Baggage) { Tags = "baggageItems", TagsKind = SinkKind.Baggage },
        new SinkEntry("OpenTelemetry.Baggage", "Create", SinkKind.Baggage) { Tags = "baggageItems", TagsKind = SinkKind.Baggage },
        new SinkEntry(Activity, "set_TraceStateString", SinkKind.TraceState) { Value = "value" },
        new SinkEntry(Trace, "TraceInformation", SinkKind.DiagnosticEvent) { Value = "message" },
        new SinkEntry(Trace, "TraceInformation", SinkKind.DiagnosticEvent) { Value = "format" },
        new SinkEntry(Trace, "TraceInformation", SinkKind.DiagnosticEvent) { Value = "args" },
        new SinkEntry(Trace, "TraceWarning", SinkKind.DiagnosticEvent) { Value = "message" },
        new SinkEntry(Trace, "TraceWarning", SinkKind.DiagnosticEvent) { Value = "format" },
        new SinkEntry(Trace, "TraceWarning", SinkKind.DiagnosticEvent) { Value = "args" },
        new SinkEntry(Trace, "TraceError", SinkKind.DiagnosticEvent) { Value = "message" },
        new SinkEntry(Trace, "TraceError", SinkKind.DiagnosticEvent) { Value = "format" },
        new SinkEntry(Trace, "TraceError", SinkKind.DiagnosticEvent) { Value = "args" },
        new SinkEntry(Trace, "Write", SinkKind.DiagnosticEvent) { Value = "message" },
        new SinkEntry(Trace, "Write", SinkKind.DiagnosticEvent) { Value = "value" },
        new SinkEntry(Trace, "WriteLine", SinkKind.DiagnosticEvent) { Value = "message" },
        new SinkEntry(Trace, "WriteLine", SinkKind.DiagnosticEvent) { Value = "value" },
        new SinkEntry(Trace, "WriteIf", SinkKind.DiagnosticEvent) { Value = "message" },
        new SinkEntry(Trace, "WriteIf", SinkKind.DiagnosticEvent) { Value = "value" },
        new SinkEntry(Trace, "WriteLineIf", SinkKind.DiagnosticEvent) { Value = "message" },
        new SinkEntry(Trace, "WriteLineIf", SinkKind.DiagnosticEvent) { Value = "value" },
        new SinkEntry(TraceSource, "TraceEvent", SinkKind.DiagnosticEvent) { Value = "message" },
        new SinkEntry(TraceSource, "TraceEvent", SinkKind.DiagnosticEvent) { Value = "format" },
        new SinkEntry(TraceSource, "TraceEvent", SinkKind.DiagnosticEvent) { Value = "args" },
        new SinkEntry(TraceSource, "TraceInformation", SinkKind.DiagnosticEvent) { Value = "message" },
        new SinkEntry(TraceSource, "TraceInformation", SinkKind.DiagnosticEvent) { Value = "format" },
        new SinkEntry(TraceSource, "TraceInformation", SinkKind.DiagnosticEvent) { Value = "args" },
        new SinkEntry(TraceSource, "TraceData", SinkKind.DiagnosticEvent) { Value = "data" },
        new SinkEntry(TraceSource, "TraceTransfer", SinkKind.DiagnosticEvent) { Value = "message" },
        new SinkEntry(EventSource, "WriteEvent", SinkKind.DiagnosticEvent) { Value = "arg1" },
        new SinkEntry(EventSource, "WriteEvent", SinkKind.DiagnosticEvent) { Value = "arg2" },
        new SinkEntry(EventSource, "WriteEvent", SinkKind.DiagnosticEvent) { Value = "arg3" },
        new SinkEntry(EventSource, "WriteEvent", SinkKind.DiagnosticEvent) { Value = "args" },
        new SinkEntry(EventSource, "Write", SinkKind.DiagnosticEvent) { Value = "data", Destructured = true },
        new SinkEntry(DiagnosticSource, "Write", SinkKind.DiagnosticEvent) { Value = "value", Destructured = true },
        new SinkEntry(DiagnosticListener, "Write", SinkKind.DiagnosticEvent) { Value = "value", Destructured = true },
        new SinkEntry(DiagnosticSource, "StartActivity", SinkKind.DiagnosticEvent) { Value = "args", Destructured = true },
        new SinkEntry(DiagnosticSource, "StopActivity", SinkKind.DiagnosticEvent) { Value = "args", Destructured = true });

    /// <summary>The entries of the types this compilation can see, by declaring type and member name.</summary>
    public static Dictionary<(INamedTypeSymbol Type, string Member), List<SinkEntry>> Resolve(Compilation compilation)
    {
        var resolved = new Dictionary<(INamedTypeSymbol, string), List<SinkEntry>>(new TypeAndMemberComparer());
        foreach (var entry in Entries)
        {
            if (compilation.GetTypeByMetadataName(entry.Type) is not { } type)
            {
                continue;
            }
            if (!resolved.TryGetValue((type, entry.Member), out var list))
            {
                resolved[(type, entry.Member)] = list = new List<SinkEntry>();
            }
            list.Add(entry);
        }
        return resolved;
    }

    private sealed class TypeAndMemberComparer : IEqualityComparer<(INamedTypeSymbol Type, string Member)>
    {
        public bool Equals((INamedTypeSymbol Type, string Member) x, (INamedTypeSymbol Type, string Member) y) =>
            SymbolEqualityComparer.Default.Equals(x.Type, y.Type) && string.Equals(x.Member, y.Member, StringComparison.Ordinal);

        public int GetHashCode((INamedTypeSymbol Type, string Member) obj) =>
            SymbolEqualityComparer.Default.GetHashCode(obj.Type) * 31 + StringComparer.Ordinal.GetHashCode(obj.Member);
    }
}
