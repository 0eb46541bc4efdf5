using System;
using System.Collections.Generic;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using YamlDotNet.RepresentationModel;

namespace TelemetryConventions.Conventions.Yaml;

/// <summary>Reads v1 <c>groups</c> entries and the v2 group-like sections.</summary>
internal sealed class GroupParser
{
    private static readonly HashSet<string> V1GroupFields = new(StringComparer.Ordinal)
    {
        "id", "type", "brief", "note", "extends", "stability", "deprecated", "display_name", "attributes",
        "span_kind", "events", "metric_name", "instrument", "unit", "name", "annotations", "prefix",
        "entity_associations", "body",
    };

    private static readonly HashSet<string> AttributeGroupFields = new(StringComparer.Ordinal)
    {
        "id", "visibility", "stability", "brief", "note", "attributes", "annotations", "deprecated",
    };

    private static readonly HashSet<string> SpanFields = new(StringComparer.Ordinal)
    {
        "type", "kind", "name", "requirement_level", "stability", "brief", "note", "attributes", "annotations",
        "deprecated", "entity_associations", "events",
    };

    private static readonly HashSet<string> MetricFields = new(StringComparer.Ordinal)
    {
        "name", "instrument", "unit", "brief", "note", "stability", "requirement_level", "attributes", "annotations",
        "deprecated", "entity_associations",
    };

    private static readonly HashSet<string> EventFields = new(StringComparer.Ordinal)
    {
        "name", "brief", "note", "stability", "requirement_level", "attributes", "annotations", "deprecated", "body",
        "entity_associations",
    };

    private static readonly HashSet<string> BodyFields = new(StringComparer.Ordinal)
    {
        "id", "type", "brief", "note", "stability", "requirement_level", "fields", "examples", "deprecated",
    };

    private static readonly HashSet<string> EntityFields = new(StringComparer.Ordinal)
    {
        "type", "brief", "note", "stability", "attributes", "identity", "description", "annotations", "deprecated",
    };

    private static readonly HashSet<string> RefinementFields = new(StringComparer.Ordinal)
    {
        "id", "ref", "brief", "note", "stability", "attributes", "annotations", "deprecated", "requirement_level",
        "kind", "name", "identity", "description", "events", "entity_associations", "unit", "instrument", "body",
    };

    private readonly ParseContext _context;
    private readonly AttributeParser _attributes;
    private readonly List<AttributeDefinition> _definitions;

    public GroupParser(ParseContext context, AttributeParser attributes, List<AttributeDefinition> definitions)
    {
        _context = context;
        _attributes = attributes;
        _definitions = definitions;
    }

    public GroupDefinition? ParseV1(YamlNode node)
    {
        var fields = _context.Fields(node, "group", V1GroupFields);
        if (fields is null)
        {
            return null;
        }
        var id = GroupId(fields, "id", "Group");
        if (id is null)
        {
            return null;
        }
        var kind = fields.Has("type")
            ? fields.Choice("type", Vocabulary.GroupKinds)
            : Missing<GroupKind>(fields, $"Group '{id}'", "type");
        if (kind is null)
        {
            return null;
        }

        string? prefix = null;
        if (fields.Has("prefix"))
        {
            prefix = fields.String("prefix");
            _context.Report(ConventionRules.ObsoletePrefix, fields.KeyLocation("prefix"), prefix);
            prefix = string.IsNullOrWhiteSpace(prefix) ? null : prefix;
        }

        string? metricName = null;
        var instrument = InstrumentKind.Unspecified;
        string? unit = null;
        if (kind == GroupKind.Metric)
        {
            metricName = MetricName(fields, "metric_name", id);
            instrument = fields.Has("instrument")
                ? fields.Choice("instrument", Vocabulary.Instruments) ?? InstrumentKind.Unspecified
                : Missing<InstrumentKind>(fields, $"Metric group '{id}'", "instrument") ?? InstrumentKind.Unspecified;
            unit = fields.Has("unit") ? fields.String("unit") : Missing(fields, $"Metric group '{id}'", "unit");
        }

        var name = fields.String("name");
        var events = EventReferences(fields);

        return Build(
            fields, id, kind.Value, prefix,
            extends: fields.String("extends"),
            refines: null,
            spanKind: fields.Choice("span_kind", Vocabulary.SpanKinds) ?? SpanKind.Unspecified,
            events: events,
            metricName: metricName,
            instrument: instrument,
            unit: unit,
            eventName: kind == GroupKind.Event ? name ?? EventNameWithout(fields, id, prefix) : null,
            entityName: kind == GroupKind.Entity ? name : null,
            visibility: Visibility.Public);
    }

