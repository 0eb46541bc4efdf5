using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>
/// Writes <c>TelemetrySchema</c>: the conventions' schema URL and the creation helpers that put it on
/// an <c>ActivitySource</c> and a <c>Meter</c>, so that backends know which conventions the data follows.
/// </summary>
internal static class SchemaEmitter
{
    public static string Emit(SchemaSpec spec)
    {
        const string ActivitySource = "global::System.Diagnostics.ActivitySource";
        const string Meter = "global::System.Diagnostics.Metrics.Meter";
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);
        writer.Doc("summary", "The telemetry schema the conventions follow, and activity sources and meters that declare it.");
        writer.Doc("remarks", spec.HasSchemaUrlOption
            ? null
            : "The target framework has no <c>TelemetrySchemaUrl</c> on <c>ActivitySourceOptions</c>/<c>MeterOptions</c> (System.Diagnostics.DiagnosticSource 9 adds it): the helpers create sources and meters without it (TC0030).");
        writer.Line(FileHeader.GeneratedCode);
        writer.Open($"{spec.Options.Accessibility} static partial class {SchemaPlanner.SchemaClass}");
        writer.Doc("summary", $"The schema URL of the conventions, from {SourceWriter.EscapeXml(spec.Origin)}.");
        writer.Line($"public const string Url = {CSharpNames.Literal(spec.Url)};");
        writer.Line();
        writer.Doc("summary", "Creates an activity source whose spans declare the conventions' schema URL.");
        writer.Line("/// <param name=\"name\">The source name.</param>");
        writer.Line("/// <param name=\"version\">The version of the instrumented component.</param>");
        if (spec.HasSchemaUrlOption)
        {
            writer.Line($"public static {ActivitySource} CreateActivitySource(string name, string? version = null) =>");
            writer.Line("    new(new global::System.Diagnostics.ActivitySourceOptions(name) { Version = version, TelemetrySchemaUrl = Url });");
            writer.Line();
            writer.Doc("summary", "Creates a meter whose instruments declare the conventions' schema URL.");
            writer.Line("/// <param name=\"name\">The meter name.</param>");
            writer.Line("/// <param name=\"version\">The version of the instrumented component.</param>");
            writer.Line($"public static {Meter} CreateMeter(string name, string? version = null) => new(CreateMeterOptions(name, version));");
            writer.Line();
            writer.Doc("summary", "Meter options that declare the conventions' schema URL, for <c>IMeterFactory.Create</c> where meters come from dependency injection.");
            writer.Line("/// <param name=\"name\">The meter name.</param>");
            writer.Line("/// <param name=\"version\">The version of the instrumented component.</param>");
            writer.Line("public static global::System.Diagnostics.Metrics.MeterOptions CreateMeterOptions(string name, string? version = null) =>");
            writer.Line("    new(name) { Version = version, TelemetrySchemaUrl = Url };");
        }
        else
        {
            writer.Line($"public static {ActivitySource} CreateActivitySource(string name, string? version = null) => new(name, version);");
            writer.Line();
            writer.Doc("summary", "Creates a meter (without the schema URL: the target framework cannot declare one).");
            writer.Line("/// <param name=\"name\">The meter name.</param>");
            writer.Line("/// <param name=\"version\">The version of the instrumented component.</param>");
            writer.Line($"public static {Meter} CreateMeter(string name, string? version = null) => new(name, version);");
        }
        writer.Close();
        return writer.ToString();
    }
}
