using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TelemetryConventions.Conventions.Yaml;

/// <summary>Reads attribute definitions and the entries of a group's <c>attributes</c> list.</summary>
internal sealed class AttributeParser
{
    private static readonly HashSet<string> GroupEntryFields = new(StringComparer.Ordinal)
    {
        "id", "ref", "ref_group", "type", "brief", "note", "examples", "requirement_level", "sampling_relevant",
        "stability", "deprecated", "annotations", "role", "tag", "name",
    };

    private static readonly HashSet<string> RegistryAttributeFields = new(StringComparer.Ordinal)
    {
        "key", "type", "brief", "note", "examples", "stability", "deprecated", "annotations",
    };

    private static readonly HashSet<string> EnumTypeFields = new(StringComparer.Ordinal) { "members", "allow_custom_values" };

    private static readonly HashSet<string> EnumMemberFields = new(StringComparer.Ordinal)
    {
        "id", "value", "brief", "note", "stability", "deprecated", "annotations",
    };

    private static readonly HashSet<string> DeprecationFields = new(StringComparer.Ordinal) { "reason", "renamed_to", "note" };

    private static readonly HashSet<string> PrivacyFields = new(StringComparer.Ordinal) { "classification", "treatment", "domain" };
    private static readonly HashSet<string> LogFields = new(StringComparer.Ordinal) { "severity", "body", "signals" };

    /// <summary>
    /// A domain is spelt like an attribute name (<c>patient</c>, <c>clinic.patient</c>): it is hashed into every
    /// pseudonym, so it must be written the same way in every service and language that joins on it.
    /// </summary>
    private static readonly Regex DomainSpelling = new("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$", RegexOptions.CultureInvariant);

    private static readonly Regex LegacyRename = new("^(?:Replaced|Renamed) (?:by|to) `([^`]+)`", RegexOptions.CultureInvariant);

    private readonly ParseContext _context;

    public AttributeParser(ParseContext context) => _context = context;

    /// <summary>A v2 top-level <c>attributes:</c> entry (<c>key:</c>).</summary>
    public AttributeDefinition? ParseRegistryAttribute(YamlNode node)
    {
        var fields = _context.Fields(node, "attribute", RegistryAttributeFields);
        if (fields is null)
        {
            return null;
        }
        var name = fields.Required("key", "Attribute");
        return name is null ? null : ParseDefinition(fields, name, prefix: null);
    }

    /// <summary>
    /// An entry of a group's <c>attributes</c>: an inline definition (<c>id</c>), a reference
    /// (<c>ref</c>) or a group reference (<c>ref_group</c>). Inline definitions are also
    /// returned through <paramref name="definition"/> so they enter the registry.
    /// </summary>
    public AttributeReference? ParseGroupEntry(YamlNode node, string? prefix, out AttributeDefinition? definition)
    {
        definition = null;
        var fields = _context.Fields(node, "attribute entry", GroupEntryFields);
        if (fields is null)
        {
            return null;
        }

        var location = fields.Location;
        if (fields.Has("ref_group"))
        {
            // Required: an empty `ref_group:` is reported rather than silently dropped.
            var group = fields.Required("ref_group", "Attribute entry");
            return string.IsNullOrWhiteSpace(group)
                ? null
                : new AttributeReference { Kind = AttributeReferenceKind.Group, Target = group!, Location = fields.EntryLocation("ref_group") };
        }

        if (fields.Has("ref"))
        {
            var target = fields.Required("ref", "Attribute entry");
            if (string.IsNullOrWhiteSpace(target))
            {
                return null;
            }
            if (fields.Has("type"))
            {
                _context.Report(ConventionRules.InvalidFileStructure, fields.KeyLocation("type"), "A 'ref' entry cannot redefine the attribute's 'type'; it is ignored");
            }
            return new AttributeReference
            {
                Kind = AttributeReferenceKind.Attribute,
                Target = target!,
                Brief = fields.String("brief"),
                Note = fields.String("note"),
                Examples = fields["examples"] is { } examples ? Examples(examples) : (EquatableArray<string>?)null,
                RequirementLevel = fields["requirement_level"] is { } level ? ParseRequirementLevel(level) : null,
                SamplingRelevant = fields.Boolean("sampling_relevant"),
                Stability = fields.Choice("stability", Vocabulary.Stabilities),
                Deprecated = fields["deprecated"] is { } deprecated ? ParseDeprecation(deprecated) : null,
                Privacy = fields["annotations"] is { } annotations ? ParseAnnotations(annotations).Privacy : null,
                Location = fields.EntryLocation("ref"),
                Identifying = fields.Choice("role", Vocabulary.EntityRoles),
            };
        }

        var id = fields.Required("id", "Attribute entry (it needs 'id', 'ref' or 'ref_group')");
        if (id is null)
        {
            return null;
        }
        definition = ParseDefinition(fields, id, prefix);
        return definition is null
            ? null
            : new AttributeReference { Kind = AttributeReferenceKind.Definition, Target = definition.Name, Location = location, Identifying = fields.Choice("role", Vocabulary.EntityRoles) };
    }

