using System;
using System.Linq;
using TelemetryConventions.Samples.Scenarios;
using Xunit;

namespace TelemetryConventions.Samples.Tests;

/// <summary>
/// The healthcare scenarios' audit records and alerts, as log records through the OpenTelemetry SDK:
/// who (a pseudonym) did what to which record, with which outcome, under the trace of the work.
/// </summary>
public sealed class AuditTrailTests
{
    [Theory]
    [InlineData("2.1")]
    [InlineData("2.2")]
    public void Every_access_to_a_medical_record_is_an_audit_record_with_pseudonyms_and_an_outcome(string id)
    {
        var run = ScenarioHarness.Run(ScenarioHarness.Scenario(id));
        var audits = run.LogRecords.Where(r => r.EventId.Name == "audit.medical_record.access").ToList();

        Assert.NotEmpty(audits);
        foreach (var audit in audits)
        {
            var attributes = (audit.Attributes ?? []).ToDictionary(a => a.Key, a => a.Value);
            Assert.StartsWith(ScenarioHarness.TestKeyId + ":", (string)attributes["doctor.id"]!);
            Assert.StartsWith(ScenarioHarness.TestKeyId + ":", (string)attributes["medical_record.id"]!);
            Assert.StartsWith(ScenarioHarness.TestKeyId + ":", (string)attributes["patient.id"]!);
            Assert.Equal("physician", attributes["audit.actor.role"]);
            Assert.Contains((string)attributes["audit.action"]!, new[] { "read", "update", "export" });
            Assert.Contains((string)attributes["audit.outcome"]!, new[] { "success", "failure" });
            Assert.Equal("Medical record access", audit.Body);
            Assert.False(attributes.ContainsKey("diagnosis.result"));
            // Under the trace of the work it audits: an investigator can join the two.
            Assert.Contains(run.Activities, a => a.TraceId == audit.TraceId);
        }
        // The doctor's pseudonym in the audit record is the one the spans carry.
        var spanDoctors = run.Activities.SelectMany(a => a.TagObjects).Where(t => t.Key == "doctor.id").Select(t => (string)t.Value!).ToHashSet();
        Assert.All(audits, a => Assert.Contains((string)a.Attributes!.Single(t => t.Key == "doctor.id").Value!, spanDoctors));
    }

    [Fact]
    public void The_hospital_information_system_audits_a_failed_export_as_a_failure()
    {
        var run = ScenarioHarness.Run(ScenarioHarness.Scenario("2.1"));

        var exports = run.LogRecords
            .Select(r => (r.Attributes ?? []).ToDictionary(a => a.Key, a => a.Value))
            .Where(a => Equals(a["audit.action"], "export"))
            .Select(a => (string)a["audit.outcome"]!)
            .ToList();
        Assert.Contains("success", exports);
        Assert.Contains("failure", exports);
    }

    [Fact]
    public void A_critical_device_alert_is_a_critical_log_record_and_its_acknowledgement_is_audited()
    {
        var run = ScenarioHarness.Run(ScenarioHarness.Scenario("2.3"));

        var alert = Assert.Single(run.LogRecords, r => r.EventId.Name == "medical.device.alert");
        // The event is declared at Warning; this occurrence is critical and says so in its level.
        Assert.Equal("critical", alert.Attributes!.Single(a => a.Key == "alert.severity").Value);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Critical, alert.LogLevel);
        Assert.Equal("low_oxygen", alert.Attributes!.Single(a => a.Key == "medical.device.alert.type").Value);
        var poll = Assert.Single(run.Activities, a => a.TraceId == alert.TraceId);
        Assert.Equal(poll.SpanId, alert.SpanId);

        var acknowledgement = Assert.Single(run.LogRecords, r => r.EventId.Name == "audit.medical.device.access");
        var attributes = acknowledgement.Attributes!.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("acknowledge", attributes["audit.action"]);
        Assert.Equal(poll.GetTagItem("device.id"), attributes["device.id"]);
        Assert.StartsWith(ScenarioHarness.TestKeyId + ":", (string)attributes["doctor.id"]!);
        Assert.DoesNotContain(run.RawIdentifiers, raw => attributes.Values.OfType<string>().Any(v => v.Contains(raw, StringComparison.Ordinal)));
    }
}
