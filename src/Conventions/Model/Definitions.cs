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
public sealed record AttributeDefinition
{
    /// <summary>The attribute's full name, for example <c>patient.id</c>.</summary>
    public required string Name { get; init; }

    public required AttributeType Type { get; init; }

    public string? Brief { get; init; }

    public string? Note { get; init; }

    public EquatableArray<string> Examples { get; init; } = EquatableArray<string>.Empty;

    public Stability Stability { get; init; } = Stability.Unspecified;

    public Deprecation? Deprecated { get; init; }

    public PrivacyAnnotation? Privacy { get; init; }

    public RequirementLevel RequirementLevel { get; init; } = RequirementLevel.Recommended;

    public bool SamplingRelevant { get; init; }

    /// <summary>Our <c>code_generation.exclude</c> annotation: the attribute is known but gets no generated API.</summary>
    public bool ExcludedFromCodeGeneration { get; init; }

    /// <summary>Where the attribute's name is written.</summary>
    public required SourceSpan Location { get; init; }

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
public sealed record AttributeReference
{
    public required AttributeReferenceKind Kind { get; init; }

    /// <summary>The attribute (or, for <see cref="AttributeReferenceKind.Group"/>, the group) referred to.</summary>
    public required string Target { get; init; }

    public string? Brief { get; init; }

    public string? Note { get; init; }

    public EquatableArray<string>? Examples { get; init; }

    public RequirementLevel? RequirementLevel { get; init; }

    public bool? SamplingRelevant { get; init; }

    public Stability? Stability { get; init; }

    public Deprecation? Deprecated { get; init; }

    public PrivacyAnnotation? Privacy { get; init; }

    /// <summary>Where the entry is written.</summary>
    public required SourceSpan Location { get; init; }

    /// <summary>An entity attribute's role: identifying (<c>true</c>), descriptive (<c>false</c>) or not said.</summary>
    public bool? Identifying { get; init; }
}

/// <summary>
/// A group as written in a file: v1 <c>groups</c> entries, and v2 attribute groups, spans,
/// events, metrics, entities and their refinements. Refinements name the group they refine in
/// <see cref="Refines"/>.
/// </summary>
public sealed record GroupDefinition
{
    public required string Id { get; init; }

    public required GroupKind Kind { get; init; }

    public string? Brief { get; init; }

    public string? Note { get; init; }

    public Stability Stability { get; init; } = Stability.Unspecified;

    public Deprecation? Deprecated { get; init; }

    /// <summary>The group whose attributes this one inherits (<c>extends</c>).</summary>
    public string? Extends { get; init; }

    /// <summary>For a refinement, the group it refines.</summary>
    public string? Refines { get; init; }

    public string? DisplayName { get; init; }

    public Visibility Visibility { get; init; }

    public EquatableArray<AttributeReference> Attributes { get; init; } = EquatableArray<AttributeReference>.Empty;

    public SpanKind SpanKind { get; init; } = SpanKind.Unspecified;

    /// <summary>The events a span declares.</summary>
    public EquatableArray<string> Events { get; init; } = EquatableArray<string>.Empty;

    public string? MetricName { get; init; }

    public InstrumentKind Instrument { get; init; } = InstrumentKind.Unspecified;

    public string? Unit { get; init; }

    public MetricValueType MetricValueType { get; init; } = MetricValueType.Unspecified;

    public EquatableArray<double> HistogramBuckets { get; init; } = EquatableArray<double>.Empty;

    public string? EventName { get; init; }

    public string? EntityName { get; init; }

    public bool ExcludedFromCodeGeneration { get; init; }

    /// <summary>Where the group starts.</summary>
    public required SourceSpan Location { get; init; }

    /// <summary>An event's <c>log</c> annotation.</summary>
    public LogAnnotation? Log { get; init; }

    /// <summary>An event's body.</summary>
    public EventBody? Body { get; init; }

    /// <summary>A metric's <c>observable</c> annotation: observed by a callback instead of recorded.</summary>
    public bool? Observable { get; init; }
}

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

/// <summary>
/// The attribute names of a registry the project does not import (the upstream registry turned
/// off, say), known only so that a reference to one of them can say where it is defined.
/// </summary>
public sealed record UnimportedRegistry(string Registry, string HowToImport, EquatableArray<string> Attributes);
