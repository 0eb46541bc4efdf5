using System.Linq;
using TelemetryConventions.Generators.Planning;

namespace TelemetryConventions.Generators.Emit;

/// <summary>Writes an event as a typed extension method on <c>Activity</c>.</summary>
internal static class EventEmitter
{
    public static string Emit(EventSpec spec)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer, spec.Options.Namespace);
        writer.Doc("summary", "Adds the events declared in the conventions to activities.");
        writer.Open($"{spec.Options.Accessibility} static partial class {WrapperPlanner.EventsClass}");
        writer.Doc("summary", $"Adds the <c>{spec.EventName}</c> event to the activity, if it records." + (spec.Brief is { } brief ? " " + DocText.Markdown(brief.Trim()) : ""));
        writer.Doc("remarks", WrapperText.GroupRemarks(spec.Note, spec.Stability, null));
        writer.Line("/// <param name=\"activity\">The span to add the event to.</param>");
        WrapperText.ParameterDocs(writer, spec.Attributes);
        writer.Line("/// <param name=\"timestamp\">When the event happened; now when default.</param>");
        WrapperText.Obsolete(writer, spec.Deprecated);
        var parameters = WrapperText.Parameters(spec.Attributes, optionalAsNullable: true);
        var separator = parameters.Length == 0 ? "" : ", ";
        writer.Open($"public static void {spec.MethodName}(this {WrapperText.Activity} activity{separator}{parameters}, global::System.DateTimeOffset timestamp = default)");
        writer.Open("if (!activity.IsAllDataRequested)");
        writer.Line("return;");
        writer.Close();
        if (spec.Attributes.Any(a => a.IsRequired))
        {
            writer.Line("var tags = new global::System.Diagnostics.ActivityTagsCollection();");
            WrapperText.AddTags(writer, "tags", spec.Attributes);
        }
        else
        {
            // No attribute is sure to be given: the collection is made only for the first one that
            // is, so an event without attributes allocates no empty collection.
            writer.Line("global::System.Diagnostics.ActivityTagsCollection? tags = null;");
            var index = 0;
            foreach (var attribute in spec.Attributes)
            {
                var local = "__value" + (++index);
                writer.Open($"if ({attribute.ParameterName} is {{ }} {local})");
                writer.Line($"(tags ??= new global::System.Diagnostics.ActivityTagsCollection()).Add({CSharpNames.Literal(attribute.Name)}, {WrapperText.TagValue(attribute, local)});");
                writer.Close();
            }
        }
        writer.Line($"activity.AddEvent(new global::System.Diagnostics.ActivityEvent({CSharpNames.Literal(spec.EventName)}, timestamp, tags));");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
