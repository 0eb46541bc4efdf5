using TelemetryConventions.Conventions.Diagnostics;

namespace TelemetryConventions.Conventions.Compatibility;

/// <summary>Every way a published fact can differ from the conventions as they are now.</summary>
public enum ChangeKind
{
    AttributeAdded,
    AttributeDeprecated,
    AttributeRemovedAfterDeprecation,
    AttributeRemoved,
    AttributeTypeChanged,
    /// <summary>An enum became a plain value of the same wire type or the other way round: every value still fits.</summary>
    AttributeEnumChanged,
    EnumMemberAdded,
    EnumMemberDeprecated,
    EnumMemberRemovedAfterDeprecation,
    EnumMemberRemoved,
    MetricAdded,
    MetricDeprecated,
    MetricRemovedAfterDeprecation,
    MetricRemoved,
    MetricInstrumentChanged,
    MetricUnitChanged,
    SpanAdded,
    SpanDeprecated,
    SpanRemovedAfterDeprecation,
    SpanRemoved,
    SpanKindChanged,
    RequiredAttributeAdded,
    RequirementRelaxed,
    /// <summary>Something published as deprecated is no longer deprecated.</summary>
    DeprecationWithdrawn,
}

/// <summary>
/// One difference between the baseline and the current conventions. <see cref="Diagnostic"/> is
/// set exactly when the change breaks what was published.
/// </summary>
public sealed record ConventionChange(ChangeKind Kind, string Subject, string Detail, ConventionDiagnostic? Diagnostic)
{
    public bool IsBreaking => Diagnostic is not null;

    public override string ToString() => Detail.Length == 0 ? $"{Kind} {Subject}" : $"{Kind} {Subject}: {Detail}";
}
