using System.Linq;
using Microsoft.Extensions.Logging;
using Xunit;

namespace TelemetryConventions.Samples.Tests;

/// <summary>
/// The other industries' alerts, as log records through the OpenTelemetry SDK: a warning (critical
/// for a critical alert) with the event's name, the declared attributes with their declared types, and the trace and span of the
/// work that noticed the condition.
/// </summary>
public sealed class AlertLogTests
{
    [Theory]
    [InlineData("3.1", "game.room.high_latency", "game.room.latency", "game.room")]
    [InlineData("4.1", "grid.voltage_anomaly", "grid.voltage", "grid.node")]
    [InlineData("4.2", "turbine.high_temperature", "turbine.generator_temperature", "turbine.monitor")]
    [InlineData("6.2", "engagement.low_engagement", "engagement.score", "analytics.engagement")]
    [InlineData("7.2", "shipment.delayed", "shipment.delay_reason", "logistics.shipment")]
    [InlineData("8.1", "video.buffering", "video.buffer_ratio", "video.playback")]
    public void An_alert_is_a_log_record_at_its_severity_under_the_span_that_noticed_it(string id, string eventName, string measured, string spanName)
    {
        var run = ScenarioHarness.Run(ScenarioHarness.Scenario(id));

        var alerts = run.LogRecords.Where(r => r.EventId.Name == eventName).ToList();
        Assert.NotEmpty(alerts);
        foreach (var alert in alerts)
        {
            var attributes = (alert.Attributes ?? []).ToDictionary(a => a.Key, a => a.Value);
            // Written at the event's declared Warning, or at Critical for a critical alert.
            var critical = attributes.TryGetValue("alert.severity", out var severity) && Equals(severity, "critical");
            Assert.Equal(critical ? LogLevel.Critical : LogLevel.Warning, alert.LogLevel);
            Assert.True(attributes.ContainsKey(measured), $"{eventName} lacks {measured}: {string.Join(", ", attributes.Keys)}");
            var span = Assert.Single(run.Activities, a => a.SpanId == alert.SpanId);
            Assert.Equal(spanName, span.DisplayName);
            Assert.Equal(span.TraceId, alert.TraceId);
            // Nothing of the alert is left on the span as a span event.
            Assert.DoesNotContain(span.Events, e => e.Name == eventName);
        }
    }

    [Theory]
    [InlineData("3.1", "game.room.high_latency")]
    [InlineData("4.1", "grid.voltage_anomaly")]
    [InlineData("4.2", "turbine.high_temperature")]
    [InlineData("6.2", "engagement.low_engagement")]
    public void Alerts_carry_the_shared_severity_enum_by_its_wire_value(string id, string eventName)
    {
        var run = ScenarioHarness.Run(ScenarioHarness.Scenario(id));

        var severities = run.LogRecords
            .Where(r => r.EventId.Name == eventName)
            .Select(r => r.Attributes!.Single(a => a.Key == "alert.severity").Value)
            .ToList();

        Assert.NotEmpty(severities);
        Assert.All(severities, s => Assert.Contains(s, new object[] { "warning", "critical" }));
    }
}
