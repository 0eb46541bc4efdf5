using System.Globalization;
using System.Linq;
using TelemetryConventions.Conventions.Model;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>
/// Writes a metric wrapper over its .NET instrument: name, unit and description fixed, tags
/// typed, and measurements recorded through a stack-only <c>TagList</c>; and, for an observed
/// metric, the typed measurement builder and the registration of the observable instrument.
/// </summary>
internal static class MetricEmitter
{
    public static string Emit(MetricSpec spec)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);
        if (spec.Synchronous)
        {
            WriteSynchronous(writer, spec);
        }
        if (spec.Observable is { } observable)
        {
            if (spec.Synchronous)
            {
                writer.Line();
            }
            WriteObservable(writer, spec, observable);
        }
        return writer.ToString();
    }

    private static void WriteSynchronous(SourceWriter writer, MetricSpec spec)
    {
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
            $"Instrument: {instrumentType.ToLowerInvariant()} of <c>{spec.ValueType}</c>, unit <c>{SourceWriter.EscapeXml(spec.Unit ?? "")}</c>. A meter has one: <see cref=\"{WrapperPlanner.MetricsClass}.{spec.FactoryMethodName}\"/> returns the same wrapper on every call."));
        WrapperText.Obsolete(writer, spec.Deprecated);
        // The failure part (MetricFailureEmitter) joins this one and carries no attribute of its own.
        writer.Line(FileHeader.GeneratedCode);
        writer.Open($"{spec.Options.Accessibility} sealed partial class {spec.TypeName}");
        WriteConstants(writer, spec);
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
        WriteCache(writer, spec.TypeName);
        writer.Line($"private readonly {instrument} _instrument;");
        writer.Line();
        writer.Line($"private {spec.TypeName}(global::System.Diagnostics.Metrics.Meter meter) => _instrument = meter.{create}<{spec.ValueType}>(Name, Unit, Description{advice});");
        writer.Line();
        WriteLookup(writer, spec.TypeName);
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
        else if (spec.Attributes.Count <= MaxBufferedTags)
        {
            writer.Line("#if NET8_0_OR_GREATER");
            WriteBufferedTags(writer, spec, record);
            writer.Line("#else");
            WriteTagList(writer, spec, record);
            writer.Line("#endif");
        }
        else
        {
            WriteTagList(writer, spec, record);
        }
        writer.Close();
        if (spec.Attributes.Count <= MaxBufferedTags && !(spec.Attributes.All(a => a.IsRequired) && spec.Attributes.Count <= 3))
        {
            WriteTagBuffer(writer, spec.Attributes.Count);
        }
        writer.Close();

        writer.Line();
        writer.Doc("summary", "Creates the metric instruments declared in the conventions.");
        writer.Open($"{spec.Options.Accessibility} static partial class {WrapperPlanner.MetricsClass}");
        writer.Doc("summary", $"The <c>{spec.MetricName}</c> {instrumentType.ToLowerInvariant()} of the meter: created on the first call, the same wrapper on every later call.");
        writer.Doc("remarks", FactoryRemarks);
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"meter\"/> is null.</exception>");
        WrapperText.Obsolete(writer, spec.Deprecated);
        writer.Line($"public static {spec.TypeName} {spec.FactoryMethodName}(this global::System.Diagnostics.Metrics.Meter meter) => {spec.TypeName}.For(meter);");
        writer.Close();
    }

    /// <summary>
    /// An observed metric: a static class whose <c>Measure</c> builds a <c>Measurement&lt;T&gt;</c>
    /// from typed tags (the same parameters, pseudonym rules and left-out redacted attributes as the
    /// synchronous wrapper), and a factory that registers the callback. The callback is the
    /// registration's identity, so unlike the synchronous factories this one is not cached.
    /// </summary>
    private static void WriteObservable(SourceWriter writer, MetricSpec spec, ObservableSpec observable)
    {
        var (kind, create) = spec.Instrument switch
        {
            InstrumentKind.Counter => ("ObservableCounter", "CreateObservableCounter"),
            InstrumentKind.UpDownCounter => ("ObservableUpDownCounter", "CreateObservableUpDownCounter"),
            _ => ("ObservableGauge", "CreateObservableGauge"),
        };
        var measurement = $"global::System.Diagnostics.Metrics.Measurement<{spec.ValueType}>";
        var kindText = kind switch
        {
            "ObservableCounter" => "observable counter",
            "ObservableUpDownCounter" => "observable up-down counter",
            _ => "observable gauge",
        };

        writer.Doc("summary", spec.Brief is { } brief ? DocText.Markdown(brief.Trim()) : $"The <c>{spec.MetricName}</c> metric.");
        writer.Doc("remarks", WrapperText.GroupRemarks(spec.Note, spec.Stability,
            $"Instrument: {kindText} of <c>{spec.ValueType}</c>, unit <c>{SourceWriter.EscapeXml(spec.Unit ?? "")}</c>. "
            + $"Register it once per <c>Meter</c> with <see cref=\"{WrapperPlanner.MetricsClass}.{observable.FactoryMethodName}\"/>; "
            + "its callback reports each series with <see cref=\"Measure\"/>."));
        WrapperText.Obsolete(writer, spec.Deprecated);
        writer.Line(FileHeader.GeneratedCode);
        writer.Open($"{spec.Options.Accessibility} static partial class {observable.TypeName}");
        WriteConstants(writer, spec);
        writer.Doc("summary", "One observed value with its tags, for the instrument's callback.");
        writer.Line("/// <param name=\"value\">The observed value.</param>");
        WrapperText.ParameterDocs(writer, spec.Attributes);
        var parameters = WrapperText.Parameters(spec.Attributes, optionalAsNullable: true);
        writer.Open($"public static {measurement} Measure({spec.ValueType} value{(parameters.Length == 0 ? "" : ", " + parameters)})");
        if (spec.Attributes.IsEmpty)
        {
            writer.Line("return new(value);");
        }
        else
        {
            writer.Line("var tags = new global::System.Diagnostics.TagList();");
            WrapperText.AddTags(writer, "tags", spec.Attributes);
            writer.Line("return new(value, in tags);");
        }
        writer.Close();
        writer.Close();

        writer.Line();
        writer.Doc("summary", "Creates the metric instruments declared in the conventions.");
        writer.Open($"{spec.Options.Accessibility} static partial class {WrapperPlanner.MetricsClass}");
        writer.Doc("summary", $"Registers the <c>{spec.MetricName}</c> {kindText} on the meter: at each collection it reports what <paramref name=\"observe\"/> returns.");
        writer.Doc("remarks", $"Each call registers another instrument, which the meter keeps, and calls its callback at every collection, until the meter is disposed: register once per meter, with one callback that reports every series, each built by <see cref=\"{observable.TypeName}.Measure\"/>.");
        writer.Line("/// <param name=\"meter\">The meter to register on.</param>");
        writer.Line("/// <param name=\"observe\">Called at each collection; returns one measurement per series.</param>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"meter\"/> or <paramref name=\"observe\"/> is null.</exception>");
        WrapperText.Obsolete(writer, spec.Deprecated);
        writer.Open($"public static global::System.Diagnostics.Metrics.{kind}<{spec.ValueType}> {observable.FactoryMethodName}(this global::System.Diagnostics.Metrics.Meter meter, global::System.Func<global::System.Collections.Generic.IEnumerable<{measurement}>> observe)");
        writer.Open("if (meter is null)");
        writer.Line("throw new global::System.ArgumentNullException(nameof(meter));");
        writer.Close();
        writer.Open("if (observe is null)");
        writer.Line("throw new global::System.ArgumentNullException(nameof(observe));");
        writer.Close();
        writer.Line($"return meter.{create}({observable.TypeName}.Name, observe, {observable.TypeName}.Unit, {observable.TypeName}.Description);");
        writer.Close();
        writer.Close();
    }

    /// <summary>Up to eight tags, a <c>TagList</c> keeps them inline; the span path covers the same range.</summary>
    private const int MaxBufferedTags = 8;

    private static void WriteTagList(SourceWriter writer, MetricSpec spec, string record)
    {
        writer.Line("var tags = new global::System.Diagnostics.TagList();");
        WrapperText.AddTags(writer, "tags", spec.Attributes);
        writer.Line($"_instrument.{record}(value, in tags);");
    }

    /// <summary>
    /// Four to eight tags (or optional ones): written into a stack buffer of exactly as many pairs
    /// and handed to the instrument as a span, which skips <c>TagList</c>'s per-tag bookkeeping.
    /// Required tags come first (the planner orders them so) at fixed positions; optional ones
    /// follow only when given. The buffer is an inline array, so .NET 8 or later; older targets
    /// compile the <c>TagList</c> path.
    /// </summary>
    private static void WriteBufferedTags(SourceWriter writer, MetricSpec spec, string record)
    {
        writer.Line("var tags = new TagBuffer();");
        var required = 0;
        foreach (var attribute in spec.Attributes.Where(a => a.IsRequired))
        {
            writer.Line($"tags[{required++}] = new({CSharpNames.Literal(attribute.Name)}, {WrapperText.TagValue(attribute, attribute.ParameterName)});");
        }
        var optional = spec.Attributes.Where(a => !a.IsRequired).ToList();
        if (optional.Count == 0)
        {
            writer.Line($"_instrument.{record}(value, (global::System.ReadOnlySpan<global::System.Collections.Generic.KeyValuePair<string, object?>>)tags);");
            return;
        }
        writer.Line($"var count = {required};");
        var index = 0;
        foreach (var attribute in optional)
        {
            var local = "__value" + (++index);
            writer.Open($"if ({attribute.ParameterName} is {{ }} {local})");
            writer.Line($"tags[count++] = new({CSharpNames.Literal(attribute.Name)}, {WrapperText.TagValue(attribute, local)});");
            writer.Close();
        }
        writer.Line($"_instrument.{record}(value, ((global::System.ReadOnlySpan<global::System.Collections.Generic.KeyValuePair<string, object?>>)tags).Slice(0, count));");
    }

    private static void WriteTagBuffer(SourceWriter writer, int size)
    {
        writer.Line();
        writer.Line("#if NET8_0_OR_GREATER");
        writer.Line($"[global::System.Runtime.CompilerServices.InlineArray({size.ToString(CultureInfo.InvariantCulture)})]");
        writer.Open("private struct TagBuffer");
        writer.Line("#pragma warning disable CS0169 // the inline array's element: read and written through its indexer");
        writer.Line("private global::System.Collections.Generic.KeyValuePair<string, object?> _element;");
        writer.Line("#pragma warning restore CS0169");
        writer.Close();
        writer.Line("#endif");
    }

    private static void WriteConstants(SourceWriter writer, MetricSpec spec)
    {
        writer.Doc("summary", "The metric name.");
        writer.Line($"public const string Name = {CSharpNames.Literal(spec.MetricName)};");
        writer.Doc("summary", "The UCUM unit.");
        writer.Line($"public const string? Unit = {(spec.Unit is null ? "null" : CSharpNames.Literal(spec.Unit))};");
        writer.Doc("summary", "The instrument description.");
        writer.Line($"public const string? Description = {(spec.Brief is null ? "null" : CSharpNames.Literal(WrapperText.OneLine(spec.Brief)))};");
        writer.Line();
    }

    private const string FactoryRemarks =
        "Call it where the instrument is needed: there is no need to keep the wrapper in a field. Each meter gets one "
        + "wrapper, and so one .NET instrument, however often and from however many threads this is called; a later "
        + "call costs a lock-free table lookup. The table does not keep the meter alive: once a meter is disposed and "
        + "no longer referenced, it is collected with its wrapper. Another meter, even one with the same name, gets "
        + "its own wrapper and instrument.";

    /// <summary>
    /// The wrappers made so far, one per meter. A <c>ConditionalWeakTable</c> holds its values only
    /// as long as their keys live, so a disposed, unreferenced meter is not kept alive by its
    /// wrapper (which references the meter through its instrument).
    /// </summary>
    private static void WriteCache(SourceWriter writer, string typeName)
    {
        writer.Line($"private static readonly global::System.Runtime.CompilerServices.ConditionalWeakTable<global::System.Diagnostics.Metrics.Meter, {typeName}> ByMeter = new();");
        writer.Line();
    }

    /// <summary>
    /// The lookup behind the factory, shared by every wrapper (<see cref="SupportEmitter"/>). The
    /// lambda captures nothing, so the compiler keeps one delegate for it and a call allocates nothing.
    /// </summary>
    private static void WriteLookup(SourceWriter writer, string typeName)
    {
        writer.Doc("summary", "The meter's one wrapper, created on first use.");
        writer.Line($"internal static {typeName} For(global::System.Diagnostics.Metrics.Meter meter) => {WrapperPlanner.SupportClass}.WrapperFor(ByMeter, meter, static m => new {typeName}(m));");
        writer.Line();
    }
}
