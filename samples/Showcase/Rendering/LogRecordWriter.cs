using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace TelemetryConventions.Samples.Rendering;

/// <summary>
/// Writes exported log records (audit records, alerts) as a backend receives them: severity, event
/// name, body and attributes, and the span they belong to.
/// </summary>
public sealed class LogRecordWriter(TextWriter output, ConsoleStyle style)
{
    private const int TagWidth = 100;

    /// <summary>Writes each record under a "log records" heading; nothing when there are none.</summary>
    public void Write(IReadOnlyList<LogRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }
        output.WriteLine(style.Dim("  log records"));
        foreach (var record in records)
        {
            var name = record.EventId.Name ?? "(no event name)";
            var body = record.Body is { } text ? "  " + style.Dim($"\"{text}\"") : "";
            var trace = record.TraceId != default ? style.Dim($"  span {record.SpanId.ToHexString()}") : "";
            output.WriteLine($"  {Level(record.LogLevel)} {style.Bold(name)}{body}{trace}");
            var attributes = (record.Attributes ?? []).Where(a => a.Key != "{OriginalFormat}");
            foreach (var line in TelemetryFormat.TagLines(attributes, TagWidth))
            {
                output.WriteLine("      " + style.Dim(line));
            }
        }
    }

    private string Level(LogLevel level) => level switch
    {
        LogLevel.Critical or LogLevel.Error => style.Red($"[{Short(level)}]"),
        LogLevel.Warning => style.Yellow($"[{Short(level)}]"),
        _ => style.Green($"[{Short(level)}]"),
    };

    private static string Short(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "fatal",
    };
}
