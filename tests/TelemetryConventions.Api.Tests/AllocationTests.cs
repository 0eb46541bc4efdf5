using OpenTelemetry.Trace;

namespace TelemetryConventions.Api.Tests;

/// <summary>
/// The zero-allocation claims, checked as facts (bytes allocated on this thread), not timed.
/// Each test warms up first so one-time costs (JIT, static boxes, first series) are excluded.
/// </summary>
public sealed class AllocationTests
{
    private const int Calls = 1000;

    [Fact]
    public void Starting_a_span_that_nothing_listens_to_allocates_nothing_and_computes_no_pseudonym()
    {
        using var source = new ActivitySource("clinic.tests.unheard");
        var patients = DistinctPseudonyms(Calls);
        StartAll(source, patients);

        var before = GC.GetAllocatedBytesForCurrentThread();
        StartAll(source, patients);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_span_that_is_not_sampled_computes_no_pseudonym()
    {
        using var telemetry = new TestTelemetry(new AlwaysOffSampler());
        StartAll(telemetry.Source, DistinctPseudonyms(Calls));

        // A dropped span still costs the propagation-only Activity that .NET creates. Compare with
        // pseudonyms whose text already exists: if the wrapper computed the deferred ones, each would
        // allocate its text (over 60 bytes) on top.
        var deferred = AllocatedWhileStarting(telemetry.Source, DistinctPseudonyms(Calls));
        var precomputed = AllocatedWhileStarting(telemetry.Source, Precomputed(Calls));

        Assert.InRange((deferred - precomputed) / (double)Calls, -8, 8);
    }

    private static long AllocatedWhileStarting(ActivitySource source, Pseudonym[] patients)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        StartAll(source, patients);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Metric_calls_with_typed_tags_allocate_nothing()
    {
        using var telemetry = new TestTelemetry();
        var visits = telemetry.Meter.CreateClinicVisitsCounter();
        var durations = telemetry.Meter.CreateClinicVisitDurationHistogram();
        for (var i = 0; i < 10; i++)
        {
            Record(visits, durations);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            Record(visits, durations);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Record(ClinicVisitsCounter visits, ClinicVisitDurationHistogram durations)
    {
        visits.Add(1, "cardiology", ClinicVisitKind.Outpatient, clinicPriority: ClinicPriority.High, clinicUrgent: true, clinicRoom: 204);
        durations.Record(42.0, "cardiology");
    }

    [Fact]
    public void Asking_the_meter_for_its_wrapper_again_allocates_nothing()
    {
        // The factories share one cached lookup (TelemetryConventionsSupport.WrapperFor) and pass it a
        // lambda that captures nothing, so after the first call neither the lookup nor the delegate allocates.
        using var telemetry = new TestTelemetry();
        Record(telemetry.Meter.CreateClinicVisitsCounter(), telemetry.Meter.CreateClinicVisitDurationHistogram());

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            Record(telemetry.Meter.CreateClinicVisitsCounter(), telemetry.Meter.CreateClinicVisitDurationHistogram());
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void StartAll(ActivitySource source, Pseudonym[] patients)
    {
        foreach (var patient in patients)
        {
            using var visit = source.StartClinicVisit(patient, "cardiology", ClinicVisitKind.Outpatient);
            visit.SetClinicRoom(3);
        }
    }

    private static Pseudonym[] Precomputed(int count) =>
        Enumerable.Range(0, count)
            .Select(i => Pseudonym.FromComputed(TestTelemetry.Pseudonymizer.Compute(ClinicAttributes.PatientId, "MRN-" + Guid.NewGuid().ToString("N"))))
            .ToArray();

    private static Pseudonym[] DistinctPseudonyms(int count) =>
        Enumerable.Range(0, count)
            .Select(i => TestTelemetry.Pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, "MRN-" + Guid.NewGuid().ToString("N")))
            .ToArray();
}
