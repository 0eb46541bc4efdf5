using System.Globalization;
using System.Linq;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>
/// Writes a metric wrapper over its .NET instrument: name, unit and description fixed, tags
/// typed, and measurements recorded through a stack-only <c>TagList</c>.
/// </summary>
internal static class MetricEmitter
{
    public static string Emit(MetricSpec spec)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);
        var (instrumentType, create, record) = spec.Instrument switch
        {
            InstrumentKind.Counter => ("Counter", "CreateCounter", "Add"),
            InstrumentKind.UpDownCounter => ("UpDownCounter", "CreateUpDownCounter", "Add"),
            InstrumentKind.Gauge => ("Gauge", "CreateGauge", "Record"),
            _ => ("Histogram", "CreateHistogram", "Record"),
        };
        var instrument = $"global::System.Diagnostics.Metrics.{instrumentType}<{spec.ValueType}>";

        writer.Doc("summary", spec.Brief is { } brief ? DocText.Markdown(brief.Trim()) : $"The <c>{spec.MetricName}</c> metric.");
        writer.Doc("remarks", WrapperText.GroupRemarks(spec.Note, spec.Stability,
            $"Instrument: {instrumentType.ToLowerInvariant()} of <c>{spec.ValueType}</c>, unit <c>{SourceWriter.EscapeXml(spec.Unit ?? "")}</c>. Create it once per <c>Meter</c> and keep it."));
        WrapperText.Obsolete(writer, spec.Deprecated);
        writer.Open($"{spec.Options.Accessibility} sealed partial class {spec.TypeName}");
        writer.Doc("summary", "The metric name.");
        writer.Line($"public const string Name = {CSharpNames.Literal(spec.MetricName)};");
        writer.Doc("summary", "The UCUM unit.");
        writer.Line($"public const string? Unit = {(spec.Unit is null ? "null" : CSharpNames.Literal(spec.Unit))};");
        writer.Doc("summary", "The instrument description.");
        writer.Line($"public const string? Description = {(spec.Brief is null ? "null" : CSharpNames.Literal(WrapperText.OneLine(spec.Brief)))};");
        writer.Line();
        var advice = "";
        if (!spec.HistogramBuckets.IsEmpty)
        {
            var boundaries = string.Join(", ", spec.HistogramBuckets.Select(b => spec.ValueType == "long"
                ? ((long)b).ToString(CultureInfo.InvariantCulture) + "L"
                : b.ToString("R", CultureInfo.InvariantCulture) + "D"));
            writer.Doc("summary", "The bucket boundaries the conventions advise; an SDK view still overrides them.");
            writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{spec.ValueType}> BucketBoundaries {{ get; }} = new {spec.ValueType}[] {{ {boundaries} }};");
            writer.Line();
            advice = $", tags: null, advice: new global::System.Diagnostics.Metrics.InstrumentAdvice<{spec.ValueType}> {{ HistogramBucketBoundaries = BucketBoundaries }}";
        }
        writer.Line($"private readonly {instrument} _instrument;");
        writer.Line();
        writer.Doc("summary", "Creates the instrument on the meter.");
        writer.Line($"public {spec.TypeName}(global::System.Diagnostics.Metrics.Meter meter) => _instrument = meter.{create}<{spec.ValueType}>(Name, Unit, Description{advice});");
        writer.Line();
        writer.Doc("summary", "The underlying instrument.");
        writer.Line($"public {instrument} Instrument => _instrument;");
        writer.Line();
        writer.Doc("summary", $"Records a measurement. Allocates nothing for up to eight tags of strings, booleans, enums and integers below 1024.");
        writer.Line("/// <param name=\"value\">The measurement.</param>");
        WrapperText.ParameterDocs(writer, spec.Attributes);
        var parameters = WrapperText.Parameters(spec.Attributes, optionalAsNullable: true);
        writer.Open($"public void {record}({spec.ValueType} value{(parameters.Length == 0 ? "" : ", " + parameters)})");
        writer.Open("if (!_instrument.Enabled)");
        writer.Line("return;");
        writer.Close();
        if (spec.Attributes.All(a => a.IsRequired) && spec.Attributes.Count <= 3)
        {
            // Up to three tags that are always present fit the instrument's own overloads, which
            // skip building a TagList.
            var tags = spec.Attributes.Select(a =>
                $", new global::System.Collections.Generic.KeyValuePair<string, object?>({CSharpNames.Literal(a.Name)}, {WrapperText.TagValue(a, a.ParameterName)})");
            writer.Line($"_instrument.{record}(value{string.Concat(tags)});");
        }
        else
        {
            writer.Line("var tags = new global::System.Diagnostics.TagList();");
            WrapperText.AddTags(writer, "tags", spec.Attributes);
            writer.Line($"_instrument.{record}(value, in tags);");
        }
        writer.Close();
        writer.Close();

        writer.Line();
        writer.Doc("summary", "Creates the metric instruments declared in the conventions.");
        writer.Open($"{spec.Options.Accessibility} static partial class {WrapperPlanner.MetricsClass}");
        writer.Doc("summary", $"Creates the <c>{spec.MetricName}</c> {instrumentType.ToLowerInvariant()} on the meter. Create it once and keep it.");
        WrapperText.Obsolete(writer, spec.Deprecated);
        writer.Line($"public static {spec.TypeName} {spec.FactoryMethodName}(this global::System.Diagnostics.Metrics.Meter meter) => new(meter);");
        writer.Close();
        return writer.ToString();
    }
}
