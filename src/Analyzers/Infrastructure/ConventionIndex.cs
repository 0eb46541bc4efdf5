using System;
using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Conventions.Resolution;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// What the analyzers ask of a compilation's conventions, indexed once: is a key declared (directly
/// or under a template), under which spelling, with which type, privacy and deprecation; which span
/// and instrument names exist.
/// </summary>
internal sealed class ConventionIndex
{
    public static readonly ConventionIndex Empty = new(Array.Empty<AttributeDefinition>(), Array.Empty<ResolvedGroup>());

    private readonly Dictionary<string, AttributeDefinition> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byNormalizedName = new(StringComparer.Ordinal);
    private readonly List<AttributeDefinition> _templates = new();
    private readonly HashSet<string> _spanNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _metricNames = new(StringComparer.Ordinal);
    /// <summary>The declared events by name, with the level their log records are written at.</summary>
    private readonly Dictionary<string, LogSeverity> _eventLevels = new(StringComparer.Ordinal);
    private string[]? _sortedNames;
    private Dictionary<string, AttributeDefinition?>? _byCompactName;

    public ConventionIndex(IEnumerable<AttributeDefinition> attributes, IEnumerable<ResolvedGroup> groups)
    {
        foreach (var attribute in attributes)
        {
            if (_attributes.ContainsKey(attribute.Name))
            {
                continue;
            }
            _attributes.Add(attribute.Name, attribute);
            var normalized = NameDistance.Normalize(attribute.Name);
            // Two declared names may normalise alike (a.b and a_b): the first keeps the spelling hint,
            // and both stay declared.
            if (!_byNormalizedName.ContainsKey(normalized))
            {
                _byNormalizedName.Add(normalized, attribute.Name);
            }
            if (attribute.Type.IsTemplate)
            {
                _templates.Add(attribute);
            }
        }
        foreach (var group in groups)
        {
            switch (group.Kind)
            {
                case GroupKind.Span:
                    _spanNames.Add(group.Id);
                    // v1 span groups are named span.<name>; the span itself is called <name>.
                    if (group.Id.StartsWith("span.", StringComparison.Ordinal))
                    {
                        _spanNames.Add(group.Id.Substring("span.".Length));
                    }
                    break;
                case GroupKind.Metric when group.MetricName is { Length: > 0 } metricName:
                    _metricNames.Add(metricName);
                    break;
                case GroupKind.Event:
                    var name = group.EventName is { Length: > 0 } eventName ? eventName : group.Id;
                    if (!_eventLevels.ContainsKey(name))
                    {
                        _eventLevels.Add(name, EventLogLevel.Of(group));
                    }
                    break;
            }
        }
        // Longest prefix first, so that a.b.c wins over a.b when both are templates.
        _templates.Sort((x, y) => y.Name.Length.CompareTo(x.Name.Length));
    }

    /// <summary>True when the conventions declare no attribute: the naming rules then have nothing to say.</summary>
    public bool HasAttributes => _attributes.Count > 0;

    public bool HasSpans => _spanNames.Count > 0;

    public bool HasMetrics => _metricNames.Count > 0;

    public bool HasEvents => _eventLevels.Count > 0;

    public bool IsDeclaredSpan(string name) => _spanNames.Contains(name);

    public bool IsDeclaredMetric(string name) => _metricNames.Contains(name);

    public bool IsDeclaredEvent(string name) => _eventLevels.ContainsKey(name);

    /// <summary>The level a declared event's log records are written at, as the generated method writes them.</summary>
    public LogSeverity? EventLevel(string name) => _eventLevels.TryGetValue(name, out var level) ? level : null;

    public IEnumerable<string> SpanNames => _spanNames;

    public IEnumerable<string> MetricNames => _metricNames;

    public IEnumerable<string> EventNames => _eventLevels.Keys;

    /// <summary>
    /// The attribute a key names: declared as is, or a template (<c>http.request.header</c>) whose
    /// key continues with a dot.
    /// </summary>
    public AttributeDefinition? Find(string key)
    {
        if (_attributes.TryGetValue(key, out var attribute))
        {
            return attribute;
        }
        foreach (var template in _templates)
        {
            if (key.Length > template.Name.Length + 1
                && key[template.Name.Length] == '.'
                && key.StartsWith(template.Name, StringComparison.Ordinal))
            {
                return template;
            }
        }
        return null;
    }

    /// <summary>
    /// The attribute whose name, without its separators and case, is <paramref name="compactName"/>:
    /// <c>HttpMethod</c> and <c>http_method</c> name <c>http.method</c>. Null when none does, or
    /// when several do and the name is ambiguous.
    /// </summary>
    public AttributeDefinition? FindByCompactName(string compactName)
    {
        _byCompactName ??= BuildCompactNames();
        return _byCompactName.TryGetValue(Compact(compactName), out var attribute) ? attribute : null;
    }

    private Dictionary<string, AttributeDefinition?> BuildCompactNames()
    {
        var byCompactName = new Dictionary<string, AttributeDefinition?>(StringComparer.Ordinal);
        foreach (var attribute in _attributes.Values)
        {
            var compact = Compact(attribute.Name);
            // Two attributes with one compact spelling: neither is what the name means.
            byCompactName[compact] = byCompactName.ContainsKey(compact) ? null : attribute;
        }
        return byCompactName;
    }

    private static string Compact(string name) =>
        new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>
    /// The declared name an undeclared key most likely means: the same name under another
    /// spelling (<c>patient_id</c>, <c>Patient.Id</c>), else the closest by edit distance.
    /// </summary>
    public string? Suggest(string key)
    {
        if (_byNormalizedName.TryGetValue(NameDistance.Normalize(key), out var sameName))
        {
            return sameName;
        }
        _sortedNames ??= _attributes.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        return NameDistance.Closest(key, _sortedNames);
    }
}
