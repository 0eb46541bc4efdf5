using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace TelemetryConventions.Samples.Rendering;

/// <summary>
/// Writes exported spans as trees: each root span with its children, attributes, events and status,
/// so that a person sees what a backend would receive.
/// </summary>
public sealed class SpanTreeWriter(TextWriter output, ConsoleStyle style)
{
    private const int TagWidth = 100;

    /// <summary>Writes every trace among <paramref name="activities"/>, roots in start order.</summary>
    public void Write(IReadOnlyList<Activity> activities)
    {
        var bySpanId = activities.ToDictionary(a => a.SpanId);
        var children = activities
            .Where(a => a.ParentSpanId != default && bySpanId.ContainsKey(a.ParentSpanId))
            .ToLookup(a => a.ParentSpanId);
        // A span whose parent was not exported here (for example a remote parent) is shown as a root.
        var roots = activities.Where(a => a.ParentSpanId == default || !bySpanId.ContainsKey(a.ParentSpanId));
        foreach (var root in roots.OrderBy(a => a.StartTimeUtc))
        {
            WriteSpan(root, children, "  ", "  ");
        }
    }

    private void WriteSpan(Activity span, ILookup<ActivitySpanId, Activity> children, string prefix, string childPrefix)
    {
        output.WriteLine(prefix + Header(span));

        var kids = children[span.SpanId].OrderBy(a => a.StartTimeUtc).ToList();
        var detailPrefix = childPrefix + (kids.Count > 0 ? "│  " : "   ");
        foreach (var line in TelemetryFormat.TagLines(span.TagObjects, TagWidth))
        {
            output.WriteLine(detailPrefix + style.Dim(line));
        }
        foreach (var activityEvent in span.Events)
        {
            WriteEvent(activityEvent, detailPrefix);
        }
        for (var i = 0; i < kids.Count; i++)
        {
            var last = i == kids.Count - 1;
            WriteSpan(kids[i], children, childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  "));
        }
    }

    private string Header(Activity span)
    {
        var header = $"{style.Bold(style.Cyan(span.DisplayName))}  {TelemetryFormat.Duration(span.Duration)}";
        if (span.Kind != ActivityKind.Internal)
        {
            header += style.Dim($"  [{span.Kind.ToString().ToLowerInvariant()}]");
        }
        return span.Status switch
        {
            ActivityStatusCode.Error => header + "  " + style.Red($"✗ error: {span.StatusDescription}"),
            ActivityStatusCode.Ok => header + "  " + style.Green("✓ ok"),
            _ => header,
        };
    }

    private void WriteEvent(ActivityEvent activityEvent, string detailPrefix)
    {
        // The stack trace of an exception event is for a trace viewer, not for this overview.
        var tags = activityEvent.Tags.Where(t => t.Key != "exception.stacktrace");
        var lines = TelemetryFormat.TagLines(tags, TagWidth - activityEvent.Name.Length);
        var marker = activityEvent.Name == "exception" ? style.Red("◆ exception") : style.Yellow($"◆ {activityEvent.Name}");
        output.WriteLine($"{detailPrefix}{marker}  {style.Dim(lines.Count > 0 ? lines[0] : "")}".TrimEnd());
        var indent = detailPrefix + new string(' ', activityEvent.Name.Length + 4);
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine(indent + style.Dim(line));
        }
    }
}
