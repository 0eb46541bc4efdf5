using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TelemetryConventions.Api.Tests;

/// <summary>An OpenTelemetry SDK pipeline per test, exporting to memory.</summary>
public sealed class TestTelemetry : IDisposable
{
    private static int _counter;

    public TestTelemetry(Sampler? sampler = null)
    {
        // A unique source and meter per test keeps parallel tests from seeing each other's data.
        var name = "clinic.tests." + Interlocked.Increment(ref _counter);
        Source = new ActivitySource(name);
        Meter = new Meter(name);
        TracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource(name)
            .SetSampler(sampler ?? new AlwaysOnSampler())
            .AddInMemoryExporter(Activities)
            .Build()!;
        MeterProvider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(name)
            .AddInMemoryExporter(Metrics)
            .Build()!;
    }

    public ActivitySource Source { get; }

    public Meter Meter { get; }

    public List<Activity> Activities { get; } = new();

    public List<Metric> Metrics { get; } = new();

    public TracerProvider TracerProvider { get; }

    public MeterProvider MeterProvider { get; }

    public static Pseudonymizer Pseudonymizer { get; } = new(new PseudonymizerOptions
    {
        Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(),
        KeyId = "t1",
    });

    /// <summary>The points of one metric as of now (cumulative), from a fresh export.</summary>
    public IReadOnlyList<MetricPoint> Points(string metricName)
    {
        Metrics.Clear();
        MeterProvider.ForceFlush();
        var points = new List<MetricPoint>();
        foreach (var metric in Metrics.Where(m => m.Name == metricName))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }
        return points;
    }

    public static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }
        return tags;
    }

    public void Dispose()
    {
        TracerProvider.Dispose();
        MeterProvider.Dispose();
        Source.Dispose();
        Meter.Dispose();
    }
}
