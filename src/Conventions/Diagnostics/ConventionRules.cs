using System.Collections.Generic;

namespace TelemetryConventions.Conventions.Diagnostics;

/// <summary>The TC0xxx rules: problems in convention files. Each has docs/rules/&lt;Id&gt;.md.</summary>
public static class ConventionRules
{
    public static readonly DiagnosticRule YamlSyntax = new(
        "TC0001", "Convention file is not valid YAML",
        "{0}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule InvalidFileStructure = new(
        "TC0002", "Convention file has an unexpected structure",
        "{0}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule UnknownField = new(
        "TC0003", "Unknown field",
        "Unknown field '{0}' in {1}; it is ignored", DiagnosticSeverityLevel.Warning);

    public static readonly DiagnosticRule WrongNodeKind = new(
        "TC0004", "Field has the wrong shape",
        "Field '{0}' must be {1}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule MissingField = new(
        "TC0005", "Required field is missing",
        "{0} has no '{1}'", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule InvalidValue = new(
        "TC0006", "Value is not one of the allowed values",
        "'{0}' is not a valid {1}; expected one of: {2}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule InvalidName = new(
        "TC0007", "Invalid name",
        "'{0}' is not a valid {1} name: {2}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule DuplicateDefinition = new(
        "TC0008", "Duplicate definition",
        "{0} '{1}' is already defined at {2}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule UnknownAttribute = new(
        "TC0009", "Reference to an unknown attribute",
        "Attribute '{0}' is not defined in any convention file{1}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule UnknownGroup = new(
        "TC0010", "Reference to an unknown group",
        "{0} '{1}' does not name a known {2}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule CyclicExtends = new(
        "TC0011", "Cyclic extends",
        "Group '{0}' extends itself through {1}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule EnumMemberClash = new(
        "TC0012", "Enum members clash",
        "Enum member {0} '{1}' of attribute '{2}' is used twice", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule ObsoletePrefix = new(
        "TC0013", "Obsolete 'prefix' field",
        "'prefix' is obsolete: write full attribute names; '{0}' is prepended to the ids of this group", DiagnosticSeverityLevel.Warning);

    public static readonly DiagnosticRule InvalidPrivacyAnnotation = new(
        "TC0014", "Invalid privacy annotation",
        "{0}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule PersonalIdentifierOnMetric = new(
        "TC0015", "Personal identifier used as a metric attribute",
        "Metric '{0}' uses '{1}', a {2}: identifiers as metric attributes leak personal data and make cardinality unbounded", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule IdentifierCollision = new(
        "TC0016", "Generated names collide",
        "'{0}' and '{1}' both map to the C# name '{2}'; the second is generated as '{3}'", DiagnosticSeverityLevel.Warning);

    public static readonly DiagnosticRule InvalidEnumValue = new(
        "TC0017", "Enum member value has the wrong type",
        "Value of enum member '{0}' must be {1}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule UnknownRenameTarget = new(
        "TC0018", "Deprecated attribute renamed to an unknown attribute",
        "'{0}' is renamed to '{1}', which is not defined", DiagnosticSeverityLevel.Warning);

    public static readonly DiagnosticRule InvalidOption = new(
        "TC0019", "Invalid MSBuild option",
        "MSBuild property '{0}' has the value '{1}'; expected {2}", DiagnosticSeverityLevel.Warning);

    public static readonly DiagnosticRule GroupKindMismatch = new(
        "TC0020", "Group refers to a group of another kind",
        "{0} '{1}' is a {2}, not a {3}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule GaugeUnsupported = new(
        "TC0021", "Gauge wrappers need System.Diagnostics.DiagnosticSource 9",
        "{0} gauge metric(s), such as '{1}', get no wrapper: the target framework has no System.Diagnostics.Metrics.Gauge<T> (.NET 9, or the System.Diagnostics.DiagnosticSource 9 package, adds it)", DiagnosticSeverityLevel.Info);

    // TC4xxx: compatibility of the conventions with the baseline of what the project has published.

    public static readonly DiagnosticRule SchemaUrlUnsupported = new(
        "TC0030", "Telemetry schema URL needs System.Diagnostics.DiagnosticSource 9",
        "The conventions' schema URL '{0}' is not attached to the sources and meters that TelemetrySchema creates: the target framework has no ActivitySourceOptions/MeterOptions.TelemetrySchemaUrl (.NET 9, or the System.Diagnostics.DiagnosticSource 9 package, adds them)", DiagnosticSeverityLevel.Info);

    public static readonly DiagnosticRule EventWithoutName = new(
        "TC0031", "Event group has no name",
        "Event group '{0}' has no 'name': the semantic conventions require one (only an event without a body may still take it from the obsolete 'prefix'); it is generated as '{1}' until a name is given", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule StabilityFilterLeftOut = new(
        "TC0032", "Stability filter left conventions out",
        "TelemetryConventionsStability=stable left out {0} of the imported {1}, such as '{2}': they are not stable; the project's own conventions are generated whatever their stability", DiagnosticSeverityLevel.Info);

    public static readonly DiagnosticRule PublishedConventionRemoved = new(
        "TC4001", "Published convention removed without deprecation",
        "{0} '{1}' was published and is no longer defined{2}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule AttributeTypeChanged = new(
        "TC4002", "Published attribute changed its type",
        "Attribute '{0}' was published as {1} and is now {2}: stored values and queries no longer match", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule MetricInstrumentChanged = new(
        "TC4003", "Published metric changed its instrument",
        "Metric '{0}' was published as a {1} and is now a {2}: its series change meaning and aggregation", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule MetricUnitChanged = new(
        "TC4004", "Published metric changed its unit",
        "Metric '{0}' was published with unit {1} and now has unit {2}: dashboards and alerts read the new values on the old scale", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule SpanKindChanged = new(
        "TC4005", "Published span changed its kind",
        "Span '{0}' was published with kind {1} and now has kind {2}", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule RequiredAttributeAdded = new(
        "TC4006", "Required attribute added to a published span",
        "Attribute '{0}' is now required on span '{1}', which was published without requiring it: every existing caller breaks", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule EnumMemberRemoved = new(
        "TC4007", "Published enum member removed",
        "Value '{0}' of attribute '{1}' was published and is no longer a member; deprecate the member instead", DiagnosticSeverityLevel.Error);

    public static readonly DiagnosticRule BaselineEntryNotUnderstood = new(
        "TC4008", "Baseline entry not understood",
        "Baseline line '{0}' is not understood and is ignored", DiagnosticSeverityLevel.Warning);

    public static IReadOnlyList<DiagnosticRule> All { get; } = new[]
    {
        YamlSyntax, InvalidFileStructure, UnknownField, WrongNodeKind, MissingField, InvalidValue, InvalidName,
        DuplicateDefinition, UnknownAttribute, UnknownGroup, CyclicExtends, EnumMemberClash, ObsoletePrefix,
        InvalidPrivacyAnnotation, PersonalIdentifierOnMetric, IdentifierCollision, InvalidEnumValue,
        UnknownRenameTarget, InvalidOption, GroupKindMismatch, GaugeUnsupported,
        SchemaUrlUnsupported, EventWithoutName, StabilityFilterLeftOut,
        PublishedConventionRemoved, AttributeTypeChanged, MetricInstrumentChanged, MetricUnitChanged, SpanKindChanged,
        RequiredAttributeAdded, EnumMemberRemoved, BaselineEntryNotUnderstood,
    };
}
