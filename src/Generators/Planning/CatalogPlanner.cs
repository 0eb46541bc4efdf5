using System;
using System.Linq;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Planning;

/// <summary>
/// Plans the catalog the runtime conformance checker reads: every span, event and metric with
/// every attribute, including those the wrappers leave out (redacted ones must be known to be
/// reported when they appear).
/// </summary>
internal static class CatalogPlanner
{
    public const string CatalogClass = "TelemetryCatalog";

    public static EquatableArray<CatalogSignalSpec> Plan(ResolvedRegistry registry, GenerationOptions options, StabilityFilter? stability = null) =>
        registry.Groups
            .Where(g => g.Kind is GroupKind.Span or GroupKind.Event or GroupKind.Metric)
            .Where(g => !g.ExcludedFromCodeGeneration && (stability ?? new StabilityFilter(registry, options)).Keeps(g.Id, g.Stability, g.Location))
            .Where(g => g.Kind != GroupKind.Metric || g.MetricName is not null)
            .OrderBy(g => g.Id, StringComparer.Ordinal)
            .Select(g => new CatalogSignalSpec(
                g.Kind.ToString(),
                g.Kind switch
                {
                    GroupKind.Span => SignalNames.SpanName(g),
                    GroupKind.Event => SignalNames.EventName(g),
                    _ => g.MetricName!,
                },
                g.Kind switch
                {
                    GroupKind.Span => SignalNames.ActivityKind(g.SpanKind),
                    GroupKind.Metric => g.Instrument.ToString().ToLowerInvariant(),
                    _ => null,
                },
                g.Kind == GroupKind.Metric ? g.Unit : null,
                g.Attributes.Select(Attribute).ToEquatableArray()))
            .ToEquatableArray();

    private static CatalogAttributeSpec Attribute(GroupAttribute attribute)
    {
        var type = attribute.Type;
        var valueType = (type.Primitive, type.IsArray) switch
        {
            (PrimitiveType.Any, _) => "Any",
            (PrimitiveType.Int, false) => "Long",
            (PrimitiveType.Double, false) => "Double",
            (PrimitiveType.Boolean, false) => "Boolean",
            (PrimitiveType.String, true) => "StringArray",
            (PrimitiveType.Int, true) => "LongArray",
            (PrimitiveType.Double, true) => "DoubleArray",
            (PrimitiveType.Boolean, true) => "BooleanArray",
            _ => "String",
        };
        return new CatalogAttributeSpec(
            attribute.Name,
            valueType,
            attribute.RequirementLevel.Kind.ToString(),
            (attribute.Privacy?.Treatment ?? PrivacyTreatment.Allow).ToString(),
            type.IsTemplate);
    }
}
