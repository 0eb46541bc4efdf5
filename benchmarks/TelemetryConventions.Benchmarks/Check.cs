using System.Diagnostics;
using Microsoft.CodeAnalysis;
using TelemetryConventions.Benchmarks.BuildTime;
using TelemetryConventions.Benchmarks.Runtime;

namespace TelemetryConventions.Benchmarks;

/// <summary>
/// Runs every benchmark body once outside BenchmarkDotNet and checks that it does what its name says: spans
/// recorded or not as their listener decides, measurements delivered, the generator producing its files.
/// A benchmark that silently measures nothing (a disabled instrument, a generator that failed) would
/// otherwise report an impressive, meaningless number.
/// </summary>
public static class Check
{
    public static int Run(TextWriter output)
    {
        var failures = 0;
        void Expect(bool condition, string what)
        {
            output.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
            failures += condition ? 0 : 1;
        }

        foreach (var listening in Enum.GetValues<Listening>())
        {
            var spans = new SpanThreeAttributesBenchmarks { Listening = listening };
            spans.Setup();
            foreach (var (name, body) in new (string, Action)[] { ("HandWritten", spans.HandWritten), ("Generated", spans.Generated), ("SeedStyle", spans.SeedStyle) })
            {
                var recorded = new List<Activity>();
                using var probe = Observe("bench.span3", recorded);
                body();
                // The seed style sets its tags on whatever activity it gets, recorded or not; the others only
                // when IsAllDataRequested.
                var expected = listening is Listening.Sampled or Listening.SdkSampled || name == "SeedStyle" ? 3 : 0;
                Expect(recorded.Count == 1 ? recorded[0].TagObjects.Count() == expected : listening == Listening.None,
                    $"span, 3 attributes, {listening}, {name}: {(recorded.Count == 1 ? recorded[0].TagObjects.Count() + " tags" : "no activity")}");
            }
            spans.Cleanup();
        }

        foreach (var listening in new[] { Listening.Sampled, Listening.SdkSampled })
        {
            var spans = new SpanFiveAttributesBenchmarks { Listening = listening };
            spans.Setup();
            foreach (var (name, body) in new (string, Action)[] { ("HandWritten", spans.HandWritten), ("Generated", spans.Generated), ("SeedStyle", spans.SeedStyle) })
            {
                var recorded = new List<Activity>();
                using var probe = Observe("bench.span5", recorded);
                body();
                Expect(recorded.Count == 1 && recorded[0].TagObjects.Count() == 5 && recorded[0].Events.Count() == 1,
                    $"span, 5 attributes and an event, {listening}, {name}");
            }
            spans.Cleanup();
        }

        var counters = new CounterBenchmarks();
        counters.Setup();
        foreach (var method in typeof(CounterBenchmarks).GetMethods().Where(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).Length > 0))
        {
            var before = MetricListenerScope.Measurements;
            method.Invoke(counters, null);
            Expect(MetricListenerScope.Measurements == before + 1 && MetricListenerScope.LastTagCount == TagCount(method.Name),
                $"counter {method.Name}: {MetricListenerScope.Measurements - before} measurement(s), {MetricListenerScope.LastTagCount} tags");
        }
        counters.Cleanup();

