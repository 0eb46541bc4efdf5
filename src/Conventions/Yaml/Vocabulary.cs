using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Conventions.Yaml;

/// <summary>The closed sets of spellings the semantic-convention format allows.</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, Stability> Stabilities = new Dictionary<string, Stability>(StringComparer.Ordinal)
    {
        ["stable"] = Stability.Stable,
        ["release_candidate"] = Stability.ReleaseCandidate,
        ["development"] = Stability.Development,
        // Older spellings that still appear in the wild and in upstream v1.44.
        ["experimental"] = Stability.Development,
        ["alpha"] = Stability.Development,
        ["beta"] = Stability.Development,
        ["deprecated"] = Stability.Deprecated,
    };

    public static readonly IReadOnlyDictionary<string, GroupKind> GroupKinds = new Dictionary<string, GroupKind>(StringComparer.Ordinal)
    {
        ["attribute_group"] = GroupKind.AttributeGroup,
        ["span"] = GroupKind.Span,
        ["event"] = GroupKind.Event,
        ["metric"] = GroupKind.Metric,
        ["entity"] = GroupKind.Entity,
        ["resource"] = GroupKind.Entity,
    };

    public static readonly IReadOnlyDictionary<string, SpanKind> SpanKinds = new Dictionary<string, SpanKind>(StringComparer.Ordinal)
    {
        ["internal"] = SpanKind.Internal,
        ["client"] = SpanKind.Client,
        ["server"] = SpanKind.Server,
        ["producer"] = SpanKind.Producer,
        ["consumer"] = SpanKind.Consumer,
    };

    public static readonly IReadOnlyDictionary<string, InstrumentKind> Instruments = new Dictionary<string, InstrumentKind>(StringComparer.Ordinal)
    {
        ["counter"] = InstrumentKind.Counter,
        ["updowncounter"] = InstrumentKind.UpDownCounter,
        ["gauge"] = InstrumentKind.Gauge,
        ["histogram"] = InstrumentKind.Histogram,
    };

    public static readonly IReadOnlyDictionary<string, MetricValueType> MetricValueTypes = new Dictionary<string, MetricValueType>(StringComparer.Ordinal)
    {
        ["int"] = MetricValueType.Int,
        ["double"] = MetricValueType.Double,
    };

    /// <summary>An entity attribute's <c>role</c>: true for the attributes that identify the entity.</summary>
    public static readonly IReadOnlyDictionary<string, bool> EntityRoles = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["identifying"] = true,
        ["descriptive"] = false,
    };

    public static readonly IReadOnlyDictionary<string, Visibility> Visibilities = new Dictionary<string, Visibility>(StringComparer.Ordinal)
    {
        ["public"] = Visibility.Public,
        ["internal"] = Visibility.Internal,
    };

    public static readonly IReadOnlyDictionary<string, RequirementKind> RequirementKinds = new Dictionary<string, RequirementKind>(StringComparer.Ordinal)
    {
        ["required"] = RequirementKind.Required,
        ["recommended"] = RequirementKind.Recommended,
        ["opt_in"] = RequirementKind.OptIn,
        ["conditionally_required"] = RequirementKind.ConditionallyRequired,
    };

    public static readonly IReadOnlyDictionary<string, DeprecationReason> DeprecationReasons = new Dictionary<string, DeprecationReason>(StringComparer.Ordinal)
    {
        ["renamed"] = DeprecationReason.Renamed,
        ["obsoleted"] = DeprecationReason.Obsoleted,
        ["uncategorized"] = DeprecationReason.Uncategorized,
    };

    public static readonly IReadOnlyDictionary<string, PrivacyClassification> PrivacyClassifications = new Dictionary<string, PrivacyClassification>(StringComparer.Ordinal)
    {
        ["personal_identifier"] = PrivacyClassification.PersonalIdentifier,
        ["quasi_identifier"] = PrivacyClassification.QuasiIdentifier,
        ["health"] = PrivacyClassification.Health,
        ["financial"] = PrivacyClassification.Financial,
        ["contact"] = PrivacyClassification.Contact,
        ["location"] = PrivacyClassification.Location,
    };

    public static readonly IReadOnlyDictionary<string, PrivacyTreatment> PrivacyTreatments = new Dictionary<string, PrivacyTreatment>(StringComparer.Ordinal)
    {
        ["pseudonymize"] = PrivacyTreatment.Pseudonymize,
        ["redact"] = PrivacyTreatment.Redact,
        ["allow"] = PrivacyTreatment.Allow,
    };

    public static readonly IReadOnlyDictionary<string, PrimitiveType> Primitives = new Dictionary<string, PrimitiveType>(StringComparer.Ordinal)
    {
        ["string"] = PrimitiveType.String,
        ["int"] = PrimitiveType.Int,
        ["double"] = PrimitiveType.Double,
        ["boolean"] = PrimitiveType.Boolean,
        ["any"] = PrimitiveType.Any,
    };

    /// <summary>
    /// Severities of our <c>log</c> annotation: the OpenTelemetry severity texts and the .NET
    /// <c>LogLevel</c> names both work.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, LogSeverity> LogSeverities = new Dictionary<string, LogSeverity>(StringComparer.Ordinal)
    {
        ["trace"] = LogSeverity.Trace,
        ["debug"] = LogSeverity.Debug,
        ["info"] = LogSeverity.Information,
        ["information"] = LogSeverity.Information,
        ["warn"] = LogSeverity.Warning,
        ["warning"] = LogSeverity.Warning,
        ["error"] = LogSeverity.Error,
        ["fatal"] = LogSeverity.Critical,
        ["critical"] = LogSeverity.Critical,
    };

    /// <summary>The methods an event can get: <c>log</c> (an <c>ILogger</c> record) and <c>span_event</c>.</summary>
    public static readonly IReadOnlyDictionary<string, EventSignals> EventSignalNames = new Dictionary<string, EventSignals>(StringComparer.Ordinal)
    {
        ["log"] = EventSignals.Log,
        ["span_event"] = EventSignals.SpanEvent,
    };

    /// <summary>
    /// Attribute and metric names: lowercase segments of letters, digits and underscores, joined
    /// by dots, each segment starting with a letter (the registry's own naming rule).
    /// </summary>
    public static readonly Regex AttributeName = new(
        "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$", RegexOptions.CultureInvariant);

    /// <summary>Group ids are looser: they are never emitted on the wire.</summary>
    public static readonly Regex GroupId = new(
        "^[A-Za-z0-9][A-Za-z0-9_.\\-]*$", RegexOptions.CultureInvariant);

    public static string Describe(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }
        if (name.ToLowerInvariant() != name)
        {
            return "names are lowercase";
        }
        if (name.StartsWith(".", StringComparison.Ordinal) || name.EndsWith(".", StringComparison.Ordinal) || name.Contains(".."))
        {
            return "segments between dots must not be empty";
        }
        return "use lowercase letters, digits and '_' in dot-separated segments that start with a letter";
    }
}
