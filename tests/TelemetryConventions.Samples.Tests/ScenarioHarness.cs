using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using TelemetryConventions.Conformance;
using TelemetryConventions.Samples.Hosting;
using TelemetryConventions.Samples.Scenarios;

namespace TelemetryConventions.Samples.Tests;

/// <summary>What one or more scenarios exported through the showcase's in-memory pipeline.</summary>
internal sealed record ScenarioRun(IReadOnlyList<Activity> Activities, IReadOnlyList<MetricSnapshot> Metrics, IReadOnlyList<string> RawIdentifiers, IReadOnlyList<LogRecord> LogRecords)
{
    /// <summary>Every exported log record as the conformance checker reads it.</summary>
    public IReadOnlyList<LogRecordSample> LogSamples => LogRecords.Select(r => new LogRecordSample(r.EventId.Name, r.Attributes)).ToList();

    public IEnumerable<string> LogEventNames => LogRecords.Select(r => r.EventId.Name).OfType<string>().Distinct();

    /// <summary>Every exported metric point as the conformance checker reads it.</summary>
    public IReadOnlyList<MetricSample> MetricSamples =>
        Metrics.SelectMany(metric => Points(metric).Select(point => new MetricSample(metric.Name, metric.Unit, Tags(point)))).ToList();

    public IEnumerable<string> SpanNames => Activities.Select(a => a.DisplayName).Distinct();

    public IEnumerable<string> EventNames => Activities.SelectMany(a => a.Events).Select(e => e.Name).Distinct();

    public IEnumerable<string> MetricNames => Metrics.Where(m => m.MetricPoints.Count > 0).Select(m => m.Name).Distinct();

    public static IEnumerable<MetricPoint> Points(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            yield return point;
        }
    }

    public static IReadOnlyList<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }
        return tags;
    }
}

/// <summary>Runs scenarios against the showcase's own pipeline (in-memory exporters only) with a test key.</summary>
internal static class ScenarioHarness
{
    /// <summary>A fixed simulated start, so that dates in identifiers do not depend on the day the tests run.</summary>
    public static readonly DateTimeOffset Start = new(2025, 10, 8, 9, 0, 0, TimeSpan.Zero);

    public const string TestKeyId = "test";

    public static Pseudonymizer TestPseudonymizer() => new(new PseudonymizerOptions
    {
        Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray(),
        KeyId = TestKeyId,
    });

    public static IScenario Scenario(string id) =>
        ScenarioCatalog.Find(id) ?? throw new ArgumentException($"No scenario {id}.", nameof(id));

    public static ScenarioRun Run(params IScenario[] scenarios) => Run(scenarios, iteration: 0);

    public static ScenarioRun Run(IReadOnlyList<IScenario> scenarios, int iteration)
    {
        using var pipeline = new TelemetryPipeline(new PipelineOptions());
        using var telemetry = new ShowcaseTelemetry(TestPseudonymizer(), pipeline.LoggerFactory);
        var raw = new List<string>();
        foreach (var scenario in scenarios)
        {
            var ctx = new ScenarioContext(telemetry, scenario, iteration, Start);
            scenario.Run(ctx);
            raw.AddRange(ctx.RawIdentifiers);
        }
        return new ScenarioRun(pipeline.TakeActivities(), pipeline.CollectMetrics(), raw, pipeline.TakeLogRecords());
    }
}
