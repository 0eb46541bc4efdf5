using System;
using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Conventions.Compatibility;

/// <summary>
/// An attribute as published: what a dashboard or a query depends on is its name, its wire type
/// and, for an enum, the member values.
/// </summary>
public sealed record ShippedAttribute(string Name, string Type, bool Deprecated, EquatableArray<ShippedMember> Members, SourceSpan Location);

/// <summary>An enum member as published, keyed by the value that goes on the wire.</summary>
public sealed record ShippedMember(string Value, bool Deprecated, SourceSpan Location);

/// <summary>A metric as published, keyed by its instrument name.</summary>
public sealed record ShippedMetric(string Name, string Instrument, string Unit, bool Deprecated, SourceSpan Location);

/// <summary>A span as published, keyed by its group id, with the attributes every caller must set.</summary>
public sealed record ShippedSpan(string Id, string Kind, bool Deprecated, EquatableArray<ShippedRequirement> Required, SourceSpan Location);

public sealed record ShippedRequirement(string Attribute, SourceSpan Location);

/// <summary>
/// The conventions a project has published: the part of a registry that users of its telemetry
/// depend on. Written to and read from the baseline file (see <see cref="BaselineFormat"/>).
/// </summary>
public sealed record ConventionBaseline(
    string Path,
    EquatableArray<ShippedAttribute> Attributes,
    EquatableArray<ShippedMetric> Metrics,
    EquatableArray<ShippedSpan> Spans,
    EquatableArray<Diagnostics.ConventionDiagnostic> Diagnostics)
{
    /// <summary>The file name the generator recognises among AdditionalFiles.</summary>
    public const string FileName = "TelemetryConventions.Shipped.txt";

    public static bool IsBaselineFile(string path) =>
        string.Equals(System.IO.Path.GetFileName(path), FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What a resolved registry publishes, in the deterministic order the file lists it.
    /// <paramref name="isPublishedFile"/> keeps what the project defines itself apart from the
    /// registries it only references (the upstream registry is published by its own project).
    /// </summary>
    public static ConventionBaseline FromRegistry(ResolvedRegistry registry, Func<string, bool>? isPublishedFile = null)
    {
        var published = isPublishedFile ?? (_ => true);
        var attributes = registry.Attributes
            .Where(a => published(a.Location.FilePath))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new ShippedAttribute(
                a.Name,
                WireType(a.Type),
                a.Deprecated is not null,
                a.Type.Members
                    .Select(m => new ShippedMember(MemberValue(m), m.Deprecated is not null, default))
                    .GroupBy(m => m.Value, StringComparer.Ordinal).Select(g => g.First())
                    .OrderBy(m => m.Value, StringComparer.Ordinal)
                    .ToEquatableArray(),
                default))
            .ToEquatableArray();
        var metrics = registry.Groups
            .Where(g => g.Kind == GroupKind.Metric && published(g.Location.FilePath))
            .GroupBy(MetricName, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(MetricName, StringComparer.Ordinal)
            .Select(g => new ShippedMetric(MetricName(g), InstrumentName(g.Instrument), g.Unit ?? "", g.Deprecated is not null, default))
            .ToEquatableArray();
        var spans = registry.Groups
            .Where(g => g.Kind == GroupKind.Span && published(g.Location.FilePath))
            .OrderBy(g => g.Id, StringComparer.Ordinal)
            .Select(g => new ShippedSpan(
                g.Id,
                SpanKindName(g.SpanKind),
                g.Deprecated is not null,
                RequiredAttributes(g).Select(name => new ShippedRequirement(name, default)).ToEquatableArray(),
                default))
            .ToEquatableArray();
        return new ConventionBaseline(FileName, attributes, metrics, spans, EquatableArray<Diagnostics.ConventionDiagnostic>.Empty);
    }

    /// <summary>
    /// The type as it travels: <c>string</c>, <c>int[]</c>, <c>template[double]</c>, and for an
    /// enum its wire type in <c>enum[…]</c>, so that "enum of strings" and "string" differ only
    /// in what the comparison treats as compatible.
    /// </summary>
    public static string WireType(AttributeType type)
    {
        var primitive = AttributeType.Of(type.Primitive, type.IsArray, type.IsTemplate).ToYamlName();
        return type.IsEnum ? $"enum[{primitive}]" : primitive;
    }

    /// <summary>The wire type of an enum's members; the type itself for anything else.</summary>
    public static string WithoutEnum(string wireType) =>
        wireType.StartsWith("enum[", StringComparison.Ordinal) && wireType.EndsWith("]", StringComparison.Ordinal)
            ? wireType.Substring(5, wireType.Length - 6)
            : wireType;

    public static string MemberValue(EnumMember member) =>
        member.IntValue is { } number ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : member.StringValue ?? member.Id;

    public static string MetricName(ResolvedGroup group) => group.MetricName ?? group.Id;

    public static IEnumerable<string> RequiredAttributes(ResolvedGroup group) =>
        group.Attributes
            .Where(a => a.RequirementLevel.Kind == RequirementKind.Required)
            .Select(a => a.Name)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal);

    public static string InstrumentName(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Counter => "counter",
        InstrumentKind.UpDownCounter => "updowncounter",
        InstrumentKind.Gauge => "gauge",
        InstrumentKind.Histogram => "histogram",
        _ => "unspecified",
    };

    public static string SpanKindName(SpanKind kind) => kind switch
    {
        SpanKind.Internal => "internal",
        SpanKind.Client => "client",
        SpanKind.Server => "server",
        SpanKind.Producer => "producer",
        SpanKind.Consumer => "consumer",
        _ => "unspecified",
    };
}
