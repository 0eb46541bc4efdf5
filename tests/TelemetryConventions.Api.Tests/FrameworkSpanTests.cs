namespace TelemetryConventions.Api.Tests;

/// <summary>
/// Most spans of a web service are started by ASP.NET Core, gRPC or HttpClient instrumentation; the service enriches
/// them. The generated Enrich method applies a span's typed attributes to such an activity and never ends it.
/// </summary>
public sealed class FrameworkSpanTests
{
    [Fact]
    public void Enrich_sets_the_required_and_optional_attributes_on_the_current_activity_and_never_ends_it()
    {
        using var telemetry = new TestTelemetry();
        var patient = TestTelemetry.Pseudonymizer.PseudonymizeClinicPatientId("MRN-0042");

        // What ASP.NET Core's instrumentation does for a request: its own source, its own activity.
        using var framework = new ActivitySource("Microsoft.AspNetCore.Test." + Guid.NewGuid());
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == framework,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var request = framework.StartActivity("POST /visits", ActivityKind.Server)!;

        using (var visit = Activity.Current.EnrichClinicVisit(patient, "cardiology", ClinicVisitKind.Emergency))
        {
            visit.SetClinicRoom(7);
        }

        Assert.Same(request, Activity.Current);
        Assert.False(request.IsStopped);
        Assert.Equal(TestTelemetry.Pseudonymizer.ComputeClinicPatientId("MRN-0042"), request.GetTagItem(ClinicAttributes.PatientId));
        Assert.Equal("cardiology", request.GetTagItem(ClinicAttributes.Department));
        Assert.Equal("emergency", request.GetTagItem(ClinicAttributes.VisitKind));
        Assert.Equal(7L, request.GetTagItem(ClinicAttributes.Room));
    }

    [Fact]
    public void A_wrapper_around_an_activity_started_elsewhere_never_ends_it_but_a_started_one_ends()
    {
        using var telemetry = new TestTelemetry();
        using var other = telemetry.Source.StartActivity("started elsewhere")!;
        using (new ClinicVisitSpan(other))
        {
        }
        Assert.False(other.IsStopped);

        var started = telemetry.Source.StartClinicVisit(TestTelemetry.Pseudonymizer.PseudonymizeClinicPatientId("MRN-1"), "oncology", ClinicVisitKind.Outpatient);
        started.Dispose();
        Assert.True(started.Activity!.IsStopped);
    }

    [Fact]
    public void Enrich_does_nothing_without_an_activity_or_when_it_is_not_recording()
    {
        var patient = TestTelemetry.Pseudonymizer.PseudonymizeClinicPatientId("MRN-2");
        Assert.Null(((Activity?)null).EnrichClinicVisit(patient, "icu", ClinicVisitKind.Outpatient).Activity);

        using var unrecorded = new Activity("propagation only");
        unrecorded.ActivityTraceFlags = ActivityTraceFlags.None;
        unrecorded.IsAllDataRequested = false;
        unrecorded.EnrichClinicVisit(patient, "icu", ClinicVisitKind.Outpatient).SetClinicRoom(3);
        Assert.Empty(unrecorded.TagObjects);
    }
}
