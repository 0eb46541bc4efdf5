using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Planning;

/// <summary>Plans the span, event and metric wrappers: their names, parameters and value paths.</summary>
internal sealed class WrapperPlanner
{
    public const string SpansClass = "TelemetrySpans";
    public const string EventsClass = "TelemetryEvents";
    public const string MetricsClass = "TelemetryMetrics";
    public const string SupportClass = "TelemetryConventionsSupport";

    /// <summary>Parameter names the generated methods use for themselves.</summary>
    private static readonly string[] ReservedParameters =
    {
        "source", "activity", "value", "spanName", "parentContext", "links", "startTime", "meter", "tags", "key", "exception", "includeMessage", "code", "description",
        "logger", "body", "level",
    };

    private readonly GenerationOptions _options;
    private readonly TargetPlatform _platform;
    private readonly NameAllocator _typeNames;
    private readonly IReadOnlyDictionary<string, string> _enumTypes;
    private readonly List<ConventionDiagnostic> _diagnostics;
    private readonly NameAllocator _eventMethods = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EventSpec> _eventsByName = new(StringComparer.Ordinal);
    private readonly StabilityFilter? _stability;

    public WrapperPlanner(GenerationOptions options, TargetPlatform platform, NameAllocator typeNames, IReadOnlyDictionary<string, string> enumTypes, List<ConventionDiagnostic> diagnostics, StabilityFilter? stability = null)
    {
        _stability = stability;
        _options = options;
        _platform = platform;
        _typeNames = typeNames;
        _enumTypes = enumTypes;
        _diagnostics = diagnostics;
    }

    public (EquatableArray<SpanSpec> Spans, EquatableArray<EventSpec> Events, EquatableArray<LogEventSpec> LogEvents, EquatableArray<MetricSpec> Metrics) Plan(ResolvedRegistry registry)
    {
        var groups = registry.Groups
            .Where(g => g.Kind is GroupKind.Span or GroupKind.Event or GroupKind.Metric)
            .Where(g => !g.ExcludedFromCodeGeneration && (_stability?.Keeps(g.Id, g.Stability, g.Location) ?? (!_options.StableOnly || g.Stability == Stability.Stable)))
            .OrderBy(g => g.Id, StringComparer.Ordinal)
            .ToList();

        var declaredOnSpans = new HashSet<string>(groups.Where(g => g.Kind == GroupKind.Span).SelectMany(g => g.Events), StringComparer.Ordinal);
        var events = new List<EventSpec>();
        var logEvents = new List<LogEventSpec>();
        foreach (var group in groups.Where(g => g.Kind == GroupKind.Event))
        {
            var eventName = SignalNames.EventName(group);
            var signals = LogEventPlanner.SignalsOf(group, eventName, declaredOnSpans, _options, _platform);
            var spec = PlanEvent(group, registerForSpans: (signals & EventSignals.SpanEvent) != 0);
            if ((signals & EventSignals.SpanEvent) != 0)
            {
                events.Add(spec);
            }
            if ((signals & EventSignals.Log) != 0)
            {
                logEvents.Add(LogEventPlanner.Plan(group, eventName, spec.MethodName.Substring("Add".Length), spec.Attributes, _options));
            }
        }
        var spans = groups.Where(g => g.Kind == GroupKind.Span).Select(PlanSpan).ToList();
        var metricGroups = groups.Where(g => g.Kind == GroupKind.Metric && g.MetricName is not null && g.Instrument != InstrumentKind.Unspecified).ToList();
        // A gauge that is only observed needs no synchronous Gauge<T>; ObservableGauge<T> is older.
        var gauges = metricGroups.Where(g => g.Instrument == InstrumentKind.Gauge && IsSynchronous(g)).ToList();
        if (!_platform.HasSynchronousGauge && gauges.Count > 0)
        {
            _diagnostics.Add(ConventionDiagnostic.Create(ConventionRules.GaugeUnsupported, gauges[0].Location, gauges.Count, gauges[0].MetricName));
            metricGroups = metricGroups.Where(g => !gauges.Contains(g) || IsObservable(g)).ToList();
        }
        var metrics = metricGroups.Select(g => PlanMetric(g, synchronous: IsSynchronous(g) && (_platform.HasSynchronousGauge || g.Instrument != InstrumentKind.Gauge))).ToList();
        return (spans.ToEquatableArray(), events.ToEquatableArray(), logEvents.ToEquatableArray(), metrics.ToEquatableArray());
    }

