using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>
/// Writes an event as a log method on <c>ILogger</c>, in the shape of the <c>LoggerMessage</c>
/// pattern: a level check before anything is computed, a cached <c>EventId</c> named after the
/// event, and a state struct the providers read as a list of attributes.
/// </summary>
internal static class LogEventEmitter
{
    private const string Logging = "global::Microsoft.Extensions.Logging";
    private const string Pair = "global::System.Collections.Generic.KeyValuePair<string, object?>";
    private const string Body = "global::TelemetryConventions.Logging.LogRecordText.BodyKey";

    public static string Emit(LogEventSpec spec)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);
        writer.Doc("summary", "Writes the events declared in the conventions as log records, and adds them to activities.");
        writer.Open($"{spec.Options.Accessibility} static partial class {WrapperPlanner.EventsClass}");
        WriteEventId(writer, spec);
        writer.Line();
        WriteMethod(writer, spec);
        writer.Line();
        WriteState(writer, spec);
        writer.Close();
        return writer.ToString();
    }

    private static void WriteEventId(SourceWriter writer, LogEventSpec spec)
    {
        writer.Doc("summary", $"The event id of <c>{spec.EventName}</c> log records. Its name is the event name, which OpenTelemetry exports as the record's event name (OTLP <c>event_name</c>).");
        WrapperText.Obsolete(writer, spec.Deprecated);
        writer.Line($"public static readonly {Logging}.EventId {spec.EventIdFieldName} = new {Logging}.EventId({spec.EventIdNumber}, {CSharpNames.Literal(spec.EventName)});");
    }

    private static void WriteMethod(SourceWriter writer, LogEventSpec spec)
    {
        writer.Doc("summary", $"Writes a <c>{spec.EventName}</c> event as a log record at level {spec.LogLevel} (or <paramref name=\"level\"/>), if the logger is enabled for it." + (spec.Brief is { } brief ? " " + DocText.Markdown(brief.Trim()) : ""));
        writer.Doc("remarks", WrapperText.GroupRemarks(spec.Note, spec.Stability, Remarks(spec)));
        writer.Line("/// <param name=\"logger\">The logger to write the record to.</param>");
        WrapperText.ParameterDocs(writer, spec.Attributes);
        if (spec.BodyParameter is { } bodyParameter)
        {
            var text = "The record's body" + (bodyParameter.Brief is { } bodyBrief ? ": " + DocText.Markdown(bodyBrief.Trim()) : ".");
            writer.Line($"/// <param name=\"body\">{WrapperText.OneLine(text)}</param>");
        }
        writer.Line($"/// <param name=\"level\">The record's level when this occurrence is more or less severe than usual; {spec.LogLevel}, as the conventions declare, when null.</param>");
        WrapperText.Obsolete(writer, spec.Deprecated);

        var bodyArgument = CSharpNames.Literal(spec.Body);
        var parameters = spec.BodyParameter switch
        {
            // A required body goes after the required attributes, before the optional ones.
            { IsRequired: true } => SplitRequired(spec, "string body").ToList(),
            not null => new List<string> { WrapperText.Parameters(spec.Attributes, optionalAsNullable: true), "string? body = null" },
            null => new List<string> { WrapperText.Parameters(spec.Attributes, optionalAsNullable: true) },
        };
        // The declared level is the event's usual one; a caller may raise or lower one occurrence
        // (a critical alert of an event declared at warning), as a [LoggerMessage] method's level parameter allows.
        parameters.Add($"{Logging}.LogLevel? level = null");
        parameters.RemoveAll(p => p.Length == 0);
        if (spec.BodyParameter is { } declared)
        {
            bodyArgument = declared.IsRequired ? "body" : $"body ?? {CSharpNames.Literal(spec.Body)}";
        }
        var separator = parameters.Count == 0 ? "" : ", ";
        var level = $"level ?? {Logging}.LogLevel.{spec.LogLevel}";
        writer.Open($"public static void {spec.MethodName}(this {Logging}.ILogger logger{separator}{string.Join(", ", parameters)})");
        // Nothing is computed (no pseudonym, no boxing) unless a provider takes this level.
        writer.Open($"if (!logger.IsEnabled({level}))");
        writer.Line("return;");
        writer.Close();
        var arguments = new List<string>();
        var index = 0;
        foreach (var attribute in spec.Attributes)
        {
            arguments.Add(Value(attribute, ++index));
        }
        arguments.Add(bodyArgument);
        writer.Line($"var state = new {spec.StateTypeName}({string.Join(", ", arguments)});");
        writer.Line($"logger.Log({level}, {spec.EventIdFieldName}, state, null, {spec.StateTypeName}.Formatter);");
        writer.Close();
    }

    /// <summary>Parameters with the required body placed after the required attributes.</summary>
    private static IEnumerable<string> SplitRequired(LogEventSpec spec, string body)
    {
        var required = spec.Attributes.Where(a => a.IsRequired).ToList();
        var optional = spec.Attributes.Where(a => !a.IsRequired).ToList();
        if (required.Count > 0)
        {
            yield return WrapperText.Parameters(required, optionalAsNullable: true);
        }
        yield return body;
        if (optional.Count > 0)
        {
            yield return WrapperText.Parameters(optional, optionalAsNullable: true);
        }
    }

    private static string? Remarks(LogEventSpec spec)
    {
        var parts = new List<string>();
        if (spec.StructuredBodyType is { } bodyType)
        {
            parts.Add($"The conventions declare a body of type <c>{SourceWriter.EscapeXml(bodyType)}</c>, which <c>ILogger</c> cannot carry; the record's body is <c>{SourceWriter.EscapeXml(spec.Body)}</c>.");
        }
        if (!spec.UntypedAttributes.IsEmpty)
        {
            parts.Add("Attributes of type <c>any</c> have no parameter, so that no whole object is ever logged: "
                + string.Join(", ", spec.UntypedAttributes.Select(a => $"<c>{a}</c>")) + ".");
        }
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    /// <summary>The value handed to the state: converted (and a pseudonym computed) only once the level is known to be on.</summary>
    private static string Value(WrapperAttributeSpec attribute, int index)
    {
        if (attribute.IsRequired)
        {
            return WrapperText.TagValue(attribute, attribute.ParameterName);
        }
        var local = "__value" + index;
        var converted = WrapperText.TagValue(attribute, local);
        // Strings and arrays go in as they are; null already means absent.
        return converted == local ? attribute.ParameterName : $"{attribute.ParameterName} is {{ }} {local} ? {converted} : null";
    }

    private static void WriteState(SourceWriter writer, LogEventSpec spec)
    {
        var type = spec.StateTypeName;
        writer.Doc("summary", $"The attributes and body of one <c>{spec.EventName}</c> record, as logging providers read them; absent attributes are left out.");
        writer.Open($"private readonly struct {type} : global::System.Collections.Generic.IReadOnlyList<{Pair}>");
        writer.Line($"public static readonly global::System.Func<{type}, global::System.Exception?, string> Formatter = static (state, _) => state.ToString();");
        writer.Line();
        var fields = spec.Attributes.Select((a, i) => "_value" + i).ToList();
        foreach (var field in fields)
        {
            writer.Line($"private readonly object? {field};");
        }
        writer.Line("private readonly string _body;");
        writer.Line("private readonly int _count;");
        writer.Line();
        var ctorParameters = fields.Select(f => $"object? {f.Substring(1)}").Append("string body");
        writer.Open($"public {type}({string.Join(", ", ctorParameters)})");
        foreach (var field in fields)
        {
            writer.Line($"{field} = {field.Substring(1)};");
        }
        writer.Line("_body = body;");
        // Counted once here: providers and exporters ask for Count on every step of their loop.
        writer.Line($"_count = 1{string.Concat(fields.Select(f => $" + ({f.Substring(1)} is null ? 0 : 1)"))};");
        writer.Close();
        writer.Line();
        writer.Line("public int Count => _count;");
        writer.Line();
        writer.Open($"public {Pair} this[int index]");
        writer.Open("get");
        if (fields.Count > 0)
        {
            // With every attribute present, an entry's position is its index: read it straight off.
            writer.Open($"if (_count == {fields.Count + 1})");
            writer.Open("switch (index)");
            var slot = 0;
            foreach (var attribute in spec.Attributes)
            {
                writer.Line($"case {slot}: return new {Pair}({CSharpNames.Literal(attribute.Name)}, {fields[slot]});");
                slot++;
            }
            writer.Line($"case {slot}: return new {Pair}({Body}, _body);");
            writer.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(index));");
            writer.Close();
            writer.Close();
            writer.Line("var remaining = index;");
        }
        var position = 0;
        foreach (var attribute in spec.Attributes)
        {
            var field = fields[position++];
            writer.Open($"if ({field} is not null && remaining-- == 0)");
            writer.Line($"return new {Pair}({CSharpNames.Literal(attribute.Name)}, {field});");
            writer.Close();
        }
        writer.Open(fields.Count > 0 ? "if (remaining == 0)" : "if (index == 0)");
        writer.Line($"return new {Pair}({Body}, _body);");
        writer.Close();
        writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(index));");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Open($"public global::System.Collections.Generic.IEnumerator<{Pair}> GetEnumerator()");
        writer.Open("for (var i = 0; i < Count; i++)");
        writer.Line("yield return this[i];");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();");
        writer.Line();
        writer.Line("public override string ToString() => global::TelemetryConventions.Logging.LogRecordText.Format(this);");
        writer.Close();
    }
}
