using TelemetryConventions.Conventions.Diagnostics;

namespace TelemetryConventions.Conventions.Model;

/// <summary>
/// An attribute as one group uses it: the registry definition with the group's overrides
/// (brief, note, examples, requirement level, …) already applied.
/// </summary>
public sealed record GroupAttribute
{
    public required string Name { get; init; }

    public required AttributeType Type { get; init; }

    public string? Brief { get; init; }

    public string? Note { get; init; }

    public EquatableArray<string> Examples { get; init; } = EquatableArray<string>.Empty;

    public RequirementLevel RequirementLevel { get; init; } = RequirementLevel.Recommended;

    public bool SamplingRelevant { get; init; }

    public Stability Stability { get; init; } = Stability.Unspecified;

    public Deprecation? Deprecated { get; init; }

    public PrivacyAnnotation? Privacy { get; init; }

    /// <summary>Where the group uses the attribute.</summary>
    public required SourceSpan Location { get; init; }

    /// <summary>Whether the attribute identifies the entity that uses it.</summary>
    public bool Identifying { get; init; }
}

/// <summary>A group after refs, extends, ref_group and refinements have been applied.</summary>
public sealed record ResolvedGroup
{
    public required string Id { get; init; }

    public required GroupKind Kind { get; init; }

    public string? Brief { get; init; }

    public string? Note { get; init; }

    public Stability Stability { get; init; } = Stability.Unspecified;

    public Deprecation? Deprecated { get; init; }

    public Visibility Visibility { get; init; }

    public SpanKind SpanKind { get; init; } = SpanKind.Unspecified;

    public EquatableArray<string> Events { get; init; } = EquatableArray<string>.Empty;

    public string? MetricName { get; init; }

    public InstrumentKind Instrument { get; init; } = InstrumentKind.Unspecified;

    public string? Unit { get; init; }

    public MetricValueType MetricValueType { get; init; } = MetricValueType.Unspecified;

    public EquatableArray<double> HistogramBuckets { get; init; } = EquatableArray<double>.Empty;

    public string? EventName { get; init; }

    public string? EntityName { get; init; }

    public bool ExcludedFromCodeGeneration { get; init; }

    public required EquatableArray<GroupAttribute> Attributes { get; init; }

    /// <summary>Where the group starts.</summary>
    public required SourceSpan Location { get; init; }

    public LogAnnotation? Log { get; init; }

    public EventBody? Body { get; init; }

    /// <summary>A metric's <c>observable</c> annotation: observed by a callback instead of recorded.</summary>
    public bool? Observable { get; init; }
}

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
