using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>Pieces shared by the span, event and metric emitters.</summary>
internal static class WrapperText
{
    public const string Activity = "global::System.Diagnostics.Activity";
    public const string Boxes = WrapperPlanner.SupportClass;

    /// <summary>
    /// The expression that turns a typed value into a tag value. Booleans, small integers and
    /// integer enums come from boxes made once; enum strings are literals; pseudonyms are computed
    /// here, so only when the caller already knows the value will be recorded.
    /// </summary>
    public static string TagValue(WrapperAttributeSpec attribute, string expression) => attribute.Kind switch
    {
        ValueKind.Long => $"{Boxes}.Box({expression})",
        ValueKind.Double => $"(object){expression}",
        ValueKind.Boolean => $"({expression} ? {Boxes}.True : {Boxes}.False)",
        ValueKind.StringEnum => $"{expression}.WireValue",
        ValueKind.IntEnum => $"{expression}.ToBoxedWireValue()",
        // default(Pseudonym) holds no value: it becomes a null tag rather than an exception on the telemetry path.
        ValueKind.Pseudonym => $"({expression}.IsDefault ? null : {expression}.Value)",
        _ => expression,
    };

    /// <summary>The parameter list; optional parameters are nullable and default to null.</summary>
    public static string Parameters(IEnumerable<WrapperAttributeSpec> attributes, bool optionalAsNullable) =>
        string.Join(", ", attributes.Select(a => optionalAsNullable && !a.IsRequired
            ? $"{a.CSharpType}? {a.ParameterName} = null"
            : $"{a.CSharpType} {a.ParameterName}"));

    /// <summary>
    /// Adds each attribute to a tag collection: required ones always, optional ones only when
    /// the caller passed a value.
    /// </summary>
    public static void AddTags(SourceWriter writer, string collection, IEnumerable<WrapperAttributeSpec> attributes)
    {
        var index = 0;
        foreach (var attribute in attributes)
        {
            var key = CSharpNames.Literal(attribute.Name);
            if (attribute.IsRequired)
            {
                writer.Line($"{collection}.Add({key}, {TagValue(attribute, attribute.ParameterName)});");
                continue;
            }
            var local = "__value" + (++index);
            writer.Open($"if ({attribute.ParameterName} is {{ }} {local})");
            writer.Line($"{collection}.Add({key}, {TagValue(attribute, local)});");
            writer.Close();
        }
    }

    public static void ParameterDocs(SourceWriter writer, IEnumerable<WrapperAttributeSpec> attributes)
    {
        foreach (var attribute in attributes)
        {
            var text = $"<c>{attribute.Name}</c>" + (attribute.Brief is { } brief ? ": " + DocText.Markdown(brief.Trim()) : ".");
            if (attribute.Requirement == RequirementKind.ConditionallyRequired && attribute.Condition is { } condition)
            {
                text += " Required when: " + DocText.Markdown(condition.Trim());
            }
            if (attribute.Kind == ValueKind.Pseudonym)
            {
                text += " Only a keyed pseudonym fits; it is computed only if the telemetry is recorded.";
            }
            writer.Line($"/// <param name=\"{attribute.ParameterName.TrimStart('@')}\">{OneLine(text)}</param>");
        }
    }

    public static string OneLine(string text) => string.Join(" ", text.Split(new[] { '\n', '\r' }, System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    public static void Obsolete(SourceWriter writer, Deprecation? deprecation)
    {
        if (deprecation is not null)
        {
            writer.Line($"[global::System.Obsolete({CSharpNames.Literal(DocText.Obsolete(deprecation))})]");
        }
    }

    public static string? GroupRemarks(string? note, Stability stability, string? extra)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(note))
        {
            parts.Add(DocText.Markdown(note!.Trim()));
        }
        if (extra is not null)
        {
            parts.Add(extra);
        }
        parts.Add("Stability: " + DocText.Spell(stability) + ".");
        return string.Join("\n\n", parts);
    }
}
