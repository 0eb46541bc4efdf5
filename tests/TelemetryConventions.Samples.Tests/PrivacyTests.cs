using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using TelemetryConventions.Samples.Rendering;
using TelemetryConventions.Samples.Scenarios;
using Xunit;

namespace TelemetryConventions.Samples.Tests;

/// <summary>
/// Whatever the samples export, the identifiers of people they handed to the pseudonymizer must not
/// be in it: not in a span, event, log record or metric, under any key, in any form.
/// </summary>
public sealed class PrivacyTests
{
    private static readonly Lazy<ScenarioRun> AllScenarios = new(() => ScenarioHarness.Run(ScenarioCatalog.All, iteration: 0));

    [Fact]
    public void No_raw_identifier_appears_anywhere_in_the_exported_telemetry()
    {
        var run = AllScenarios.Value;
        var exported = ExportedText(run).ToList();

        Assert.NotEmpty(run.RawIdentifiers);
        var leaks = run.RawIdentifiers.Distinct()
            .SelectMany(raw => exported.Where(text => text.Contains(raw, StringComparison.OrdinalIgnoreCase)).Select(text => $"'{raw}' in \"{text}\""))
            .ToList();
        Assert.True(leaks.Count == 0, "Raw identifiers reached telemetry:\n" + string.Join("\n", leaks.Take(20)));
    }

    [Fact]
    public void The_scan_sees_every_signal_it_claims_to_scan()
    {
        // Guards the test above against scanning nothing: the scanned text holds span and event
        // names, attribute names and values, and metric names and metric attribute values.
        var exported = ExportedText(AllScenarios.Value).ToHashSet();

        Assert.Contains("patient.visit", exported);
        Assert.Contains("patient.visit.completed", exported);
        Assert.Contains("hospital.department", exported);
        Assert.Contains("medical.device.alerts", exported);
        Assert.Contains("low_oxygen", exported);
        Assert.Contains("audit.medical_record.access", exported);
        Assert.Contains("Medical record access", exported);
        Assert.Contains("audit.actor.role", exported);
        Assert.Contains(exported, text => text.StartsWith(ScenarioHarness.TestKeyId + ":", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ScenarioTests.ScenarioIds), MemberType = typeof(ScenarioTests))]
    public void Scenarios_about_people_pseudonymise_them_and_the_others_have_no_one_to_pseudonymise(string id)
    {
        var expected = ScenarioExpectation.For(id);
        var run = ScenarioHarness.Run(ScenarioHarness.Scenario(id));

        if (!expected.IdentifiesPeople)
        {
            Assert.Empty(run.RawIdentifiers);
            return;
        }
        Assert.NotEmpty(run.RawIdentifiers);
        // People appear only as pseudonyms of the test key, never more distinct values than there
        // were people (a pseudonym is made once per person; a visit that ends early may never
        // emit one).
        var pseudonyms = run.Activities.SelectMany(a => a.TagObjects)
            .Concat(run.LogRecords.SelectMany(r => r.Attributes ?? []))
            .Select(t => t.Value as string)
            .Where(v => v is not null && PseudonymFormat.IsPseudonym(v))
            .ToList();
        Assert.NotEmpty(pseudonyms);
        Assert.All(pseudonyms, p => Assert.StartsWith(ScenarioHarness.TestKeyId + ":", p));
        Assert.InRange(pseudonyms.Distinct().Count(), 1, run.RawIdentifiers.Distinct().Count());
    }

    [Fact]
    public void No_person_identifier_is_a_metric_attribute()
    {
        var metricKeys = AllScenarios.Value.MetricSamples.SelectMany(s => s.Tags).Select(t => t.Key).ToHashSet();

        Assert.DoesNotContain(metricKeys, key => key is "patient.id" or "doctor.id" or "medical_record.id" or "player.id" or "customer.id" or "student.id" or "user.id");
        Assert.DoesNotContain(AllScenarios.Value.MetricSamples.SelectMany(s => s.Tags), t => t.Value is string text && PseudonymFormat.IsPseudonym(text));
    }

    /// <summary>Every string a backend would receive: names, keys, values, status texts, log bodies, metric attributes.</summary>
    private static IEnumerable<string> ExportedText(ScenarioRun run)
    {
        foreach (var activity in run.Activities)
        {
            yield return activity.DisplayName;
            yield return activity.OperationName;
            if (activity.StatusDescription is { } description)
            {
                yield return description;
            }
            foreach (var text in Tags(activity.TagObjects))
            {
                yield return text;
            }
            foreach (var activityEvent in activity.Events)
            {
                yield return activityEvent.Name;
                foreach (var text in Tags(activityEvent.Tags))
                {
                    yield return text;
                }
            }
            foreach (var (key, value) in activity.Baggage)
            {
                yield return key;
                yield return value ?? "";
            }
        }
        foreach (var record in run.LogRecords)
        {
            yield return record.EventId.Name ?? "";
            yield return record.Body ?? "";
            yield return record.FormattedMessage ?? "";
            foreach (var text in Tags(record.Attributes ?? []))
            {
                yield return text;
            }
        }
        foreach (var metric in run.Metrics)
        {
            yield return metric.Name;
            yield return metric.Description ?? "";
            foreach (var point in ScenarioRun.Points(metric))
            {
                foreach (var text in Tags(ScenarioRun.Tags(point)))
                {
                    yield return text;
                }
            }
        }
    }

    private static IEnumerable<string> Tags(IEnumerable<KeyValuePair<string, object?>> tags)
    {
        foreach (var (key, value) in tags)
        {
            yield return key;
            // The wire form of the value, including numbers: numeric identifiers are raw identifiers too.
            yield return TelemetryFormat.Value(value);
            yield return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
    }
}
