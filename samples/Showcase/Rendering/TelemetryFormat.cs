using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TelemetryConventions.Samples.Rendering;

/// <summary>How values, durations and tag lists are written in the console rendering.</summary>
public static class TelemetryFormat
{
    /// <summary>A tag value as it would be read on the wire: invariant culture, arrays in brackets.</summary>
    public static string Value(object? value) => value switch
    {
        null => "null",
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("0.###", CultureInfo.InvariantCulture),
        float number => number.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>A duration at the precision a reader needs: milliseconds for requests, minutes for visits.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.FromMilliseconds(1))
        {
            return $"{duration.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture)} ms";
        }
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
        }
        if (duration < TimeSpan.FromMinutes(1))
        {
            return $"{duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
        }
        if (duration < TimeSpan.FromHours(1))
        {
            return $"{(int)duration.TotalMinutes}m {duration.Seconds:D2}s";
        }
        return $"{(int)duration.TotalHours}h {duration.Minutes:D2}m";
    }

    /// <summary>
    /// <c>key=value</c> pairs joined into lines of at most <paramref name="width"/> characters; a
    /// single pair longer than that gets a line of its own.
    /// </summary>
    public static IReadOnlyList<string> TagLines(IEnumerable<KeyValuePair<string, object?>> tags, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var (key, value) in tags)
        {
            var pair = $"{key}={Value(value)}";
            if (line.Length > 0 && line.Length + 2 + pair.Length > width)
            {
                lines.Add(line);
                line = "";
            }
            line = line.Length == 0 ? pair : $"{line}  {pair}";
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }
}