    /// <summary>
    /// A v1 event group without <c>name</c>: as the semantic-convention tools have it, an event without a
    /// body takes its name from the obsolete <c>prefix</c>; any other is an error (TC0031), generated
    /// under its id without the <c>event.</c> prefix so that the rest of the file still works.
    /// </summary>
    private string EventNameWithout(Fields fields, string id, string? prefix)
    {
        if (prefix is not null && !fields.Has("body"))
        {
            return prefix;
        }
        var fallback = id.StartsWith("event.", StringComparison.Ordinal) && id.Length > "event.".Length ? id.Substring("event.".Length) : id;
        _context.Report(ConventionRules.EventWithoutName, fields.EntryLocation("id"), id, fallback);
        return fallback;
    }

    public GroupDefinition? ParseAttributeGroup(YamlNode node)
    {
        var fields = _context.Fields(node, "attribute group", AttributeGroupFields);
        var id = fields is null ? null : GroupId(fields, "id", "Attribute group");
        return id is null
            ? null
            : Build(fields!, id, GroupKind.AttributeGroup, null, null, null, SpanKind.Unspecified, null, null, InstrumentKind.Unspecified, null, null, null,
                fields!.Choice("visibility", Vocabulary.Visibilities) ?? Visibility.Public);
    }

    public GroupDefinition? ParseSpan(YamlNode node)
    {
        var fields = _context.Fields(node, "span", SpanFields);
        var type = fields is null ? null : GroupId(fields, "type", "Span");
        if (type is null)
        {
            return null;
        }
        return Build(fields!, "span." + type, GroupKind.Span, null, null, null,
            fields!.Choice("kind", Vocabulary.SpanKinds) ?? SpanKind.Unspecified, EventReferences(fields), null, InstrumentKind.Unspecified, null, null, null, Visibility.Public);
    }

    public GroupDefinition? ParseMetric(YamlNode node)
    {
        var fields = _context.Fields(node, "metric", MetricFields);
        var name = fields is null ? null : MetricName(fields, "name", null);
        if (name is null)
        {
            return null;
        }
        var instrument = fields!.Has("instrument")
            ? fields.Choice("instrument", Vocabulary.Instruments) ?? InstrumentKind.Unspecified
            : Missing<InstrumentKind>(fields, $"Metric '{name}'", "instrument") ?? InstrumentKind.Unspecified;
        var unit = fields.Has("unit") ? fields.String("unit") : Missing(fields, $"Metric '{name}'", "unit");
        return Build(fields, "metric." + name, GroupKind.Metric, null, null, null, SpanKind.Unspecified, null, name, instrument, unit, null, null, Visibility.Public);
    }

    public GroupDefinition? ParseEvent(YamlNode node)
    {
        var fields = _context.Fields(node, "event", EventFields);
        var name = fields is null ? null : GroupId(fields, "name", "Event");
        return name is null
            ? null
            : Build(fields!, "event." + name, GroupKind.Event, null, null, null, SpanKind.Unspecified, null, null, InstrumentKind.Unspecified, null, name, null, Visibility.Public);
    }

    public GroupDefinition? ParseEntity(YamlNode node)
    {
        var fields = _context.Fields(node, "entity", EntityFields);
        var type = fields is null ? null : GroupId(fields, "type", "Entity");
        return type is null
            ? null
            : Build(fields!, "entity." + type, GroupKind.Entity, null, null, null, SpanKind.Unspecified, null, null, InstrumentKind.Unspecified, null, null, type, Visibility.Public);
    }

    /// <summary>A v2 refinement: a new group that starts from the one named by <c>ref</c>.</summary>
    public GroupDefinition? ParseRefinement(YamlNode node, GroupKind kind, string section)
    {
        var fields = _context.Fields(node, section.TrimEnd('s'), RefinementFields);
        var id = fields is null ? null : GroupId(fields, "id", "Refinement");
        if (id is null)
        {
            return null;
        }
        var refines = fields!.Required("ref", $"Refinement '{id}'");
        return refines is null
            ? null
            : Build(fields, id, kind, null, null, refines, fields.Choice("kind", Vocabulary.SpanKinds) ?? SpanKind.Unspecified,
                null, null, InstrumentKind.Unspecified, null, null, null, Visibility.Public);
    }

    /// <summary>A span's <c>events</c>: event group ids or event names.</summary>
    private List<string> EventReferences(Fields fields)
    {
        var events = new List<string>();
        foreach (var eventNode in fields.List("events"))
        {
            if (_context.Scalar(eventNode, "events") is { Length: > 0 } eventId)
            {
                events.Add(eventId);
            }
        }
        return events;
    }

