using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Conventions.Documentation;

/// <summary>One attribute that carries personal data, and every signal that declares it.</summary>
public sealed record InventoryEntry(
    string Attribute,
    PrivacyClassification Classification,
    PrivacyTreatment Treatment,
    string? PseudonymDomain,
    IReadOnlyList<string> Spans,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> Metrics);

/// <summary>
/// The record of processing a privacy officer asks for (GDPR Art. 30, HIPAA de-identification):
/// which personal data the telemetry can hold, in which form, and where.
/// </summary>
public static class PrivacyInventory
{
    public static IReadOnlyList<InventoryEntry> Build(IReadOnlyList<AttributeDefinition> attributes, IReadOnlyList<ResolvedGroup> groups)
    {
        var entries = new List<InventoryEntry>();
        foreach (var attribute in attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var uses = groups.Where(g => g.Attributes.Any(a => a.Name == attribute.Name)).ToList();
            // A group may classify an attribute it references; the definition's word comes first.
            var privacy = attribute.Privacy ?? uses.SelectMany(g => g.Attributes).FirstOrDefault(a => a.Name == attribute.Name && a.Privacy is not null)?.Privacy;
            if (privacy is null)
            {
                continue;
            }
            entries.Add(new InventoryEntry(
                attribute.Name,
                privacy.Classification,
                privacy.Treatment,
                privacy.Treatment == PrivacyTreatment.Pseudonymize ? PseudonymDomain(attribute) : null,
                Names(uses, GroupKind.Span, ConventionDocs.SpanName),
                Names(uses, GroupKind.Event, ConventionDocs.EventName),
                Names(uses, GroupKind.Metric, ConventionDocs.MetricName)));
        }
        return entries;
    }

    /// <summary>The identifier space of the keyed pseudonyms: the annotation's <c>domain</c>, by default the attribute's name.</summary>
    private static string PseudonymDomain(AttributeDefinition attribute) => attribute.PseudonymDomain ?? attribute.Name;

    public static string ToMarkdown(IReadOnlyList<InventoryEntry> entries)
    {
        var text = new StringBuilder();
        text.Append(ConventionDocs.GeneratedMarker).Append("\n\n# Privacy inventory\n\n");
        text.Append("Every attribute of these conventions that carries personal data, how it reaches telemetry, and which signals declare it. ");
        text.Append("Events are written as log records (through `ILogger`) and as span events. ");
        text.Append("A pseudonym is HMAC-SHA256 under the deployment's secret key, separated by its domain: the same person in the same domain gets the same pseudonym on every signal, and unrelated ones across domains.\n\n");
        text.Append("| Attribute | Classification | Treatment | What reaches telemetry | Pseudonym domain | Spans | Events (logs) | Metrics |\n");
        text.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var entry in entries)
        {
            text.Append("| `").Append(entry.Attribute).Append("` | ").Append(ConventionDocs.Name(entry.Classification.ToString()))
                .Append(" | ").Append(entry.Treatment.ToString().ToLowerInvariant())
                .Append(" | ").Append(Reaches(entry.Treatment))
                .Append(" | ").Append(entry.PseudonymDomain is { } domain ? "`" + domain + "`" : "–")
                .Append(" | ").Append(List(entry.Spans))
                .Append(" | ").Append(List(entry.Events))
                .Append(" | ").Append(List(entry.Metrics)).Append(" |\n");
        }
        if (entries.Count == 0)
        {
            text.Append("\nNo attribute is annotated with `privacy`.\n");
        }
        return text.ToString();
    }

    public static string ToJson(IReadOnlyList<InventoryEntry> entries)
    {
        var text = new StringBuilder();
        text.Append("{\n  \"attributes\": [");
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            text.Append(i == 0 ? "\n" : ",\n");
            text.Append("    {\n");
            text.Append("      \"name\": ").Append(Json(entry.Attribute)).Append(",\n");
            text.Append("      \"classification\": ").Append(Json(ConventionDocs.Name(entry.Classification.ToString()))).Append(",\n");
            text.Append("      \"treatment\": ").Append(Json(entry.Treatment.ToString().ToLowerInvariant())).Append(",\n");
            text.Append("      \"pseudonymDomain\": ").Append(entry.PseudonymDomain is { } domain ? Json(domain) : "null").Append(",\n");
            text.Append("      \"spans\": ").Append(JsonList(entry.Spans)).Append(",\n");
            text.Append("      \"events\": ").Append(JsonList(entry.Events)).Append(",\n");
            text.Append("      \"metrics\": ").Append(JsonList(entry.Metrics)).Append('\n');
            text.Append("    }");
        }
        text.Append(entries.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return text.ToString();
    }

    private static string Reaches(PrivacyTreatment treatment) => treatment switch
    {
        PrivacyTreatment.Pseudonymize => "keyed pseudonym only",
        PrivacyTreatment.Redact => "nothing (no setter is generated)",
        _ => "the value",
    };

    private static IReadOnlyList<string> Names(IEnumerable<ResolvedGroup> groups, GroupKind kind, Func<ResolvedGroup, string> name) =>
        groups.Where(g => g.Kind == kind).Select(name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "–" : string.Join(", ", names.Select(n => "`" + n + "`"));

    private static string JsonList(IReadOnlyList<string> names) => "[" + string.Join(", ", names.Select(Json)) + "]";

    private static string Json(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        return text.Append('"').ToString();
    }
}
