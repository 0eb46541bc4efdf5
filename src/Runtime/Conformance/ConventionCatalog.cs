using System;
using System.Collections.Generic;
using System.Linq;

namespace TelemetryConventions.Conformance;

/// <summary>The kind of value an attribute carries on the wire.</summary>
public enum AttributeValueType
{
    /// <summary>A string.</summary>
    String,
    /// <summary>A 64-bit integer (smaller integer types are accepted).</summary>
    Long,
    /// <summary>A double.</summary>
    Double,
    /// <summary>A boolean.</summary>
    Boolean,
    /// <summary>An array of strings.</summary>
    StringArray,
    /// <summary>An array of integers.</summary>
    LongArray,
    /// <summary>An array of doubles.</summary>
    DoubleArray,
    /// <summary>An array of booleans.</summary>
    BooleanArray,
    /// <summary>Any primitive or array of primitives.</summary>
    Any,
}

/// <summary>How strongly a signal asks for an attribute.</summary>
public enum AttributeRequirement
{
    /// <summary>Set it when the value is available.</summary>
    Recommended,
    /// <summary>Always set.</summary>
    Required,
    /// <summary>Set when the condition in the convention holds.</summary>
    ConditionallyRequired,
    /// <summary>Set only when the operator asks for it.</summary>
    OptIn,
}

/// <summary>What must happen to an attribute's value before it leaves the process.</summary>
public enum AttributeTreatment
{
    /// <summary>Emitted as it is.</summary>
    Allow,
    /// <summary>Emitted only as a keyed pseudonym.</summary>
    Pseudonymize,
    /// <summary>Never emitted.</summary>
    Redact,
}

/// <summary>The kinds of telemetry a catalog describes.</summary>
public enum SignalKind
{
    /// <summary>A span (an <c>Activity</c>).</summary>
    Span,
    /// <summary>An event on a span.</summary>
    Event,
    /// <summary>A metric instrument.</summary>
    Metric,
}

/// <summary>An attribute as one signal declares it.</summary>
public sealed class CatalogAttribute
{
    /// <summary>Declares an attribute of a signal.</summary>
    public CatalogAttribute(string name, AttributeValueType type, AttributeRequirement requirement, AttributeTreatment treatment, bool isTemplate = false)
    {
        Name = name;
        Type = type;
        Requirement = requirement;
        Treatment = treatment;
        IsTemplate = isTemplate;
    }

    /// <summary>The attribute name.</summary>
    public string Name { get; }

    /// <summary>The declared value type.</summary>
    public AttributeValueType Type { get; }

    /// <summary>How strongly the signal asks for it.</summary>
    public AttributeRequirement Requirement { get; }

    /// <summary>What must happen to its value before it leaves the process.</summary>
    public AttributeTreatment Treatment { get; }

    /// <summary>A template attribute: the emitted keys are <c>Name.&lt;key&gt;</c>.</summary>
    public bool IsTemplate { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Type}, {Requirement}, {Treatment})";
}

/// <summary>A span, event or metric declared in the conventions.</summary>
public sealed class CatalogSignal
{
    private readonly Dictionary<string, CatalogAttribute> _byName;

    /// <param name="kind">Span, event or metric.</param>
    /// <param name="name">The span's default name, the event name or the metric name.</param>
    /// <param name="detail">The span kind (<c>Server</c>, …) or the metric instrument (<c>counter</c>, …).</param>
    /// <param name="unit">The metric unit; null for spans and events.</param>
    /// <param name="attributes">The attributes the signal declares.</param>
    public CatalogSignal(SignalKind kind, string name, string? detail, string? unit, IReadOnlyList<CatalogAttribute> attributes)
    {
        Kind = kind;
        Name = name;
        Detail = detail;
        Unit = unit;
        Attributes = attributes;
        _byName = attributes.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Span, event or metric.</summary>
    public SignalKind Kind { get; }

    /// <summary>The span's default name, the event name or the metric name.</summary>
    public string Name { get; }

    /// <summary>The span kind or the metric instrument.</summary>
    public string? Detail { get; }

    /// <summary>The metric unit.</summary>
    public string? Unit { get; }

    /// <summary>The declared attributes.</summary>
    public IReadOnlyList<CatalogAttribute> Attributes { get; }

    /// <summary>The declared attribute for an emitted key, resolving template keys to their template.</summary>
    public CatalogAttribute? Find(string key)
    {
        if (_byName.TryGetValue(key, out var attribute))
        {
            return attribute;
        }
        for (var dot = key.LastIndexOf('.'); dot > 0; dot = key.LastIndexOf('.', dot - 1))
        {
            if (_byName.TryGetValue(key.Substring(0, dot), out var template) && template.IsTemplate)
            {
                return template;
            }
        }
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Name}";
}

/// <summary>
/// The compiled conventions of a project, as data the conformance checker reads. The generator
/// writes one per project as <c>TelemetryCatalog.Conventions</c>.
/// </summary>
public sealed class ConventionCatalog
{
    /// <summary>A catalog of the given signals.</summary>
    public ConventionCatalog(IReadOnlyList<CatalogSignal> signals)
    {
        Signals = signals;
        Spans = signals.Where(s => s.Kind == SignalKind.Span).ToList();
        Events = Index(signals, SignalKind.Event);
        Metrics = Index(signals, SignalKind.Metric);
    }

    /// <summary>Every declared span, event and metric.</summary>
    public IReadOnlyList<CatalogSignal> Signals { get; }

    /// <summary>The declared spans.</summary>
    public IReadOnlyList<CatalogSignal> Spans { get; }

    /// <summary>Events by name.</summary>
    public IReadOnlyDictionary<string, CatalogSignal> Events { get; }

    /// <summary>Metrics by name. Refinements of one metric share its name; the first declaration is kept.</summary>
    public IReadOnlyDictionary<string, CatalogSignal> Metrics { get; }

    private static Dictionary<string, CatalogSignal> Index(IReadOnlyList<CatalogSignal> signals, SignalKind kind) =>
        signals.Where(s => s.Kind == kind)
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
