using System.Linq;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>
/// Writes an entity's resource helper: the entity's attributes as name/value pairs, ready for
/// OpenTelemetry's <c>ResourceBuilder.AddAttributes</c>. Only BCL types appear, so the generated
/// code (and the package) needs no OpenTelemetry reference.
/// </summary>
internal static class ResourceEmitter
{
    private const string Pair = "global::System.Collections.Generic.KeyValuePair<string, object>";

    public static string Emit(ResourceSpec spec)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);
        writer.Doc("summary", "Resource attributes of the entities declared in the conventions, for OpenTelemetry's <c>ResourceBuilder.AddAttributes</c>.");
        writer.Open($"{spec.Options.Accessibility} static partial class {ResourcePlanner.ResourcesClass}");
        writer.Doc("summary", $"The attributes of the <c>{spec.EntityName}</c> entity." + (spec.Brief is { } brief ? " " + DocText.Markdown(brief.Trim()) : ""));
        var identifying = spec.Attributes.Where(a => a.IsRequired).Select(a => $"<c>{a.Name}</c>").ToList();
        writer.Doc("remarks", WrapperText.GroupRemarks(spec.Note, spec.Stability,
            (identifying.Count == 0 ? "The entity declares no identifying attribute." : "Identified by " + string.Join(", ", identifying) + ".")
            + " Descriptive attributes are added only when given."));
        WrapperText.ParameterDocs(writer, spec.Attributes);
        writer.Line("/// <returns>The attributes, in the order declared, to pass to <c>ResourceBuilder.AddAttributes</c>.</returns>");
        WrapperText.Obsolete(writer, spec.Deprecated);
        var parameters = WrapperText.Parameters(spec.Attributes, optionalAsNullable: true);
        writer.Open($"public static global::System.Collections.Generic.IReadOnlyList<{Pair}> {spec.MethodName}({parameters})");
        writer.Line($"var attributes = new global::System.Collections.Generic.List<{Pair}>({spec.Attributes.Count});");
        var index = 0;
        foreach (var attribute in spec.Attributes)
        {
            var key = CSharpNames.Literal(attribute.Name);
            var parameter = attribute.ParameterName;
            if (attribute.IsRequired)
            {
                writer.Line($"attributes.Add(new({key}, {Required(attribute, parameter)}));");
                continue;
            }
            var local = "__value" + (++index);
            if (attribute.Kind == ValueKind.StringEnum)
            {
                writer.Open($"if ({parameter} is {{ WireValue: {{ }} {local} }})");
                writer.Line($"attributes.Add(new({key}, {local}));");
            }
            else
            {
                writer.Open($"if ({parameter} is {{ }} {local}{(attribute.Kind == ValueKind.Pseudonym ? $" && !{local}.IsDefault" : "")})");
                writer.Line($"attributes.Add(new({key}, {Value(attribute, local)}));");
            }
            writer.Close();
        }
        writer.Line("return attributes;");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    /// <summary>An identifying attribute is never left out: a missing value is the caller's mistake, reported at once.</summary>
    private static string Required(WrapperAttributeSpec attribute, string parameter)
    {
        var name = $"nameof({parameter})";
        return attribute.Kind switch
        {
            ValueKind.StringEnum => $"{parameter}.WireValue ?? throw new global::System.ArgumentException(\"A value is required.\", {name})",
            ValueKind.Pseudonym => $"{parameter}.IsDefault ? throw new global::System.ArgumentException(\"A pseudonym is required.\", {name}) : {parameter}.Value",
            ValueKind.Long or ValueKind.Double or ValueKind.Boolean or ValueKind.IntEnum => Value(attribute, parameter),
            _ => $"{parameter} ?? throw new global::System.ArgumentNullException({name})",
        };
    }

    private static string Value(WrapperAttributeSpec attribute, string expression) => attribute.Kind switch
    {
        ValueKind.IntEnum => $"{expression}.ToWireValue()",
        ValueKind.Pseudonym => $"{expression}.Value",
        _ => expression,
    };
}
