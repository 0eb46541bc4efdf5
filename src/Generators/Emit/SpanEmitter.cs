using System.Linq;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>
/// Writes a span wrapper: a struct over <c>Activity</c> with typed setters and events, and its
/// <c>Start…</c> extension on <c>ActivitySource</c> whose parameters are the required attributes.
/// </summary>
internal static class SpanEmitter
{
    public static string Emit(SpanSpec spec)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);
        var access = spec.Options.Accessibility;
        var activity = WrapperText.Activity;

        writer.Doc("summary", spec.Brief is { } brief ? DocText.Markdown(brief.Trim()) : $"The <c>{spec.DefaultName}</c> span.");
        writer.Doc("remarks", WrapperText.GroupRemarks(spec.Note, spec.Stability,
            $"Span kind: {spec.ActivityKind}. Default name: <c>{spec.DefaultName}</c>. Start it with <see cref=\"{WrapperPlanner.SpansClass}.{spec.StartMethodName}\"/>."));
        WrapperText.Obsolete(writer, spec.Deprecated);
        writer.Line(FileHeader.GeneratedCode);
        writer.Open($"{access} readonly partial struct {spec.TypeName} : global::System.IDisposable");
        writer.Doc("summary", "The span name used when the caller gives none.");
        writer.Line($"public const string DefaultName = {CSharpNames.Literal(spec.DefaultName)};");
        writer.Line();
        writer.Line($"private readonly {activity}? _activity;");
        writer.Line("private readonly bool _ends;");
        writer.Line();
        writer.Doc("summary", $"Wraps an activity started elsewhere (a framework's span) to set typed attributes on it; disposing the wrapper never ends it. <see cref=\"{WrapperPlanner.SpansClass}.{EnrichMethodName(spec)}\"/> does the same and also requires the span's required attributes.");
        writer.Line($"public {spec.TypeName}({activity}? activity) => _activity = activity;");
        writer.Line();
        writer.Open($"internal {spec.TypeName}({activity}? activity, bool ends)");
        writer.Line("_activity = activity;");
        writer.Line("_ends = ends;");
        writer.Close();
        writer.Line();
        writer.Doc("summary", "The underlying activity: null when nothing listens or the span was not created.");
        writer.Line($"public {activity}? Activity => _activity;");
        writer.Line();
        writer.Doc("summary", "True when the span records attributes; values are computed and set only then.");
        writer.Line("public bool IsRecording => _activity is { IsAllDataRequested: true };");

        foreach (var attribute in spec.Attributes)
        {
            writer.Line();
            WriteSetter(writer, spec.TypeName, attribute);
        }
        foreach (var @event in spec.Events)
        {
            writer.Line();
            WriteEvent(writer, spec.TypeName, @event);
        }

        writer.Line();
        writer.Doc("summary", "Sets the span status.");
        writer.Open($"public {spec.TypeName} SetStatus(global::System.Diagnostics.ActivityStatusCode code, string? description = null)");
        writer.Line("_activity?.SetStatus(code, description);");
        writer.Line("return this;");
        writer.Close();
        writer.Line();
        writer.Doc("summary", "Marks the span as failed: status <c>Error</c> with <paramref name=\"description\"/>, <c>error.type</c> set to the exception's full type name, and an <c>exception</c> event with the type and stack trace. The message is left out unless <paramref name=\"includeMessage\"/> is true: messages often carry personal data.");
        writer.Line("/// <param name=\"exception\">The exception that made the operation fail.</param>");
        writer.Line("/// <param name=\"description\">The status description: a fixed text saying what failed (\"card payment declined\"); the exception's type when null. It is exported as written, so it is no place for the exception's message or for input.</param>");
        writer.Line("/// <param name=\"includeMessage\">Whether the exception event carries the exception's message.</param>");
        writer.Open($"public {spec.TypeName} RecordException(global::System.Exception exception, string? description = null, bool includeMessage = false)");
        writer.Line($"{WrapperPlanner.SupportClass}.RecordException(_activity, exception, description, includeMessage);");
        writer.Line("return this;");
        writer.Close();
        writer.Line();
        writer.Doc("summary", "Ends the span if this wrapper started it; a wrapped activity started elsewhere is left to its owner.");
        writer.Open("public void Dispose()");
        writer.Open("if (_ends)");
        writer.Line("_activity?.Dispose();");
        writer.Close();
        writer.Close();
        writer.Close();

        writer.Line();
        WriteStart(writer, spec);
        return writer.ToString();
    }

    private static void WriteSetter(SourceWriter writer, string typeName, WrapperAttributeSpec attribute)
    {
        writer.Doc("summary", $"Sets <c>{attribute.Name}</c>{(attribute.IsTemplate ? ".&lt;key&gt;" : "")}.");
        if (attribute.IsTemplate)
        {
            writer.Line("/// <param name=\"key\">The template key appended to the attribute name.</param>");
        }
        WrapperText.ParameterDocs(writer, new[] { attribute with { ParameterName = "value" } });
        WrapperText.Obsolete(writer, attribute.Deprecated);
        var keyParameter = attribute.IsTemplate ? "string key, " : "";
        writer.Open($"public {typeName} Set{attribute.MemberName}({keyParameter}{attribute.CSharpType} value)");
        writer.Open("if (_activity is { IsAllDataRequested: true } activity)");
        var key = attribute.IsTemplate ? $"{CSharpNames.Literal(attribute.Name + ".")} + key" : CSharpNames.Literal(attribute.Name);
        writer.Line($"activity.SetTag({key}, {WrapperText.TagValue(attribute, "value")});");
        writer.Close();
        writer.Line("return this;");
        writer.Close();
    }

    private static void WriteEvent(SourceWriter writer, string typeName, EventSpec @event)
    {
        writer.Doc("summary", $"Adds the <c>{@event.EventName}</c> event." + (@event.Brief is { } brief ? " " + DocText.Markdown(brief.Trim()) : ""));
        WrapperText.ParameterDocs(writer, @event.Attributes);
        writer.Line("/// <param name=\"timestamp\">When the event happened; now when default.</param>");
        WrapperText.Obsolete(writer, @event.Deprecated);
        var parameters = WrapperText.Parameters(@event.Attributes, optionalAsNullable: true);
        var separator = parameters.Length == 0 ? "" : ", ";
        writer.Open($"public {typeName} {@event.MethodName}({parameters}{separator}global::System.DateTimeOffset timestamp = default)");
        writer.Open("if (_activity is { IsAllDataRequested: true } activity)");
        var arguments = string.Join(", ", @event.Attributes.Select(a => a.ParameterName).Concat(new[] { "timestamp" }));
        writer.Line($"{WrapperPlanner.EventsClass}.{@event.MethodName}(activity, {arguments});");
        writer.Close();
        writer.Line("return this;");
        writer.Close();
    }

    private static void WriteStart(SourceWriter writer, SpanSpec spec)
    {
        var required = spec.Attributes.Where(a => a.IsRequired && !a.IsTemplate).ToList();
        // Samplers decide before attributes are set, so sampling-relevant values go into
        // StartActivity. Pseudonyms stay out: computing one before the decision would cost an HMAC
        // for every dropped span.
        var samplingTags = required.Where(a => a.SamplingRelevant && a.Kind != ValueKind.Pseudonym).ToList();
        var afterStart = required.Except(samplingTags).ToList();

        writer.Doc("summary", "Starts the spans declared in the conventions.");
        writer.Open($"{spec.Options.Accessibility} static partial class {WrapperPlanner.SpansClass}");
        writer.Doc("summary", $"Starts a <see cref=\"{spec.TypeName}\"/>. Allocates nothing and computes no pseudonym when nothing listens or the span is not sampled.");
        writer.Line("/// <param name=\"source\">The activity source of the instrumented component.</param>");
        WrapperText.ParameterDocs(writer, required);
        writer.Line("/// <param name=\"spanName\">The span name; the convention's name when null.</param>");
        writer.Line("/// <param name=\"parentContext\">The parent; the current activity when default.</param>");
        writer.Line("/// <param name=\"links\">Links to other spans.</param>");
        writer.Line("/// <param name=\"startTime\">The start time; now when default.</param>");
        WrapperText.Obsolete(writer, spec.Deprecated);
        var parameters = string.Join("", required.Select(a => $", {a.CSharpType} {a.ParameterName}"));
        writer.Open($"public static {spec.TypeName} {spec.StartMethodName}(this global::System.Diagnostics.ActivitySource source{parameters}, string? spanName = null, " +
            "global::System.Diagnostics.ActivityContext parentContext = default, global::System.Collections.Generic.IEnumerable<global::System.Diagnostics.ActivityLink>? links = null, " +
            "global::System.DateTimeOffset startTime = default)");
        writer.Open("if (!source.HasListeners())");
        writer.Line("return default;");
        writer.Close();
        var tags = "null";
        if (samplingTags.Count > 0)
        {
            writer.Open("var samplingTags = new global::System.Collections.Generic.KeyValuePair<string, object?>[]");
            foreach (var attribute in samplingTags)
            {
                writer.Line($"new({CSharpNames.Literal(attribute.Name)}, {WrapperText.TagValue(attribute, attribute.ParameterName)}),");
            }
            writer.Close(";");
            tags = "samplingTags";
        }
        writer.Line($"var activity = source.StartActivity(spanName ?? {spec.TypeName}.DefaultName, global::System.Diagnostics.ActivityKind.{spec.ActivityKind}, parentContext, {tags}, links, startTime);");
        writer.Open("if (activity is null)");
        writer.Line("return default;");
        writer.Close();
        if (afterStart.Count > 0)
        {
            writer.Open("if (activity.IsAllDataRequested)");
            foreach (var attribute in afterStart)
            {
                // A fresh activity has no tags yet: AddTag skips SetTag's lookup.
                writer.Line($"activity.AddTag({CSharpNames.Literal(attribute.Name)}, {WrapperText.TagValue(attribute, attribute.ParameterName)});");
            }
            writer.Close();
        }
        writer.Line($"return new {spec.TypeName}(activity, ends: true);");
        writer.Close();
        writer.Line();
        WriteEnrich(writer, spec, required);
        writer.Close();
    }

    private static string EnrichMethodName(SpanSpec spec) => "Enrich" + spec.StartMethodName.Substring("Start".Length);

    /// <summary>
    /// The way to use a span's typed API on an activity the code did not start (ASP.NET Core's, an
    /// HttpClient's): the required attributes are parameters as for <c>Start…</c>, and the wrapper it
    /// returns never ends the activity, so <c>using</c> on it is harmless.
    /// </summary>
    private static void WriteEnrich(SourceWriter writer, SpanSpec spec, System.Collections.Generic.List<WrapperAttributeSpec> required)
    {
        writer.Doc("summary", $"Sets the attributes of <see cref=\"{spec.TypeName}\"/> on an activity started elsewhere, typically <c>Activity.Current</c> of a framework's span. The returned wrapper's setters apply to it; disposing the wrapper never ends it.");
        writer.Line("/// <param name=\"activity\">The activity to enrich; nothing happens when it is null or not recording.</param>");
        WrapperText.ParameterDocs(writer, required);
        WrapperText.Obsolete(writer, spec.Deprecated);
        var parameters = string.Join("", required.Select(a => $", {a.CSharpType} {a.ParameterName}"));
        writer.Open($"public static {spec.TypeName} {EnrichMethodName(spec)}(this {WrapperText.Activity}? activity{parameters})");
        if (required.Count > 0)
        {
            writer.Open("if (activity is { IsAllDataRequested: true })");
            foreach (var attribute in required)
            {
                // The framework may have set the tag already: SetTag replaces it.
                writer.Line($"activity.SetTag({CSharpNames.Literal(attribute.Name)}, {WrapperText.TagValue(attribute, attribute.ParameterName)});");
            }
            writer.Close();
        }
        writer.Line($"return new {spec.TypeName}(activity, ends: false);");
        writer.Close();
    }
}
