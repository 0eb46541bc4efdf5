using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using TelemetryConventions.Conformance;

namespace TelemetryConventions.Api.Tests;

/// <summary>The conformance checker over log records from the OpenTelemetry in-memory log exporter.</summary>
public sealed class LogConformanceTests
{
    private static readonly ConformanceChecker Checker = new(TelemetryCatalog.Conventions);

    private static IReadOnlyList<ConformanceViolation> Check(IEnumerable<LogRecord> records) =>
        Checker.CheckLogRecords(records.Select(r => new LogRecordSample(r.EventId.Name, r.Attributes)));

    [Fact]
    public void Log_events_from_the_generated_api_conform()
    {
        using var logging = new TestLogging();
        var patient = TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "P-3001");

        logging.Logger.LogClinicRecordAccessedEvent(patient, ClinicVisitKind.Emergency, clinicPriority: ClinicPriority.Low,
            clinicRoom: 2, clinicUrgent: true, clinicTemperature: 39.1, clinicCodes: new[] { "R50" }, clinicDepartment: "er");
        logging.Logger.LogClinicVitalsRecordedEvent(37.0);
        logging.Logger.LogClinicTriageNotedEvent("Stable", clinicDepartment: "er");
        // A plain log line is not an event, so it is not checked against the events.
#pragma warning disable CA1848 // a deliberately hand-written line
        logging.Logger.LogInformation("Shift started");
#pragma warning restore CA1848

        Assert.Equal(4, logging.Records.Count);
        Assert.Empty(Check(logging.Records));
    }

    [Fact]
    public void Hand_written_log_events_with_mistakes_are_reported()
    {
        using var logging = new TestLogging();
        var recordAccessed = new EventId(1, "clinic.record.accessed");
#pragma warning disable CA1848, CA2254 // deliberately hand-written, mistakes included
        logging.Logger.Log(LogLevel.Information, recordAccessed, new[]
        {
            new KeyValuePair<string, object?>("clinic.patient.id", "MRN-0042"),
            new KeyValuePair<string, object?>("clinic.room", "4"),
            new KeyValuePair<string, object?>("clinic.diagnosis", "J45.901"),
            new KeyValuePair<string, object?>("clinic.ward", "B"),
        }, null, (_, _) => "record accessed");
        logging.Logger.Log(LogLevel.Information, new EventId(2, "clinic.checked_in"), "checked in", null, (s, _) => s);
#pragma warning restore CA1848, CA2254

        var violations = Check(logging.Records);

        Assert.Equal(
            new[]
            {
                ViolationKind.NotPseudonymized,
                ViolationKind.WrongValueType,
                ViolationKind.RedactedAttributeEmitted,
                ViolationKind.UndeclaredAttribute,
                ViolationKind.MissingRequiredAttribute,
                ViolationKind.UndeclaredEvent,
            },
            violations.Select(v => v.Kind));
        Assert.Equal("clinic.visit.kind", violations.Single(v => v.Kind == ViolationKind.MissingRequiredAttribute).Attribute);
        Assert.DoesNotContain(violations, v => v.Message.Contains("MRN-0042", StringComparison.Ordinal));
    }
}