    private AttributeDefinition? ParseDefinition(Fields fields, string id, string? prefix)
    {
        var name = prefix is null ? id : prefix + "." + id;
        var nameNode = (fields["id"] ?? fields["key"])!;
        if (!Vocabulary.AttributeName.IsMatch(name))
        {
            _context.Report(ConventionRules.InvalidName, nameNode, name, "attribute", Vocabulary.Describe(name));
            return null;
        }

        AttributeType? type = null;
        if (fields["type"] is { } typeNode)
        {
            type = ParseType(typeNode, name);
        }
        else
        {
            _context.Report(ConventionRules.MissingField, fields.FirstLine(), $"Attribute '{name}'", "type");
        }
        if (type is null)
        {
            return null;
        }

        var annotations = fields["annotations"] is { } annotationNode ? ParseAnnotations(annotationNode) : Annotations.None;
        return new AttributeDefinition
        {
            Name = name,
            Type = type,
            Brief = fields.String("brief"),
            Note = fields.String("note"),
            Examples = fields["examples"] is { } examples ? Examples(examples) : EquatableArray<string>.Empty,
            Stability = fields.Choice("stability", Vocabulary.Stabilities) ?? Stability.Unspecified,
            Deprecated = fields["deprecated"] is { } deprecated ? ParseDeprecation(deprecated) : null,
            Privacy = annotations.Privacy,
            RequirementLevel = fields["requirement_level"] is { } level ? ParseRequirementLevel(level) ?? RequirementLevel.Recommended : RequirementLevel.Recommended,
            SamplingRelevant = fields.Boolean("sampling_relevant") ?? false,
            ExcludedFromCodeGeneration = annotations.Exclude,
            Location = _context.Span(nameNode),
        };
    }

