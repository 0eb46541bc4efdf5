namespace TelemetryConventions.Api.Tests;

/// <summary>Span events cost what the .NET event itself costs: no empty tag collection of their own.</summary>
public sealed class EventAllocationTests
{
    private const int Calls = 1000;

    [Fact]
    public void An_event_without_attributes_allocates_no_more_than_a_bare_ActivityEvent()
    {
        using var telemetry = new TestTelemetry();
        var patient = TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-7");
        using var visit = telemetry.Source.StartClinicVisit(patient, "cardiology", ClinicVisitKind.Outpatient);
        var activity = visit.Activity!;
        AddGenerated(visit, 10);
        AddBare(activity, 10);

        var before = GC.GetAllocatedBytesForCurrentThread();
        AddGenerated(visit, Calls);
        var generated = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        AddBare(activity, Calls);
        var bare = GC.GetAllocatedBytesForCurrentThread() - before;

        // An empty ActivityTagsCollection is 40 bytes or more; the difference per call stays well below.
        Assert.InRange((generated - bare) / (double)Calls, -8, 8);
        Assert.All(activity.Events, e => Assert.Empty(e.Tags));
    }

    [Fact]
    public void Optional_attributes_left_out_allocate_no_tag_collection()
    {
        using var telemetry = new TestTelemetry();
        using var activity = telemetry.Source.StartActivity("paused")!;

        activity.AddClinicVisitPausedEvent();

        var paused = Assert.Single(activity.Events);
        Assert.Equal("clinic.visit.paused", paused.Name);
        Assert.Empty(paused.Tags);
    }

    private static void AddGenerated(ClinicVisitSpan visit, int count)
    {
        for (var i = 0; i < count; i++)
        {
            visit.AddClinicVisitPausedEvent();
        }
    }

    private static void AddBare(Activity activity, int count)
    {
        for (var i = 0; i < count; i++)
        {
            activity.AddEvent(new ActivityEvent("clinic.visit.paused"));
        }
    }
}