    private GroupDefinition Build(
        Fields fields,
        string id,
        GroupKind kind,
        string? prefix,
        string? extends,
        string? refines,
        SpanKind spanKind,
        List<string>? events,
        string? metricName,
        InstrumentKind instrument,
        string? unit,
        string? eventName,
        string? entityName,
        Visibility visibility)
    {
        var references = new List<AttributeReference>();
        // v2 entities split their attributes into identity and description lists.
        foreach (var listName in new[] { "attributes", "identity", "description" })
        {
            if (!fields.Has(listName) || (listName != "attributes" && kind != GroupKind.Entity))
            {
                continue;
            }
            foreach (var entry in fields.List(listName))
            {
                var reference = _attributes.ParseGroupEntry(entry, prefix, out var definition);
                if (definition is not null)
                {
                    _definitions.Add(definition);
                }
                if (reference is not null)
                {
                    // A v2 entity says the role by the list an attribute is in.
                    references.Add(listName == "attributes" ? reference : reference with { Identifying = listName == "identity" });
                }
            }
        }

        var annotations = fields["annotations"] is { } annotationNode ? _attributes.ParseAnnotations(annotationNode) : Annotations.None;
        return new GroupDefinition
        {
            Id = id,
            Kind = kind,
            Brief = fields.String("brief"),
            Note = fields.String("note"),
            Stability = fields.Choice("stability", Vocabulary.Stabilities) ?? Stability.Unspecified,
            Deprecated = fields["deprecated"] is { } deprecated ? _attributes.ParseDeprecation(deprecated) : null,
            Extends = string.IsNullOrWhiteSpace(extends) ? null : extends,
            Refines = refines,
            DisplayName = fields.String("display_name"),
            Visibility = visibility,
            Attributes = references.ToEquatableArray(),
            SpanKind = spanKind,
            Events = (events ?? new List<string>()).ToEquatableArray(),
            MetricName = metricName,
            Instrument = instrument,
            Unit = unit,
            MetricValueType = annotations.MetricValueType,
            HistogramBuckets = annotations.HistogramBuckets,
            EventName = eventName,
            EntityName = entityName,
            ExcludedFromCodeGeneration = annotations.Exclude,
            Location = fields.FirstLine(),
            Log = kind == GroupKind.Event ? annotations.Log : null,
            Body = kind == GroupKind.Event && fields["body"] is { } body ? ParseBody(body) : null,
            Observable = kind == GroupKind.Metric ? ObservableOf(annotations, instrument, fields["annotations"]) : null,
        };
    }

    /// <summary>
    /// The <c>observable</c> annotation of a metric. .NET has no observable histogram, so on a
    /// histogram only <c>false</c> is accepted.
    /// </summary>
    private bool? ObservableOf(Annotations annotations, InstrumentKind instrument, YamlNode? annotationNode)
    {
        if (annotations.Observable == true && instrument == InstrumentKind.Histogram)
        {
            var node = annotationNode is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("observable"), out var value) ? value : annotationNode!;
            _context.Report(ConventionRules.WrongNodeKind, node, "observable", "false or absent on a histogram: .NET has no observable histogram");
            return null;
        }
        return annotations.Observable;
    }

    /// <summary>
    /// An event's body: its type decides whether a log method can carry it (a string can; a
    /// structured map cannot through <c>ILogger</c>). Its fields are left to the tools that render them.
    /// </summary>
    private EventBody? ParseBody(YamlNode node)
    {
        var fields = _context.Fields(node, "event body", BodyFields);
        if (fields is null)
        {
            return null;
        }
        var type = fields.String("type") ?? "undefined";
        var requirement = fields["requirement_level"] is YamlScalarNode level && level.Value is { } text && Vocabulary.RequirementKinds.TryGetValue(text, out var kind)
            ? kind
            : RequirementKind.Recommended;
        return new EventBody(type, requirement, fields.String("brief"));
    }

    private string? GroupId(Fields fields, string key, string what)
    {
        var id = fields.Required(key, what);
        if (id is null)
        {
            return null;
        }
        if (!Vocabulary.GroupId.IsMatch(id))
        {
            _context.Report(ConventionRules.InvalidName, fields[key]!, id, "group", "use letters, digits, '_', '-' and '.'");
            return null;
        }
        return id;
    }

    private string? MetricName(Fields fields, string key, string? groupId)
    {
        var name = fields.Required(key, groupId is null ? "Metric" : $"Metric group '{groupId}'");
        if (name is null)
        {
            return null;
        }
        if (!Vocabulary.AttributeName.IsMatch(name))
        {
            _context.Report(ConventionRules.InvalidName, fields[key]!, name, "metric", Vocabulary.Describe(name));
            return null;
        }
        return name;
    }

    private T? Missing<T>(Fields fields, string what, string key)
        where T : struct
    {
        _context.Report(ConventionRules.MissingField, fields.FirstLine(), what, key);
        return null;
    }

    private string? Missing(Fields fields, string what, string key)
    {
        _context.Report(ConventionRules.MissingField, fields.FirstLine(), what, key);
        return null;
    }
}
