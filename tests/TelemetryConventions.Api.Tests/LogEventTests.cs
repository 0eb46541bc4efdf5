using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace TelemetryConventions.Api.Tests;

/// <summary>
/// The generated log events through the OpenTelemetry SDK log pipeline and its in-memory
/// exporter: event name, attributes, severity and body as a backend receives them.
/// </summary>
public sealed class LogEventTests
{
    private static Pseudonym Patient(string number) => TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, number);

    [Fact]
    public void A_log_event_carries_its_event_name_in_the_event_id()
    {
        using var logging = new TestLogging();

        logging.Logger.LogClinicRecordAccessedEvent(Patient("P-1001"), ClinicVisitKind.Emergency);

        var record = Assert.Single(logging.Records);
        Assert.Equal("clinic.record.accessed", record.EventId.Name);
        Assert.Equal(TelemetryEvents.ClinicRecordAccessedEventId, record.EventId);
        Assert.NotEqual(0, record.EventId.Id);
    }

    [Fact]
    public void Attributes_arrive_typed_with_the_pseudonym_and_without_absent_ones()
    {
        using var logging = new TestLogging();
        var patient = Patient("P-1002");

        logging.Logger.LogClinicRecordAccessedEvent(patient, ClinicVisitKind.Outpatient,
            clinicPriority: ClinicPriority.High, clinicRoom: 204, clinicUrgent: true, clinicTemperature: 38.5,
            clinicCodes: new[] { "A01", "B02" });

        var attributes = TestLogging.Attributes(Assert.Single(logging.Records));
        Assert.Equal(patient.Value, attributes["clinic.patient.id"]);
        Assert.StartsWith("t1:", (string)attributes["clinic.patient.id"]!);
        Assert.Equal("outpatient", attributes["clinic.visit.kind"]);
        Assert.Equal(3L, attributes["clinic.priority"]);
        Assert.Equal(204L, attributes["clinic.room"]);
        Assert.Equal(true, attributes["clinic.urgent"]);
        Assert.Equal(38.5, attributes["clinic.temperature"]);
        Assert.Equal(new[] { "A01", "B02" }, attributes["clinic.codes"]);
        // Not passed, so not present; the redacted diagnosis has no parameter at all.
        Assert.False(attributes.ContainsKey("clinic.department"));
        Assert.False(attributes.ContainsKey("clinic.diagnosis"));
        Assert.Equal(7, attributes.Count);
    }

    [Fact]
    public void Severity_comes_from_the_annotation_and_defaults_to_information()
    {
        using var logging = new TestLogging();

        logging.Logger.LogClinicRecordAccessedEvent(Patient("P-1003"), ClinicVisitKind.Outpatient);
        logging.Logger.LogClinicVitalsRecordedEvent(37.0);

        Assert.Equal(new[] { LogLevel.Warning, LogLevel.Information }, logging.Records.Select(r => r.LogLevel));
        Assert.Equal(new[] { "clinic.record.accessed", "clinic.vitals_recorded" }, logging.Records.Select(r => r.EventId.Name));
    }

    [Fact]
    public void The_body_is_the_annotated_text_the_event_name_or_the_declared_string_body()
    {
        using var logging = new TestLogging();

        logging.Logger.LogClinicRecordAccessedEvent(Patient("P-1004"), ClinicVisitKind.Outpatient);
        logging.Logger.LogClinicVitalsRecordedEvent(36.6);
        logging.Logger.LogClinicTriageNotedEvent("Seen within ten minutes", clinicDepartment: "cardiology");

        Assert.Equal(new[] { "Patient record accessed", "clinic.vitals_recorded", "Seen within ten minutes" }, logging.Records.Select(r => r.Body));
        // The SDK took the body from the state: it never asked for formatted text.
        Assert.All(logging.Records, r => Assert.Null(r.FormattedMessage));
        Assert.Equal("cardiology", TestLogging.Attributes(logging.Records[2])["clinic.department"]);
    }

    [Fact]
    public void A_disabled_level_writes_nothing()
    {
        using var logging = new TestLogging(LogLevel.Error);

        logging.Logger.LogClinicRecordAccessedEvent(Patient("P-1005"), ClinicVisitKind.Outpatient);
        logging.Logger.LogClinicVitalsRecordedEvent(37.2);

        Assert.Empty(logging.Records);
    }

    [Fact]
    public void One_occurrence_can_be_written_at_another_level_than_the_declared_one()
    {
        using var logging = new TestLogging(LogLevel.Error);

        // Declared at Warning: below the minimum unless this occurrence is raised.
        logging.Logger.LogClinicRecordAccessedEvent(Patient("P-1007"), ClinicVisitKind.Emergency);
        logging.Logger.LogClinicRecordAccessedEvent(Patient("P-1008"), ClinicVisitKind.Emergency, level: LogLevel.Critical);
        logging.Logger.LogClinicVitalsRecordedEvent(41.0, level: LogLevel.Error);
        logging.Logger.LogClinicVitalsRecordedEvent(36.9, level: LogLevel.Debug);

        Assert.Equal(new[] { LogLevel.Critical, LogLevel.Error }, logging.Records.Select(r => r.LogLevel));
        Assert.Equal(new[] { "clinic.record.accessed", "clinic.vitals_recorded" }, logging.Records.Select(r => r.EventId.Name));
    }

    [Fact]
    public void Text_providers_get_the_body_and_the_attributes_as_text()
    {
        var logger = new TextCapturingLogger();
        var patient = Patient("P-1006");

        logger.LogClinicRecordAccessedEvent(patient, ClinicVisitKind.Emergency, clinicRoom: 7, clinicUrgent: false, clinicCodes: new[] { "A01", "B02" });

        Assert.Equal($"Patient record accessed clinic.patient.id={patient.Value} clinic.visit.kind=emergency clinic.room=7 clinic.urgent=false clinic.codes=[A01,B02]", logger.Messages.Single());
        Assert.DoesNotContain("P-1006", logger.Messages.Single());
    }

    [Fact]
    public void A_log_record_is_correlated_with_the_current_span()
    {
        using var telemetry = new TestTelemetry();
        using var logging = new TestLogging();

        using (var visit = telemetry.Source.StartClinicVisit(Patient("P-1007"), "cardiology", ClinicVisitKind.Outpatient))
        {
            logging.Logger.LogClinicVitalsRecordedEvent(37.0, clinicUrgent: false);
        }

        var record = Assert.Single(logging.Records);
        Assert.Equal(Assert.Single(telemetry.Activities).TraceId, record.TraceId);
    }

    /// <summary>A provider that only renders text, as the console provider does.</summary>
    private sealed class TextCapturingLogger : ILogger
    {
        public List<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
