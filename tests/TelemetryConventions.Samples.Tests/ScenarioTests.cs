using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using TelemetryConventions.Conformance;
using TelemetryConventions.Samples.Hosting;
using TelemetryConventions.Samples.Scenarios;
using TelemetryConventions.Samples.Telemetry;
using Xunit;

namespace TelemetryConventions.Samples.Tests;

/// <summary>Each scenario, run once against the in-memory exporters.</summary>
public sealed class ScenarioTests
{
    public static IEnumerable<object[]> ScenarioIds => ScenarioExpectation.Ids;

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Emits_exactly_the_spans_events_and_metrics_its_conventions_list(string id)
    {
        var expected = ScenarioExpectation.For(id);
        var run = ScenarioHarness.Run(ScenarioHarness.Scenario(id));

        Assert.Equal(Sorted(expected.Spans), Sorted(run.SpanNames));
        // "exception" is the standard event that RecordException adds on failure paths.
        Assert.Equal(Sorted(expected.Events), Sorted(run.EventNames.Where(name => name != "exception")));
        Assert.Equal(Sorted(expected.Metrics), Sorted(run.MetricNames));
        Assert.Equal(Sorted(expected.LogEvents ?? []), Sorted(run.LogEventNames));
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Child_spans_nest_under_their_parent_step(string id)
    {
        var expected = ScenarioExpectation.For(id);
        var run = ScenarioHarness.Run(ScenarioHarness.Scenario(id));
        var bySpanId = run.Activities.ToDictionary(a => a.SpanId);

        foreach (var activity in run.Activities)
        {
            var declared = expected.Parents.Where(p => p.Child == activity.DisplayName).Select(p => p.Parent).ToList();
            if (declared.Count == 0)
            {
                // Everything else is the root of its own trace.
                Assert.True(activity.ParentSpanId == default, $"{activity.DisplayName} should be a root span but has a parent.");
                continue;
            }
            Assert.True(bySpanId.TryGetValue(activity.ParentSpanId, out var parent), $"{activity.DisplayName} has no exported parent.");
            Assert.Contains(parent!.DisplayName, declared);
            Assert.Equal(parent.TraceId, activity.TraceId);
            Assert.InRange(activity.StartTimeUtc, parent.StartTimeUtc, parent.StartTimeUtc + parent.Duration);
            Assert.True(activity.StartTimeUtc + activity.Duration <= parent.StartTimeUtc + parent.Duration,
                $"{activity.DisplayName} ends after its parent {parent.DisplayName}.");
        }
        foreach (var (child, _) in expected.Parents)
        {
            Assert.Contains(run.Activities, a => a.DisplayName == child);
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Conforms_to_the_compiled_conventions(string id)
    {
        var run = ScenarioHarness.Run(ScenarioHarness.Scenario(id));
        var checker = new ConformanceChecker(TelemetryCatalog.Conventions);

        var violations = checker.CheckActivities(run.Activities)
            .Concat(checker.CheckMetrics(run.MetricSamples))
            .Concat(checker.CheckLogRecords(run.LogSamples))
            .ToList();

        Assert.True(violations.Count == 0, "Violations:\n" + string.Join("\n", violations));
        Assert.NotEmpty(run.Activities);
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Failure_paths_record_the_exception_without_its_message(string id)
    {
        var expected = ScenarioExpectation.For(id);
        var run = ScenarioHarness.Run(ScenarioHarness.Scenario(id));
        var failed = run.Activities.Where(a => a.Status == ActivityStatusCode.Error).ToList();

        if (!expected.SimulatesFailures)
        {
            Assert.Empty(failed);
            return;
        }
        Assert.NotEmpty(failed);
        foreach (var span in failed)
        {
            Assert.False(string.IsNullOrEmpty(span.StatusDescription), $"{span.DisplayName} failed without a description.");
            Assert.NotNull(span.GetTagItem("error.type"));
        }
        // Where the failure happened, the exception is recorded; a parent that fails because of a
        // child may only set error.type.
        var exceptions = failed.SelectMany(a => a.Events).Where(e => e.Name == "exception").ToList();
        Assert.NotEmpty(exceptions);
        foreach (var exception in exceptions)
        {
            var tags = exception.Tags.ToDictionary(t => t.Key, t => t.Value);
            Assert.True(tags.ContainsKey("exception.type"));
            // Exception messages name drugs, devices and accounts: RecordException leaves them out.
            Assert.False(tags.ContainsKey("exception.message"), "An exception message was exported.");
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Is_deterministic_for_a_given_iteration_and_varies_between_iterations(string id)
    {
        var scenario = ScenarioHarness.Scenario(id);

        var first = Signature(ScenarioHarness.Run([scenario], iteration: 0));
        var again = Signature(ScenarioHarness.Run([scenario], iteration: 0));
        var next = Signature(ScenarioHarness.Run([scenario], iteration: 1));

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
    }

    [Fact]
    public void Every_scenario_runs_when_nothing_listens()
    {
        // Without an SDK the generated starters return default spans; the samples must cope with a
        // null Activity everywhere (ends, IsRecording, events).
        using var telemetry = new ShowcaseTelemetry(ScenarioHarness.TestPseudonymizer());
        foreach (var scenario in ScenarioCatalog.All)
        {
            scenario.Run(new ScenarioContext(telemetry, scenario, 0, ScenarioHarness.Start));
        }
    }

    [Fact]
    public void The_catalog_holds_the_18_scenarios_of_the_scenario_list_once_each()
    {
        Assert.Equal(18, ScenarioCatalog.All.Count);
        Assert.Equal(ScenarioExpectation.All.Select(e => e.Id), ScenarioCatalog.All.Select(s => s.Id));
        Assert.Equal(18, ScenarioCatalog.All.Select(s => s.Name).Distinct().Count());
        Assert.All(ScenarioCatalog.All, s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s.Name));
        Assert.All(ScenarioCatalog.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Summary)));
    }

    [Fact]
    public void Each_industry_is_a_folder_of_conventions()
    {
        var conventions = Path.Combine(RepositoryRoot.Path, "conventions");
        Assert.Equal(
            ["education", "energy", "gaming", "healthcare", "media", "retail", "transportation"],
            ScenarioCatalog.Industries.Order(StringComparer.Ordinal));
        Assert.All(ScenarioCatalog.Industries, industry => Assert.True(Directory.Exists(Path.Combine(conventions, industry)), $"conventions/{industry} is missing."));
    }

    private static string[] Sorted(IEnumerable<string> names) => names.Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Span names, times relative to the first span, and every tag and event: what a run "looks like".</summary>
    private static string Signature(ScenarioRun run)
    {
        var origin = run.Activities.Min(a => a.StartTimeUtc);
        return string.Join("\n", run.Activities.Select(a =>
            $"{a.DisplayName} +{(a.StartTimeUtc - origin).Ticks} {a.Duration.Ticks} {a.Status} "
            + string.Join(",", a.TagObjects.Where(t => t.Key != "exception.stacktrace").Select(t => $"{t.Key}={t.Value}"))
            + " | " + string.Join(";", a.Events.Where(e => e.Name != "exception").Select(e => $"{e.Name}:{string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}"))}"))));
    }
}
