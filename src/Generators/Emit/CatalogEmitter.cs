using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>Writes the project's convention catalog for the runtime conformance checker.</summary>
internal static class CatalogEmitter
{
    public static string Emit(CatalogSpec spec)
    {
        const string Conformance = "global::TelemetryConventions.Conformance";
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);
        writer.Doc("summary", "The conventions this project was compiled with, as data for tests and live checks.");
        writer.Line(FileHeader.GeneratedCode);
        writer.Open($"{spec.Options.Accessibility} static partial class {CatalogPlanner.CatalogClass}");
        writer.Line($"private static {Conformance}.ConventionCatalog? _conventions;");
        writer.Line();
        writer.Doc("summary", "Every declared span, event and metric with its attributes; built on first use.");
        writer.Line($"public static {Conformance}.ConventionCatalog Conventions => _conventions ??= Create();");
        writer.Line();
        writer.Open($"private static {Conformance}.ConventionCatalog Create() => new(new {Conformance}.CatalogSignal[]");
        foreach (var signal in spec.Signals)
        {
            var detail = signal.Detail is null ? "null" : CSharpNames.Literal(signal.Detail);
            var unit = signal.Unit is null ? "null" : CSharpNames.Literal(signal.Unit);
            writer.Open($"new({Conformance}.SignalKind.{signal.Kind}, {CSharpNames.Literal(signal.Name)}, {detail}, {unit}, new {Conformance}.CatalogAttribute[]");
            foreach (var attribute in signal.Attributes)
            {
                writer.Line($"new({CSharpNames.Literal(attribute.Name)}, {Conformance}.AttributeValueType.{attribute.ValueType}, " +
                    $"{Conformance}.AttributeRequirement.{attribute.Requirement}, {Conformance}.AttributeTreatment.{attribute.Treatment}{(attribute.IsTemplate ? ", isTemplate: true" : "")}),");
            }
            writer.Close("),");
        }
        writer.Close(");");
        writer.Close();
        return writer.ToString();
    }
}
