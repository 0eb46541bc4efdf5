using TelemetryConventions.Conventions.Diagnostics;

namespace TelemetryConventions.Conventions.Model;

/// <summary>A deprecation, from either the legacy string form or the structured form.</summary>
public sealed record Deprecation(DeprecationReason Reason, string? RenamedTo, string? Note);

public sealed record RequirementLevel(RequirementKind Kind, string? Condition)
{
    public static readonly RequirementLevel Recommended = new(RequirementKind.Recommended, null);
}

/// <summary>Our privacy extension, read from <c>annotations.privacy</c>.</summary>
/// <param name="Classification">What kind of personal data the attribute holds.</param>
/// <param name="Treatment">How it may reach telemetry.</param>
/// <param name="Domain">
/// The identifier space a pseudonymised attribute carries, when the file names one (<c>domain: patient</c>);
/// null means the attribute's own name. Attributes that share a domain pseudonymise the same person alike.
/// </param>
public sealed record PrivacyAnnotation(PrivacyClassification Classification, PrivacyTreatment Treatment, string? Domain = null);

/// <summary>
/// A member of an enum attribute. Exactly one of <see cref="StringValue"/> and
/// <see cref="IntValue"/> is set, matching the enum's wire type.
/// </summary>
public sealed record EnumMember(
    string Id,
    string? StringValue,
    long? IntValue,
    string? Brief,
    string? Note,
    Stability Stability,
    Deprecation? Deprecated,
    SourceSpan Location);

/// <summary>
/// The type of an attribute: a primitive, an array of one, a template of either, or an enum
/// (then <see cref="Members"/> is non-empty and <see cref="Primitive"/> is its wire type).
/// </summary>
public sealed record AttributeType(
    PrimitiveType Primitive,
    bool IsArray,
    bool IsTemplate,
    EquatableArray<EnumMember> Members)
{
    public bool IsEnum => !Members.IsEmpty;

    public static AttributeType Of(PrimitiveType primitive, bool isArray = false, bool isTemplate = false) =>
        new(primitive, isArray, isTemplate, EquatableArray<EnumMember>.Empty);

    /// <summary>The spelling used in convention files.</summary>
    public string ToYamlName()
    {
        if (IsEnum)
        {
            return "enum";
        }
        var name = Primitive switch
        {
            PrimitiveType.Int => "int",
            PrimitiveType.Double => "double",
            PrimitiveType.Boolean => "boolean",
            PrimitiveType.Any => "any",
            _ => "string",
        };
        if (IsArray)
        {
            name += "[]";
        }
        return IsTemplate ? $"template[{name}]" : name;
    }
}

/// <summary>An attribute as defined once in the registry (by <c>id</c> in v1 or <c>key</c> in v2).</summary>
public sealed record AttributeDefinition(
    string Name,
    AttributeType Type,
    string? Brief,
    string? Note,
    EquatableArray<string> Examples,
    Stability Stability,
    Deprecation? Deprecated,
    PrivacyAnnotation? Privacy,
    RequirementLevel RequirementLevel,
    bool SamplingRelevant,
    bool ExcludedFromCodeGeneration,
    SourceSpan Location)
{
    /// <summary>
    /// The pseudonymisation domain of a <c>pseudonymize</c> attribute: the declared <c>privacy.domain</c>, else the
    /// attribute's name. Null for every other treatment, since nothing is pseudonymised.
    /// </summary>
    public string? PseudonymDomain => Privacy is { Treatment: PrivacyTreatment.Pseudonymize } privacy ? privacy.Domain ?? Name : null;
}

public enum AttributeReferenceKind
{
    /// <summary>An inline definition (v1 <c>id</c>); the group also uses it.</summary>
    Definition,
    /// <summary><c>ref: attribute.name</c>, with optional overrides.</summary>
    Attribute,
    /// <summary><c>ref_group: group.id</c>: every attribute of that group.</summary>
    Group,
}

/// <summary>
/// One entry of a group's <c>attributes</c> list. Overrides are null when the entry leaves the
/// referenced attribute's value as it is.
/// </summary>
public sealed record AttributeReference(
    AttributeReferenceKind Kind,
    string Target,
    string? Brief,
    string? Note,
    EquatableArray<string>? Examples,
    RequirementLevel? RequirementLevel,
    bool? SamplingRelevant,
    Stability? Stability,
    Deprecation? Deprecated,
    PrivacyAnnotation? Privacy,
    SourceSpan Location,
    bool? Identifying = null);

/// <summary>
/// A group as written in a file: v1 <c>groups</c> entries, and v2 attribute groups, spans,
/// events, metrics, entities and their refinements. Refinements name the group they refine in
/// <see cref="Refines"/>.
/// </summary>
public sealed record GroupDefinition(
    string Id,
    GroupKind Kind,
    string? Brief,
    string? Note,
    Stability Stability,
    Deprecation? Deprecated,
    string? Extends,
    string? Refines,
    string? DisplayName,
    Visibility Visibility,
    EquatableArray<AttributeReference> Attributes,
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
    SourceSpan Location,
    LogAnnotation? Log = null,
    EventBody? Body = null);

/// <summary>
/// One entry of a file's <c>imports</c>: a span, metric, event or entity of a registry the
/// project did not write, by name or by a pattern with <c>*</c>, that the project uses.
/// </summary>
public sealed record SignalImport(GroupKind Kind, string Pattern, SourceSpan Location);

/// <summary>Everything one convention file declares, plus the problems found while reading it.</summary>
public sealed record ConventionFile(
    string Path,
    EquatableArray<AttributeDefinition> Attributes,
    EquatableArray<GroupDefinition> Groups,
    EquatableArray<ConventionDiagnostic> Diagnostics,
    EquatableArray<SignalImport> Imports = default);

/// <summary>
/// Where a convention file comes from, when the project did not write it: a registry it imports
/// (the upstream OpenTelemetry registry, a conventions package). From such a file only what the
/// project's own conventions reference or import is generated, unless <see cref="GenerateAll"/>.
/// Files without an origin are the project's own and are generated in full.
/// </summary>
public sealed record ImportedFile(string Path, string Registry, bool GenerateAll);