    /// <param name="registerForSpans">
    /// Whether span wrappers that declare the event get an <c>Add…Event</c> method: only when
    /// the event has a span-event method for them to call.
    /// </param>
    private EventSpec PlanEvent(ResolvedGroup group, bool registerForSpans)
    {
        var eventName = SignalNames.EventName(group);
        // "session.start_event" reads AddSessionStartEvent, not AddSessionStartEventEvent.
        var suffix = CSharpNames.Pascal(eventName).EndsWith("Event", StringComparison.Ordinal) ? "" : "Event";
        var methodName = "Add" + _eventMethods.Allocate(eventName, group.Id, group.Location, EventsClass + ".", _diagnostics, suffix);
        var spec = new EventSpec(eventName, methodName, group.Brief, group.Note, group.Stability, group.Deprecated,
            PlanAttributes(group, allowTemplates: false), _options);
        if (registerForSpans)
        {
            _eventsByName[group.Id] = spec;
            _eventsByName[eventName] = spec;
        }
        return spec;
    }

    private SpanSpec PlanSpan(ResolvedGroup group)
    {
        var local = SignalNames.SpanName(group);
        var typeName = _typeNames.Allocate(local, group.Id, group.Location, "", _diagnostics, "Span");
        var events = group.Events
            .Select(e => _eventsByName.TryGetValue(e, out var spec) ? spec : null)
            .Where(e => e is not null)
            .Select(e => e!)
            .Distinct()
            .ToEquatableArray();
        return new SpanSpec(
            typeName,
            "Start" + (typeName.EndsWith("Span", StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - "Span".Length) : typeName),
            local,
            SignalNames.ActivityKind(group.SpanKind),
            group.Brief,
            group.Note,
            group.Stability,
            group.Deprecated,
            PlanAttributes(group, allowTemplates: true),
            events,
            _options);
    }

    /// <summary>
    /// Whether a metric gets an observable registration: its <c>observable</c> annotation, or the
    /// <c>TelemetryConventionsObservableInstruments=all</c> option when it has none. .NET has no
    /// observable histogram.
    /// </summary>
    private bool IsObservable(ResolvedGroup group) =>
        group.Instrument != InstrumentKind.Histogram && (group.Observable ?? _options.ObservableForAll);

    /// <summary>A metric annotated <c>observable: true</c> is only observed; every other one keeps its synchronous wrapper.</summary>
    private static bool IsSynchronous(ResolvedGroup group) =>
        group.Observable != true || group.Instrument == InstrumentKind.Histogram;

    private MetricSpec PlanMetric(ResolvedGroup group, bool synchronous)
    {
        var suffix = group.Instrument switch
        {
            InstrumentKind.Counter => "Counter",
            InstrumentKind.UpDownCounter => "UpDownCounter",
            InstrumentKind.Gauge => "Gauge",
            _ => "Histogram",
        };
        var local = SignalNames.StripPrefix(group.Id, "metric.");
        ObservableSpec? observable = null;
        if (IsObservable(group))
        {
            var observableName = _typeNames.Allocate(local, group.Id, group.Location, "", _diagnostics, "Observable" + suffix);
            observable = new ObservableSpec(observableName, "Create" + observableName);
        }
        var typeName = synchronous
            ? _typeNames.Allocate(local, group.Id, group.Location, "", _diagnostics, suffix)
            : observable!.TypeName;
        return new MetricSpec(
            typeName,
            "Create" + typeName,
            group.MetricName!,
            group.Instrument,
            ValueTypeOf(group),
            group.Unit,
            group.Brief,
            group.Note,
            group.Stability,
            group.Deprecated,
            PlanAttributes(group, allowTemplates: false),
            group.Instrument == InstrumentKind.Histogram && _platform.HasInstrumentAdvice ? group.HistogramBuckets : EquatableArray<double>.Empty,
            _options,
            synchronous,
            observable);
    }

