using System.Linq;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>
/// Writes, for a metric that declares <c>error.type</c>, a way to record a failed operation from
/// its exception: the same <c>error.type</c> value the span wrappers' <c>RecordException</c> sets,
/// so a span and its metric never disagree on how a failure is named. A second part of the
/// wrapper's partial class, so the wrapper itself stays as <see cref="MetricEmitter"/> writes it.
/// </summary>
internal static class MetricFailureEmitter
{
    public const string ErrorTypeAttribute = "error.type";

    /// <summary>Only a string (or open string enum) <c>error.type</c> can carry an exception's type name.</summary>
    public static WrapperAttributeSpec? ErrorType(MetricSpec spec) =>
        spec.Attributes.FirstOrDefault(a => a.Name == ErrorTypeAttribute && a.Kind is ValueKind.String or ValueKind.StringEnum);

    public static string HintName(MetricSpec spec) => $"Metrics.{spec.TypeName}.Failure.g.cs";

    public static string Emit(MetricSpec spec)
    {
        var errorType = ErrorType(spec)!;
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);
        var (record, verb) = spec.Instrument is InstrumentKind.Counter or InstrumentKind.UpDownCounter ? ("Add", "Adds") : ("Record", "Records");
        var others = spec.Attributes.Where(a => a != errorType).ToList();
        var typeName = $"{WrapperPlanner.SupportClass}.ErrorType(exception)";
        var value = errorType.Kind == ValueKind.StringEnum ? $"{errorType.CSharpType}.Custom({typeName})" : typeName;

        writer.Open($"{spec.Options.Accessibility} sealed partial class {spec.TypeName}");
        writer.Doc("summary", $"{verb} a measurement of a failed operation: <c>error.type</c> is the exception's full type name, as a span's <c>RecordException</c> sets it.");
        writer.Line("/// <param name=\"value\">The measurement.</param>");
        writer.Line("/// <param name=\"exception\">The exception the operation failed with; only its type is recorded.</param>");
        WrapperText.ParameterDocs(writer, others);
        WrapperText.Obsolete(writer, spec.Deprecated);
        var parameters = WrapperText.Parameters(others, optionalAsNullable: true);
        var arguments = string.Concat(others.Select(a => $", {a.ParameterName}: {a.ParameterName}"));
        writer.Line($"public void {record}Failure({spec.ValueType} value, global::System.Exception exception{(parameters.Length == 0 ? "" : ", " + parameters)}) =>");
        writer.Line($"    {record}(value{arguments}, {errorType.ParameterName}: {value});");
        writer.Close();
        return writer.ToString();
    }
}
