using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenTelemetry.Metrics;

namespace TelemetryConventions.Samples.Rendering;

/// <summary>
/// Writes a summary of collected metrics: one block per instrument, one line per attribute set,
/// with the sum, last value or histogram count, sum and average.
/// </summary>
public sealed class MetricsSummaryWriter(TextWriter output, ConsoleStyle style)
{
    /// <summary>Above this many attribute sets a metric shows the first ones and a count of the rest.</summary>
    private const int MaxSeriesShown = 6;

    /// <summary>Writes the summary of <paramref name="metrics"/>.</summary>
    public void Write(IReadOnlyList<MetricSnapshot> metrics)
    {
        var shown = metrics.Where(m => m.MetricPoints.Count > 0).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        output.WriteLine(style.Bold($"Metrics: {shown.Count} instruments, {shown.Sum(m => m.MetricPoints.Count)} series (cumulative since start)"));
        if (shown.Count == 0)
        {
            output.WriteLine(style.Dim("  (the selected scenarios declare no metrics)"));
            return;
        }
        foreach (var metric in shown)
        {
            output.WriteLine($"  {style.Bold(style.Cyan(metric.Name))}  {style.Dim($"{Kind(metric.MetricType)}, {(string.IsNullOrEmpty(metric.Unit) ? "no unit" : metric.Unit)}")}");
            var rows = metric.MetricPoints
                .Select(point => (Tags: Tags(point), Value: Value(metric, point)))
                .OrderBy(row => row.Tags, StringComparer.Ordinal)
                .ToList();
            var width = Math.Min(70, rows.Take(MaxSeriesShown).Max(row => row.Tags.Length));
            foreach (var (tags, value) in rows.Take(MaxSeriesShown))
            {
                output.WriteLine($"      {style.Dim(tags.PadRight(width))}  {value}");
            }
            if (rows.Count > MaxSeriesShown)
            {
                output.WriteLine(style.Dim($"      … and {rows.Count - MaxSeriesShown} more series"));
            }
        }
    }

    private static string Kind(MetricType type) => type switch
    {
        MetricType.LongSum or MetricType.DoubleSum => "counter",
        MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic => "up-down counter",
        MetricType.LongGauge or MetricType.DoubleGauge => "gauge",
        MetricType.Histogram or MetricType.ExponentialHistogram => "histogram",
        _ => type.ToString(),
    };

    private static string Tags(MetricPoint point)
    {
        var pairs = new List<string>();
        foreach (var tag in point.Tags)
        {
            pairs.Add($"{tag.Key}={TelemetryFormat.Value(tag.Value)}");
        }
        return pairs.Count == 0 ? "(no attributes)" : string.Join(" ", pairs);
    }

    private static string Value(MetricSnapshot metric, MetricPoint point) => metric.MetricType switch
    {
        MetricType.LongSum or MetricType.LongSumNonMonotonic => $"sum {point.GetSumLong()}",
        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => $"sum {Number(point.GetSumDouble())}",
        MetricType.LongGauge => $"last {point.GetGaugeLastValueLong()}",
        MetricType.DoubleGauge => $"last {Number(point.GetGaugeLastValueDouble())}",
        MetricType.Histogram => Histogram(point),
        _ => "",
    };

    private static string Histogram(MetricPoint point)
    {
        var count = point.GetHistogramCount();
        var text = $"count {count}  avg {Number(count == 0 ? 0 : point.GetHistogramSum() / count)}";
        return count > 1 && point.TryGetHistogramMinMaxValues(out var min, out var max) ? $"{text}  min {Number(min)}  max {Number(max)}" : text;
    }

    private static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}
