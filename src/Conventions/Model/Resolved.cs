using TelemetryConventions.Conventions.Diagnostics;

namespace TelemetryConventions.Conventions.Model;

/// <summary>
/// An attribute as one group uses it: the registry definition with the group's overrides
/// (brief, note, examples, requirement level, …) already applied.
/// </summary>
public sealed record GroupAttribute(
    string Name,
    AttributeType Type,
    string? Brief,
    string? Note,
    EquatableArray<string> Examples,
    RequirementLevel RequirementLevel,
    bool SamplingRelevant,
    Stability Stability,
    Deprecation? Deprecated,
    PrivacyAnnotation? Privacy,
    SourceSpan Location,
    bool Identifying = false);

/// <summary>A group after refs, extends, ref_group and refinements have been applied.</summary>
public sealed record ResolvedGroup(
    string Id,
    GroupKind Kind,
    string? Brief,
    string? Note,
    Stability Stability,
    Deprecation? Deprecated,
    Visibility Visibility,
    SpanKind SpanKind,
    EquatableArray<string> Events,
    string? MetricName,
    InstrumentKind Instrument,
    string? Unit,
    MetricValueType MetricValueType,
    EquatableArray<double> HistogramBuckets,
    string? EventName,
    string? EntityName,
    bool ExcludedFromCodeGeneration,
    EquatableArray<GroupAttribute> Attributes,
    SourceSpan Location,
    LogAnnotation? Log = null,
    EventBody? Body = null);

/// <summary>
/// The project's conventions, resolved: every attribute and group of its own files, and what they
/// use of imported registries. <see cref="Unreferenced"/> lists the attributes that imported
/// registries define and the project does not use yet, so that messages can say where a name is.
/// </summary>
public sealed record ResolvedRegistry(
    EquatableArray<AttributeDefinition> Attributes,
    EquatableArray<ResolvedGroup> Groups,
    EquatableArray<ConventionDiagnostic> Diagnostics,
    EquatableArray<UnreferencedAttribute> Unreferenced = default,
    EquatableArray<string> ImportedFiles = default);

/// <summary>An attribute of an imported registry that the project's conventions do not reference.</summary>
public sealed record UnreferencedAttribute(string Name, string Registry);
