using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using TelemetryConventions.Conventions.Diagnostics;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Conventions.Compatibility;

/// <summary>
/// The baseline file: one published fact per line, sorted, so that a pull request that changes
/// what was published shows up as a few changed lines beside the YAML change.
/// <code>
/// attribute clinic.visit.kind enum[string]
///   member emergency
/// metric clinic.visits counter {visit}
/// span span.clinic.visit server
///   required clinic.patient.id
/// </code>
/// Tokens are separated by one space; a space or '%' inside a token is written %20 or %25, and
/// a metric without a unit has the unit <c>-</c>. A trailing <c>deprecated</c> marks what was
/// published as deprecated: removing it later is the announced end of its life, not a break.
/// </summary>
public static class BaselineFormat
{
    private const string DeprecatedFlag = "deprecated";
    private const string NoUnit = "-";

    public static string Write(ConventionBaseline baseline)
    {
        var text = new StringBuilder();
        text.Append("# The published conventions: changes to these lines break what users of the telemetry rely on.\n");
        text.Append("# Checked by the TC4xxx rules; after an intended change run: dotnet build -t:UpdateTelemetryConventionsBaseline\n");
        foreach (var attribute in baseline.Attributes)
        {
            Line(text, 0, attribute.Deprecated, "attribute", attribute.Name, attribute.Type);
            foreach (var member in attribute.Members)
            {
                Line(text, 1, member.Deprecated, "member", member.Value);
            }
        }
        foreach (var metric in baseline.Metrics)
        {
            Line(text, 0, metric.Deprecated, "metric", metric.Name, metric.Instrument, metric.Unit.Length == 0 ? NoUnit : metric.Unit);
        }
        foreach (var span in baseline.Spans)
        {
            Line(text, 0, span.Deprecated, "span", span.Id, span.Kind);
            foreach (var required in span.Required)
            {
                Line(text, 1, false, "required", required.Attribute);
            }
        }
        return text.ToString();
    }

    /// <summary>Reads a baseline; lines it does not understand are TC4008 warnings and are skipped.</summary>
    public static ConventionBaseline Read(string path, string content)
    {
        var attributes = new List<(ShippedAttribute Attribute, List<ShippedMember> Members)>();
        var metrics = new List<ShippedMetric>();
        var spans = new List<(ShippedSpan Span, List<ShippedRequirement> Required)>();
        var diagnostics = new List<ConventionDiagnostic>();
        string? lastParent = null;

        var offset = 0;
        var lineNumber = 0;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var indent = line.Length - line.TrimStart(' ').Length;
            var body = line.Trim();
            var location = new SourceSpan(path, lineNumber, indent, lineNumber, indent + body.Length, offset + indent, offset + indent + body.Length);
            offset += rawLine.Length + 1;
            lineNumber++;
            if (body.Length == 0 || body.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var tokens = body.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(Unescape).ToList();
            var deprecated = tokens.Count > 2 && tokens[tokens.Count - 1] == DeprecatedFlag;
            if (deprecated)
            {
                tokens.RemoveAt(tokens.Count - 1);
            }
            switch (tokens[0])
            {
                case "attribute" when tokens.Count == 3:
                    attributes.Add((new ShippedAttribute(tokens[1], tokens[2], deprecated, EquatableArray<ShippedMember>.Empty, location), new List<ShippedMember>()));
                    lastParent = "attribute";
                    continue;
                case "member" when tokens.Count == 2 && lastParent == "attribute":
                    attributes[attributes.Count - 1].Members.Add(new ShippedMember(tokens[1], deprecated, location));
                    continue;
                case "metric" when tokens.Count == 4:
                    metrics.Add(new ShippedMetric(tokens[1], tokens[2], tokens[3] == NoUnit ? "" : tokens[3], deprecated, location));
                    lastParent = null;
                    continue;
                case "span" when tokens.Count == 3:
                    spans.Add((new ShippedSpan(tokens[1], tokens[2], deprecated, EquatableArray<ShippedRequirement>.Empty, location), new List<ShippedRequirement>()));
                    lastParent = "span";
                    continue;
                case "required" when tokens.Count == 2 && lastParent == "span":
                    spans[spans.Count - 1].Required.Add(new ShippedRequirement(tokens[1], location));
                    continue;
            }
            diagnostics.Add(ConventionDiagnostic.Create(ConventionRules.BaselineEntryNotUnderstood, location, body));
        }

        return new ConventionBaseline(
            path,
            attributes.Select(a => a.Attribute with { Members = a.Members.ToEquatableArray() }).ToEquatableArray(),
            metrics.ToEquatableArray(),
            spans.Select(s => s.Span with { Required = s.Required.ToEquatableArray() }).ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    private static void Line(StringBuilder text, int depth, bool deprecated, params string[] tokens)
    {
        text.Append(' ', depth * 2).Append(string.Join(" ", tokens.Select(Escape)));
        if (deprecated)
        {
            text.Append(' ').Append(DeprecatedFlag);
        }
        text.Append('\n');
    }

    private static string Escape(string token) =>
        token.Replace("%", "%25").Replace(" ", "%20").Replace("\t", "%09").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Unescape(string token) =>
        token.IndexOf('%') < 0 ? token : token.Replace("%20", " ").Replace("%09", "\t").Replace("%0D", "\r").Replace("%0A", "\n").Replace("%25", "%");
}