    private AttributeType? ParseType(YamlNode node, string attribute)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            var isTemplate = false;
            var inner = text.Trim();
            if (inner.StartsWith("template[", StringComparison.Ordinal) && inner.EndsWith("]", StringComparison.Ordinal))
            {
                isTemplate = true;
                inner = inner.Substring("template[".Length, inner.Length - "template[".Length - 1);
            }
            var isArray = inner.EndsWith("[]", StringComparison.Ordinal);
            if (isArray)
            {
                inner = inner.Substring(0, inner.Length - 2);
            }
            if (Vocabulary.Primitives.TryGetValue(inner, out var primitive) && !(isArray && primitive == PrimitiveType.Any))
            {
                return AttributeType.Of(primitive, isArray, isTemplate);
            }
            _context.Report(ConventionRules.InvalidValue, node, text, "attribute type",
                "string, int, double, boolean, any, string[], int[], double[], boolean[], template[<type>] or an enum { members: [...] }");
            return null;
        }

        var fields = _context.Fields(node, "enum type", EnumTypeFields);
        if (fields is null)
        {
            return null;
        }
        var members = new List<EnumMember>();
        foreach (var memberNode in fields.List("members"))
        {
            if (ParseEnumMember(memberNode, attribute) is { } member)
            {
                members.Add(member);
            }
        }
        if (members.Count == 0)
        {
            _context.Report(ConventionRules.MissingField, fields.FirstLine(), $"Enum of attribute '{attribute}'", "members");
            return null;
        }

        // The wire type is int only when every member's value is a plain integer.
        var allInts = members.All(m => m.IntValue.HasValue);
        var anyInt = members.Any(m => m.IntValue.HasValue);
        if (anyInt && !allInts)
        {
            foreach (var member in members.Where(m => m.IntValue.HasValue))
            {
                _context.Report(ConventionRules.InvalidEnumValue, member.Location, member.Id, "a string like the other members' values (quote it)");
            }
            members = members
                .Select(m => m.IntValue is { } value ? m with { StringValue = value.ToString(CultureInfo.InvariantCulture), IntValue = null } : m)
                .ToList();
        }

        ReportClashes(members, attribute);
        return new AttributeType(allInts ? PrimitiveType.Int : PrimitiveType.String, false, false, members.ToEquatableArray());
    }

    private EnumMember? ParseEnumMember(YamlNode node, string attribute)
    {
        var fields = _context.Fields(node, $"enum member of '{attribute}'", EnumMemberFields);
        if (fields is null)
        {
            return null;
        }
        var id = fields.Required("id", $"Enum member of '{attribute}'");
        if (id is null)
        {
            return null;
        }

        string? stringValue = id;
        long? intValue = null;
        if (fields["value"] is { } valueNode)
        {
            if (valueNode is not YamlScalarNode scalar || scalar.Value is null)
            {
                _context.Report(ConventionRules.InvalidEnumValue, valueNode, id, "a string or an integer");
                return null;
            }
            if (ParseContext.IsPlainInteger(scalar, out var number))
            {
                intValue = number;
                stringValue = null;
            }
            else if (scalar.Style == ScalarStyle.Plain && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                _context.Report(ConventionRules.InvalidEnumValue, valueNode, id, "a string or an integer (floating-point enum values are not supported)");
                return null;
            }
            else
            {
                stringValue = scalar.Value;
            }
        }

        return new EnumMember(
            id,
            stringValue,
            intValue,
            fields.String("brief"),
            fields.String("note"),
            fields.Choice("stability", Vocabulary.Stabilities) ?? Stability.Unspecified,
            fields["deprecated"] is { } deprecated ? ParseDeprecation(deprecated) : null,
            _context.Span(fields["id"]!));
    }

    private void ReportClashes(List<EnumMember> members, string attribute)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (!ids.Add(member.Id))
            {
                _context.Report(ConventionRules.EnumMemberClash, member.Location, "id", member.Id, attribute);
            }
            // A deprecated member may keep the value of the member that replaced it (a rename of the id).
            var value = member.StringValue ?? member.IntValue!.Value.ToString(CultureInfo.InvariantCulture);
            if (!values.Add(value) && member.Deprecated is null && members.Count(m => SameValue(m, member) && m.Deprecated is null) > 1)
            {
                _context.Report(ConventionRules.EnumMemberClash, member.Location, "value", value, attribute);
            }
        }
    }

    private static bool SameValue(EnumMember a, EnumMember b) => a.StringValue == b.StringValue && a.IntValue == b.IntValue;

    public RequirementLevel? ParseRequirementLevel(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            var kind = _context.Choice(node, "requirement_level", Vocabulary.RequirementKinds);
            if (kind == RequirementKind.ConditionallyRequired)
            {
                _context.Report(ConventionRules.WrongNodeKind, node, "requirement_level.conditionally_required", "a mapping with the condition as text");
            }
            return kind is { } k ? new RequirementLevel(k, null) : null;
        }
        if (node is YamlMappingNode { Children.Count: 1 } mapping)
        {
            var entry = mapping.Children.First();
            var kind = _context.Choice(entry.Key, "requirement_level", Vocabulary.RequirementKinds);
            if (entry.Value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" })
            {
                // `conditionally_required:` with nothing after it (a cut-off file, say) is a null, not a condition.
                _context.Report(ConventionRules.WrongNodeKind, entry.Value, "requirement_level condition", "the condition as text");
                return kind is { } missing ? new RequirementLevel(missing, null) : null;
            }
            return kind is { } k ? new RequirementLevel(k, _context.Scalar(entry.Value, "requirement_level condition")) : null;
        }
        _context.Report(ConventionRules.WrongNodeKind, node, "requirement_level", "required, recommended, opt_in, or a one-entry mapping such as { conditionally_required: <text> }");
        return null;
    }

    public Deprecation? ParseDeprecation(YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            var match = LegacyRename.Match(text);
            return match.Success
                ? new Deprecation(DeprecationReason.Renamed, match.Groups[1].Value, text)
                : new Deprecation(DeprecationReason.Uncategorized, null, text);
        }
        var fields = _context.Fields(node, "deprecated", DeprecationFields);
        if (fields is null)
        {
            return null;
        }
        var reason = fields.Has("reason")
            ? fields.Choice("reason", Vocabulary.DeprecationReasons) ?? DeprecationReason.Uncategorized
            : DeprecationReason.Uncategorized;
        if (!fields.Has("reason"))
        {
            _context.Report(ConventionRules.MissingField, fields.FirstLine(), "Deprecation", "reason");
        }
        var renamedTo = fields.String("renamed_to");
        if (reason == DeprecationReason.Renamed && string.IsNullOrWhiteSpace(renamedTo))
        {
            _context.Report(ConventionRules.MissingField, fields.FirstLine(), "Deprecation with reason 'renamed'", "renamed_to");
        }
        return new Deprecation(reason, string.IsNullOrWhiteSpace(renamedTo) ? null : renamedTo, fields.String("note"));
    }

    /// <summary>
    /// Annotations are free-form; we read our <c>privacy</c> entry and the upstream
    /// <c>code_generation</c> hints, and leave every other key to the tools that own it.
    /// </summary>
    public Annotations ParseAnnotations(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            _context.Report(ConventionRules.WrongNodeKind, node, "annotations", "a mapping");
            return Annotations.None;
        }
        PrivacyAnnotation? privacy = null;
        var exclude = false;
        var valueType = MetricValueType.Unspecified;
        var buckets = EquatableArray<double>.Empty;
        LogAnnotation? log = null;
        bool? observable = null;
        foreach (var entry in mapping.Children)
        {
            switch ((entry.Key as YamlScalarNode)?.Value)
            {
                case "privacy":
                    privacy = ParsePrivacy(entry.Value);
                    break;
                case "histogram_buckets":
                    buckets = ParseBuckets(entry.Value);
                    break;
                case "log":
                    log = ParseLog(entry.Value);
                    break;
                case "observable":
                    observable = _context.Boolean(entry.Value, "observable");
                    break;
                case "code_generation" when entry.Value is YamlMappingNode codeGeneration:
                    foreach (var hint in codeGeneration.Children)
                    {
                        switch ((hint.Key as YamlScalarNode)?.Value)
                        {
                            case "exclude":
                                exclude = _context.Boolean(hint.Value, "code_generation.exclude") ?? false;
                                break;
                            case "metric_value_type":
                                valueType = _context.Choice(hint.Value, "code_generation.metric_value_type", Vocabulary.MetricValueTypes) ?? MetricValueType.Unspecified;
                                break;
                        }
                    }
                    break;
            }
        }
        return new Annotations(privacy, exclude, valueType, buckets, log, observable);
    }

    /// <summary>
    /// Our <c>log</c> annotation on an event: <c>severity</c>, a fixed <c>body</c> text, and
    /// <c>signals</c>, the list of methods to generate (<c>log</c>, <c>span_event</c>).
    /// </summary>
    private LogAnnotation? ParseLog(YamlNode node)
    {
        var fields = _context.Fields(node, "log annotation", LogFields);
        if (fields is null)
        {
            return null;
        }
        var severity = fields.Choice("severity", Vocabulary.LogSeverities);
        var body = fields.String("body");
        EventSignals? signals = null;
        if (fields["signals"] is { } signalsNode && _context.Sequence(signalsNode, "log.signals") is { } items)
        {
            var chosen = EventSignals.None;
            foreach (var item in items)
            {
                chosen |= _context.Choice(item, "log.signals", Vocabulary.EventSignalNames) ?? EventSignals.None;
            }
            signals = chosen;
        }
        return new LogAnnotation(severity, string.IsNullOrWhiteSpace(body) ? null : body!.Trim(), signals);
    }

    /// <summary>
    /// Our <c>histogram_buckets</c> annotation: explicit bucket boundaries, strictly increasing,
    /// handed to the SDK as instrument advice.
    /// </summary>
    private EquatableArray<double> ParseBuckets(YamlNode node)
    {
        var items = _context.Sequence(node, "histogram_buckets");
        if (items is null)
        {
            return EquatableArray<double>.Empty;
        }
        var boundaries = new List<double>();
        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { } text } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var boundary))
            {
                _context.Report(ConventionRules.WrongNodeKind, item, "histogram_buckets", "a list of numbers");
                return EquatableArray<double>.Empty;
            }
            if (boundaries.Count > 0 && boundary <= boundaries[boundaries.Count - 1])
            {
                _context.Report(ConventionRules.WrongNodeKind, item, "histogram_buckets", "a list of strictly increasing numbers");
                return EquatableArray<double>.Empty;
            }
            boundaries.Add(boundary);
        }
        return boundaries.ToEquatableArray();
    }

    private PrivacyAnnotation? ParsePrivacy(YamlNode node)
    {
        if (node is not YamlMappingNode)
        {
            _context.Report(ConventionRules.InvalidPrivacyAnnotation, node, "'privacy' must be a mapping with 'classification' and optionally 'treatment'");
            return null;
        }
        var fields = _context.Fields(node, "privacy annotation", PrivacyFields)!;
        if (!fields.Has("classification"))
        {
            _context.Report(ConventionRules.InvalidPrivacyAnnotation, fields.FirstLine(),
                "'privacy' needs a 'classification': " + string.Join(", ", Vocabulary.PrivacyClassifications.Keys));
            return null;
        }
        var classification = PrivacyChoice(fields, "classification", Vocabulary.PrivacyClassifications);
        if (classification is null)
        {
            return null;
        }
        var treatment = fields.Has("treatment")
            ? PrivacyChoice(fields, "treatment", Vocabulary.PrivacyTreatments)
            : DefaultTreatment(classification.Value);
        if (treatment is null)
        {
            return null;
        }
        return new PrivacyAnnotation(classification.Value, treatment.Value, fields.Has("domain") ? PrivacyDomain(fields["domain"]!, treatment.Value) : null);
    }

    /// <summary>
    /// <c>domain</c> names the identifier space of a pseudonymised attribute. A bad spelling is an error, since the
    /// domain is hashed into every pseudonym; the rest of the annotation still holds, with the attribute's own name
    /// as the domain.
    /// </summary>
    private string? PrivacyDomain(YamlNode node, PrivacyTreatment treatment)
    {
        var text = _context.Scalar(node, "privacy.domain");
        if (text is null)
        {
            return null;
        }
        if (treatment != PrivacyTreatment.Pseudonymize)
        {
            _context.Report(ConventionRules.InvalidPrivacyAnnotation, node,
                $"'domain' applies only to pseudonymised attributes; this one is '{treatment.ToString().ToLowerInvariant()}', so nothing is pseudonymised in domain '{text}'");
            return null;
        }
        if (!DomainSpelling.IsMatch(text))
        {
            _context.Report(ConventionRules.InvalidPrivacyAnnotation, node,
                $"'{text}' is not a valid privacy domain: write it like an attribute name, lower-case words of a-z, 0-9 and '_' joined by '.' (for example 'patient' or 'clinic.patient')");
            return null;
        }
        return text;
    }

    /// <summary>Misspelt privacy values are privacy problems (TC0014), not generic value errors.</summary>
    private T? PrivacyChoice<T>(Fields fields, string key, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var node = fields[key]!;
        var text = _context.Scalar(node, "privacy." + key);
        if (text is null)
        {
            return null;
        }
        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }
        _context.Report(ConventionRules.InvalidPrivacyAnnotation, node,
            $"'{text}' is not a privacy {key}; expected one of: {string.Join(", ", choices.Keys)}");
        return null;
    }

    /// <summary>An identifier of a person is pseudonymised unless the file says otherwise.</summary>
    public static PrivacyTreatment DefaultTreatment(PrivacyClassification classification) =>
        classification == PrivacyClassification.PersonalIdentifier ? PrivacyTreatment.Pseudonymize : PrivacyTreatment.Allow;

    /// <summary>Examples rendered as text for documentation; nested lists are array examples.</summary>
    public EquatableArray<string> Examples(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new[] { scalar.Value ?? "" },
        YamlSequenceNode sequence => sequence.Children.Select(RenderExample).ToEquatableArray(),
        _ => InvalidExamples(node),
    };

    private EquatableArray<string> InvalidExamples(YamlNode node)
    {
        _context.Report(ConventionRules.WrongNodeKind, node, "examples", "a value or a list of values");
        return EquatableArray<string>.Empty;
    }

    private static string RenderExample(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence => "[" + string.Join(", ", sequence.Children.Select(RenderExample)) + "]",
        YamlMappingNode mapping => "{" + string.Join(", ", mapping.Children.Select(e => RenderExample(e.Key) + ": " + RenderExample(e.Value))) + "}",
        _ => "",
    };
}

// Observable is our `observable` annotation on a metric: true generates an observable instrument's
// registration instead of the synchronous wrapper, false keeps a metric synchronous whatever the
// TelemetryConventionsObservableInstruments option says; null leaves it to the option.
internal readonly record struct Annotations(PrivacyAnnotation? Privacy, bool Exclude, MetricValueType MetricValueType, EquatableArray<double> HistogramBuckets, LogAnnotation? Log = null, bool? Observable = null)
{
    public static readonly Annotations None = new(null, false, MetricValueType.Unspecified, EquatableArray<double>.Empty);
}