        var histograms = new HistogramBenchmarks();
        histograms.Setup();
        foreach (var method in typeof(HistogramBenchmarks).GetMethods().Where(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).Length > 0))
        {
            var before = MetricListenerScope.Measurements;
            method.Invoke(histograms, null);
            Expect(MetricListenerScope.Measurements == before + 1 && MetricListenerScope.LastTagCount == TagCount(method.Name),
                $"histogram {method.Name}: {MetricListenerScope.Measurements - before} measurement(s), {MetricListenerScope.LastTagCount} tags");
        }
        histograms.Cleanup();

        foreach (var (listening, pseudonyms) in Enum.GetValues<LogListening>().SelectMany(l => Enum.GetValues<LogPseudonyms>().Select(p => (l, p))))
        {
            var logs = new LogEventBenchmarks { Listening = listening, Pseudonyms = pseudonyms };
            logs.Setup();
            foreach (var (name, body) in new (string, Action)[] { ("LoggerMessage", logs.LoggerMessage), ("Generated", logs.Generated), ("LogInformation", logs.LogInformation) })
            {
                var (records, attributes) = (LogEventBenchmarks.ExportedRecords, LogEventBenchmarks.ExportedAttributes);
                body();
                var (newRecords, newAttributes) = (LogEventBenchmarks.ExportedRecords - records, LogEventBenchmarks.ExportedAttributes - attributes);
                // Five attributes and the body's {OriginalFormat} when enabled; nothing when disabled.
                Expect(listening == LogListening.Disabled ? newRecords == 0 : newRecords == 1 && newAttributes == 6,
                    $"log event, 5 attributes, {listening}, {pseudonyms}, {name}: {newRecords} record(s), {newAttributes} attribute(s)");
            }
            logs.Cleanup();
        }

        foreach (var listening in new[] { Listening.None, Listening.NotSampled, Listening.Sampled })
        {
            var sampling = new SamplingAndEventBenchmarks { Listening = listening };
            sampling.Setup();
            foreach (var (name, body) in new (string, Action)[] { ("HandWrittenStart", sampling.HandWrittenStart), ("GeneratedStart", sampling.GeneratedStart) })
            {
                var recorded = new List<Activity>();
                using var probe = Observe("bench.sampling", recorded);
                body();
                // The sampler sees the two sampling-relevant tags; the third is set only on a recorded span.
                var expected = listening == Listening.Sampled ? 3 : 2;
                Expect(listening == Listening.None ? recorded.Count == 0 : recorded.Count == 1 && recorded[0].TagObjects.Count() == expected,
                    $"span with sampling attributes, {listening}, {name}: {(recorded.Count == 1 ? recorded[0].TagObjects.Count() + " tags" : "no activity")}");
            }
            foreach (var (name, body) in new (string, Action)[] { ("HandWrittenEvent", sampling.HandWrittenEvent), ("GeneratedEvent", sampling.GeneratedEvent) })
            {
                var recorded = new List<Activity>();
                using var probe = Observe("bench.sampling", recorded);
                body();
                var events = recorded.Count == 1 ? recorded[0].Events.Count(e => e.Name == "shop.search.empty" && !e.Tags.Any()) : 0;
                Expect(listening == Listening.None ? recorded.Count == 0 : events == (listening == Listening.Sampled ? 1 : 0),
                    $"event without attributes, {listening}, {name}: {events} event(s)");
            }
            sampling.Cleanup();
        }

        // Fresh instances, so both take the same first customer number.
        var handWritten = new PseudonymBenchmarks().HandWrittenHmac();
        var computed = new PseudonymBenchmarks().ComputeCold();
        Expect(handWritten == computed, $"hand-written HMAC matches Pseudonymizer.Compute: {handWritten} / {computed}");

        var generator = new GeneratorBenchmarks();
        generator.Setup();
        foreach (var (name, run) in new (string, Func<GeneratorDriver>)[] { ("Cold", generator.Cold), ("UnrelatedCSharpEdit", generator.UnrelatedCSharpEdit), ("OneYamlFileEdit", generator.OneYamlFileEdit) })
        {
            // The last of three runs, so the time printed is not the JIT's.
            GeneratorDriverRunResult result = null!;
            var elapsed = 0.0;
            for (var i = 0; i < 3; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                result = run().GetRunResult();
                elapsed = stopwatch.Elapsed.TotalMilliseconds;
            }
            var files = result.Results.Single().GeneratedSources.Length;
            var exception = result.Results.Single().Exception;
            Expect(exception is null && files > 700 && result.Diagnostics.All(d => d.Severity < DiagnosticSeverity.Error),
                $"generator {name}: {elapsed:F1} ms, {files} files, {result.Diagnostics.Length} diagnostics {string.Join("; ", result.Diagnostics.Select(d => d.ToString()))}{(exception is null ? "" : ", " + exception.GetType().Name + ": " + exception.Message)}");
        }

        output.WriteLine(failures == 0 ? "All checks passed." : $"{failures} check(s) failed.");
        return failures == 0 ? 0 : 1;
    }

    private static int TagCount(string method) => method[^1] - '0';

    /// <summary>A second listener on the source that records stopped activities; it samples nothing itself.</summary>
    private static ActivityListener Observe(string source, List<Activity> recorded)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStopped = recorded.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
