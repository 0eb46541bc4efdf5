using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Planning;

/// <summary>
/// What the emitter writes, with every C# name already chosen. Specs carry no source
/// locations, so moving text around in a YAML file does not re-emit anything.
/// </summary>
internal sealed record EnumMemberSpec(
    string Id,
    string CSharpName,
    string? StringValue,
    long? IntValue,
    string? Brief,
    string? Note,
    Stability Stability,
    Deprecation? Deprecated);

internal sealed record AttributeSpec(
    string Name,
    string ConstantName,
    AttributeType Type,
    string? Brief,
    string? Note,
    EquatableArray<string> Examples,
    Stability Stability,
    Deprecation? Deprecated,
    PrivacyAnnotation? Privacy,
    string? EnumTypeName,
    string? OpenValueTypeName,
    EquatableArray<EnumMemberSpec> EnumMembers,
    PseudonymHelperSpec? PseudonymHelper = null);

/// <summary>
/// The generated helpers that pseudonymise a raw value of one attribute in its domain:
/// <c>Pseudonymize&lt;Suffix&gt;</c>, <c>Compute&lt;Suffix&gt;</c> and the constant <c>&lt;Suffix&gt;Domain</c>
/// in <c>TelemetryPseudonyms</c>.
/// </summary>
internal sealed record PseudonymHelperSpec(string Domain, string Suffix);

/// <summary>One generated file: the constants (and enums) of one root namespace such as <c>http</c>.</summary>
internal sealed record AttributeNamespaceSpec(
    string RootName,
    string ClassName,
    EquatableArray<AttributeSpec> Attributes,
    GenerationOptions Options)
{
    public string HintName => $"{ClassName}.g.cs";
}

/// <summary>Everything to emit, and the problems found while choosing names.</summary>
internal sealed record GenerationPlan(
    EquatableArray<AttributeNamespaceSpec> AttributeNamespaces,
    EquatableArray<SpanSpec> Spans,
    EquatableArray<EventSpec> Events,
    EquatableArray<MetricSpec> Metrics,
    CatalogSpec Catalog,
    EquatableArray<ConventionDiagnostic> Diagnostics,
    GenerationOptions Options,
    EquatableArray<LogEventSpec> LogEvents)
{
    public bool HasWrappers => !Spans.IsEmpty || !Events.IsEmpty || !LogEvents.IsEmpty || !Metrics.IsEmpty;
}

/// <summary>How a value of an attribute travels from a typed parameter to a tag.</summary>
internal enum ValueKind
{
    String,
    Long,
    Double,
    Boolean,
    StringArray,
    LongArray,
    DoubleArray,
    BooleanArray,
    Any,
    StringEnum,
    IntEnum,
    /// <summary>A <c>pseudonymize</c> attribute: only a runtime <c>Pseudonym</c> fits.</summary>
    Pseudonym,
}

/// <summary>An attribute as a parameter or setter of a span, event or metric wrapper.</summary>
internal sealed record WrapperAttributeSpec(
    string Name,
    string MemberName,
    string ParameterName,
    string CSharpType,
    ValueKind Kind,
    RequirementKind Requirement,
    string? Condition,
    bool SamplingRelevant,
    bool IsTemplate,
    string? Brief,
    Deprecation? Deprecated)
{
    public bool IsRequired => Requirement == RequirementKind.Required;
}

internal sealed record EventSpec(
    string EventName,
    string MethodName,
    string? Brief,
    string? Note,
    Stability Stability,
    Deprecation? Deprecated,
    EquatableArray<WrapperAttributeSpec> Attributes,
    GenerationOptions Options)
{
    public string HintName => $"Events.{MethodName}.g.cs";
}

internal sealed record SpanSpec(
    string TypeName,
    string StartMethodName,
    string DefaultName,
    string ActivityKind,
    string? Brief,
    string? Note,
    Stability Stability,
    Deprecation? Deprecated,
    EquatableArray<WrapperAttributeSpec> Attributes,
    EquatableArray<EventSpec> Events,
    GenerationOptions Options)
{
    public string HintName => $"Spans.{TypeName}.g.cs";
}

internal sealed record MetricSpec(
    string TypeName,
    string FactoryMethodName,
    string MetricName,
    InstrumentKind Instrument,
    string ValueType,
    string? Unit,
    string? Brief,
    string? Note,
    Stability Stability,
    Deprecation? Deprecated,
    EquatableArray<WrapperAttributeSpec> Attributes,
    EquatableArray<double> HistogramBuckets,
    GenerationOptions Options,
    bool Synchronous = true,
    ObservableSpec? Observable = null)
{
    public string HintName => $"Metrics.{(Synchronous || Observable is null ? TypeName : Observable.TypeName)}.g.cs";
}

/// <summary>
/// An observable instrument's registration: the static class with its typed <c>Measure</c>
/// method, and the <c>TelemetryMetrics</c> factory that takes the callback.
/// </summary>
internal sealed record ObservableSpec(string TypeName, string FactoryMethodName);

internal sealed record CatalogAttributeSpec(string Name, string ValueType, string Requirement, string Treatment, bool IsTemplate);

/// <summary>One declared span, event or metric, as the runtime conformance checker needs it.</summary>
internal sealed record CatalogSignalSpec(string Kind, string Name, string? Detail, string? Unit, EquatableArray<CatalogAttributeSpec> Attributes);

/// <summary>The whole catalog: written as one file, <c>TelemetryCatalog.g.cs</c>.</summary>
internal sealed record CatalogSpec(EquatableArray<CatalogSignalSpec> Signals, GenerationOptions Options)
{
    public const string HintName = "TelemetryCatalog.g.cs";
}