    /// <summary>
    /// Counts are whole numbers; everything measured in a physical unit is a double. An explicit
    /// <c>code_generation.metric_value_type</c> wins.
    /// </summary>
    private static string ValueTypeOf(ResolvedGroup group) => group.MetricValueType switch
    {
        MetricValueType.Int => "long",
        MetricValueType.Double => "double",
        _ when group.Instrument is InstrumentKind.Counter or InstrumentKind.UpDownCounter
            && (group.Unit is null || group.Unit.StartsWith("{", StringComparison.Ordinal) || group.Unit is "1" or "By") => "long",
        _ => "double",
    };

    internal EquatableArray<WrapperAttributeSpec> PlanAttributes(ResolvedGroup group, bool allowTemplates)
    {
        var members = new NameAllocator();
        var parameters = new NameAllocator(ReservedParameters.Select(CSharpNames.Pascal).ToArray());
        var result = new List<WrapperAttributeSpec>();
        foreach (var attribute in group.Attributes.OrderBy(a => a.RequirementLevel.Kind == RequirementKind.Required ? 0 : 1))
        {
            if (!(_stability?.Keeps(attribute) ?? (!_options.StableOnly || attribute.Stability == Stability.Stable)))
            {
                continue;
            }
            if (attribute.Privacy?.Treatment == PrivacyTreatment.Redact || (attribute.Type.IsTemplate && !allowTemplates))
            {
                // A redacted attribute has no way in: the type system keeps its value out of telemetry.
                continue;
            }
            var kind = KindOf(attribute, out var type);
            if (kind is null)
            {
                continue;
            }
            var memberName = members.Allocate(attribute.Name, attribute.Name, attribute.Location, "", _diagnostics);
            var parameterName = Camel(parameters.Allocate(attribute.Name, attribute.Name, attribute.Location, "", _diagnostics));
            // A template or a conditionally required attribute cannot be a required parameter.
            var requirement = attribute.Type.IsTemplate && attribute.RequirementLevel.Kind == RequirementKind.Required
                ? RequirementKind.ConditionallyRequired
                : attribute.RequirementLevel.Kind;
            result.Add(new WrapperAttributeSpec(
                attribute.Name,
                memberName,
                parameterName,
                type,
                kind.Value,
                requirement,
                attribute.RequirementLevel.Condition,
                attribute.SamplingRelevant,
                attribute.Type.IsTemplate,
                attribute.Brief,
                attribute.Deprecated));
        }
        return result.ToEquatableArray();
    }

    private ValueKind? KindOf(GroupAttribute attribute, out string csharpType)
    {
        var type = attribute.Type;
        if (attribute.Privacy?.Treatment == PrivacyTreatment.Pseudonymize)
        {
            csharpType = "global::TelemetryConventions.Pseudonym";
            // Arrays of identifiers have no pseudonymised form; they are left out rather than leaked.
            return type.IsArray ? null : ValueKind.Pseudonym;
        }
        if (type.IsEnum && _enumTypes.TryGetValue(attribute.Name, out var enumType))
        {
            csharpType = $"global::{_options.Namespace}.{enumType}";
            return type.Primitive == PrimitiveType.Int ? ValueKind.IntEnum : ValueKind.StringEnum;
        }
        (csharpType, var kind) = (type.Primitive, type.IsArray) switch
        {
            (PrimitiveType.Int, false) => ("long", ValueKind.Long),
            (PrimitiveType.Double, false) => ("double", ValueKind.Double),
            (PrimitiveType.Boolean, false) => ("bool", ValueKind.Boolean),
            (PrimitiveType.Any, _) => ("object", ValueKind.Any),
            (PrimitiveType.String, true) => ("string[]", ValueKind.StringArray),
            (PrimitiveType.Int, true) => ("long[]", ValueKind.LongArray),
            (PrimitiveType.Double, true) => ("double[]", ValueKind.DoubleArray),
            (PrimitiveType.Boolean, true) => ("bool[]", ValueKind.BooleanArray),
            // Enums whose C# type was not generated (excluded, or filtered by stability) travel as their wire value.
            _ when type.IsEnum && type.Primitive == PrimitiveType.Int => ("long", ValueKind.Long),
            _ => ("string", ValueKind.String),
        };
        return kind;
    }

    private static string Camel(string pascal)
    {
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(camel) != SyntaxKind.None
            ? "@" + camel
            : camel;
    }
}
