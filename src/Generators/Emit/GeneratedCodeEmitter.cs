using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>The static classes whose parts are spread over many generated files (one a span, event, metric, …).</summary>
internal sealed record GeneratedCodeSpec(EquatableArray<string> Classes, GenerationOptions Options)
{
    public const string HintName = "TelemetryConventionsGeneratedCode.g.cs";
}

/// <summary>
/// Marks the classes that many generated files add to as generated. <c>[GeneratedCode]</c> may stand
/// on one part of a type only, so it stands here, on a part of its own that every other part joins.
/// </summary>
internal static class GeneratedCodeEmitter
{
    public static string Emit(GeneratedCodeSpec spec)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);
        var first = true;
        foreach (var name in spec.Classes)
        {
            if (!first)
            {
                writer.Line();
            }
            first = false;
            writer.Line(FileHeader.GeneratedCode);
            writer.Line($"static partial class {name}");
            writer.Line("{");
            writer.Line("}");
        }
        return writer.ToString();
    }
}
