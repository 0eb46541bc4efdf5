namespace TelemetryConventions.Api.Tests;

/// <summary>
/// A failure recorded in one call: the span's status, its <c>error.type</c> and exception event,
/// and the same <c>error.type</c> on the metrics that declare it.
/// </summary>
public sealed class ErrorRecordingTests
{
    private static Pseudonym Patient => TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-9");

    [Fact]
    public void RecordException_takes_the_status_description_and_sets_error_type()
    {
        using var telemetry = new TestTelemetry();

        using (var visit = telemetry.Source.StartClinicVisit(Patient, "cardiology", ClinicVisitKind.Outpatient))
        {
            visit.RecordException(Thrown(new TimeoutException("patient MRN-9 timed out")), "records exchange did not answer in time");
        }

        var activity = Assert.Single(telemetry.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("records exchange did not answer in time", activity.StatusDescription);
        Assert.Equal("System.TimeoutException", activity.GetTagItem("error.type"));
        var exception = Assert.Single(activity.Events);
        Assert.Equal("exception", exception.Name);
        Assert.DoesNotContain(exception.Tags, t => t.Key == "exception.message");
    }

    [Fact]
    public void Without_a_description_the_status_names_the_exception_type()
    {
        using var telemetry = new TestTelemetry();

        using (var visit = telemetry.Source.StartClinicVisit(Patient, "cardiology", ClinicVisitKind.Outpatient))
        {
            visit.RecordException(new InvalidOperationException("MRN-9"));
        }

        var activity = Assert.Single(telemetry.Activities);
        Assert.Equal("System.InvalidOperationException", activity.StatusDescription);
    }

    [Fact]
    public void The_message_is_recorded_only_when_asked_and_never_becomes_the_status()
    {
        using var telemetry = new TestTelemetry();

        using (var visit = telemetry.Source.StartClinicVisit(Patient, "cardiology", ClinicVisitKind.Outpatient))
        {
            visit.RecordException(new InvalidOperationException("queue full"), "triage failed", includeMessage: true);
        }

        var activity = Assert.Single(telemetry.Activities);
        Assert.Equal("triage failed", activity.StatusDescription);
        Assert.Equal("queue full", Assert.Single(activity.Events).Tags.Single(t => t.Key == "exception.message").Value);
    }

    [Fact]
    public void A_metric_that_declares_error_type_records_a_failure_with_the_spans_error_type()
    {
        using var telemetry = new TestTelemetry();
        var durations = telemetry.Meter.CreateClinicVisitDurationHistogram();
        var failure = Thrown(new TimeoutException());

        using (var visit = telemetry.Source.StartClinicVisit(Patient, "cardiology", ClinicVisitKind.Outpatient))
        {
            visit.RecordException(failure, "visit aborted");
        }
        durations.RecordFailure(120, failure, "cardiology");
        durations.Record(300, "cardiology");

        var points = telemetry.Points("clinic.visit.duration");
        Assert.Equal(2, points.Count);
        var failed = Assert.Single(points, p => TestTelemetry.Tags(p).ContainsKey("error.type"));
        Assert.Equal(new Dictionary<string, object?>
        {
            ["clinic.department"] = "cardiology",
            ["error.type"] = Assert.Single(telemetry.Activities).GetTagItem("error.type"),
        }, TestTelemetry.Tags(failed));
        Assert.Equal("System.TimeoutException", TestTelemetry.Tags(failed)["error.type"]);
    }

    [Fact]
    public void Only_metrics_that_declare_error_type_get_a_failure_method()
    {
        Assert.NotNull(typeof(ClinicVisitDurationHistogram).GetMethod("RecordFailure"));
        Assert.Null(typeof(ClinicVisitsCounter).GetMethod("AddFailure"));
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
