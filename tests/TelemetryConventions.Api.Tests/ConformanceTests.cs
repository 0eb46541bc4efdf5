using TelemetryConventions.Conformance;

namespace TelemetryConventions.Api.Tests;

/// <summary>The live check against the generated catalog: it accepts what the wrappers emit and catches what hand-written code gets wrong.</summary>
public sealed class ConformanceTests
{
    private static readonly ConformanceChecker Checker = new(TelemetryCatalog.Conventions);

    [Fact]
    public void The_catalog_lists_every_declared_signal_with_its_attributes()
    {
        var visit = Assert.Single(TelemetryCatalog.Conventions.Spans);
        Assert.Equal("clinic.visit", visit.Name);
        Assert.Equal("Server", visit.Detail);
        var patient = visit.Attributes.Single(a => a.Name == "clinic.patient.id");
        Assert.Equal(AttributeTreatment.Pseudonymize, patient.Treatment);
        Assert.Equal(AttributeRequirement.Required, patient.Requirement);
        Assert.Equal(AttributeTreatment.Redact, visit.Attributes.Single(a => a.Name == "clinic.diagnosis").Treatment);
        Assert.Equal(new[] { "clinic.beds.occupied", "clinic.oxygen.delivered", "clinic.visit.duration", "clinic.visits", "clinic.waiting", "clinic.ward.humidity", "clinic.ward.temperature" }, TelemetryCatalog.Conventions.Metrics.Keys.Order());
        Assert.Equal(new[] { "clinic.record.accessed", "clinic.triage.noted", "clinic.visit.paused", "clinic.vitals_recorded" }, TelemetryCatalog.Conventions.Events.Keys.Order());
        Assert.Equal("{visit}", TelemetryCatalog.Conventions.Metrics["clinic.visits"].Unit);
    }

    [Fact]
    public void Telemetry_from_the_generated_api_conforms()
    {
        using var telemetry = new TestTelemetry();
        using var recorder = new MetricSampleRecorder(telemetry.Meter.Name);
        var patient = TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-7");
        using (var visit = telemetry.Source.StartClinicVisit(patient, "cardiology", ClinicVisitKind.Outpatient))
        {
            visit.SetClinicRoom(4).SetClinicHeader("accept", "json").AddClinicVitalsRecordedEvent(37.1, clinicUrgent: false);
            visit.RecordException(new TimeoutException());
        }
        telemetry.Meter.CreateClinicVisitsCounter().Add(1, "cardiology", ClinicVisitKind.Outpatient, clinicRoom: 4);
        telemetry.Meter.CreateClinicTemperatureGauge().Record(20.5);

        Assert.Empty(Checker.CheckActivities(telemetry.Activities));
        Assert.Equal(2, recorder.Samples.Count);
        Assert.Empty(Checker.CheckMetrics(recorder.Samples));
    }

    [Fact]
    public void Hand_written_telemetry_with_mistakes_is_reported()
    {
        using var telemetry = new TestTelemetry();
        using (var activity = telemetry.Source.StartActivity("clinic.visit", ActivityKind.Client))
        {
            activity!.SetTag("clinic.patient.id", "MRN-0042");
            activity.SetTag("clinic.department", 7);
            activity.SetTag("clinic.diagnosis", "J45.901");
            activity.SetTag("clinic.ward", "B");
            activity.AddEvent(new ActivityEvent("clinic.checked_in"));
        }

        var violations = Checker.CheckActivities(telemetry.Activities);

        Assert.Equal(
            new[]
            {
                ViolationKind.WrongSpanKind,
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

    [Fact]
    public void Metric_mistakes_are_reported()
    {
        using var meter = new Meter("clinic.tests.conformance.metrics");
        using var recorder = new MetricSampleRecorder(meter.Name);
        meter.CreateCounter<long>("clinic.visits", "visits").Add(1, new KeyValuePair<string, object?>("clinic.department", "er"));
        meter.CreateCounter<long>("clinic.unknown").Add(1);

        var violations = Checker.CheckMetrics(recorder.Samples);

        Assert.Equal(new[] { ViolationKind.WrongUnit, ViolationKind.MissingRequiredAttribute, ViolationKind.UndeclaredMetric }, violations.Select(v => v.Kind));
    }
}
