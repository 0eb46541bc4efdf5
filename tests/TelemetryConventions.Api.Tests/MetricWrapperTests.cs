namespace TelemetryConventions.Api.Tests;

public sealed class MetricWrapperTests
{
    [Fact]
    public void Counter_records_with_typed_tags_name_unit_and_description()
    {
        using var telemetry = new TestTelemetry();
        var visits = telemetry.Meter.CreateClinicVisitsCounter();

        visits.Add(1, "cardiology", ClinicVisitKind.Emergency, clinicPriority: ClinicPriority.Low, clinicUrgent: false, clinicRoom: 5);
        visits.Add(2, "cardiology", ClinicVisitKind.Emergency, clinicPriority: ClinicPriority.Low, clinicUrgent: false, clinicRoom: 5);

        var point = Assert.Single(telemetry.Points("clinic.visits"));
        Assert.Equal(3, point.GetSumLong());
        Assert.Equal(new Dictionary<string, object?>
        {
            ["clinic.department"] = "cardiology",
            ["clinic.visit.kind"] = "emergency",
            ["clinic.priority"] = 1L,
            ["clinic.urgent"] = false,
            ["clinic.room"] = 5L,
        }, TestTelemetry.Tags(point));
        var metric = telemetry.Metrics.First(m => m.Name == "clinic.visits");
        Assert.Equal("{visit}", metric.Unit);
        Assert.Equal("Visits started.", metric.Description);
        Assert.Equal(ClinicVisitsCounter.Name, metric.Name);
    }

    [Fact]
    public void Each_instrument_kind_maps_to_its_dotnet_instrument()
    {
        using var telemetry = new TestTelemetry();
        Assert.IsType<Counter<long>>(telemetry.Meter.CreateClinicVisitsCounter().Instrument);
        Assert.IsType<Histogram<double>>(telemetry.Meter.CreateClinicVisitDurationHistogram().Instrument);
        Assert.IsType<UpDownCounter<long>>(telemetry.Meter.CreateClinicWaitingUpDownCounter().Instrument);
        Assert.IsType<Gauge<double>>(telemetry.Meter.CreateClinicTemperatureGauge().Instrument);
    }

    [Fact]
    public void Histogram_bucket_boundaries_from_the_conventions_reach_the_sdk()
    {
        using var telemetry = new TestTelemetry();
        var durations = telemetry.Meter.CreateClinicVisitDurationHistogram();
        durations.Record(120, "cardiology");
        durations.Record(4000, "cardiology");

        var point = Assert.Single(telemetry.Points("clinic.visit.duration"));
        var buckets = new List<(double Bound, long Count)>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            buckets.Add((bucket.ExplicitBound, bucket.BucketCount));
        }
        Assert.Equal(new[] { 60, 300, 900, 1800, 3600, 7200, double.PositiveInfinity }, buckets.Select(b => b.Bound));
        Assert.Equal(new long[] { 0, 1, 0, 0, 0, 1, 0 }, buckets.Select(b => b.Count));
        Assert.Equal(new[] { 60d, 300, 900, 1800, 3600, 7200 }, ClinicVisitDurationHistogram.BucketBoundaries);
    }

    [Fact]
    public void Histogram_gauge_and_updowncounter_record_values()
    {
        using var telemetry = new TestTelemetry();
        telemetry.Meter.CreateClinicVisitDurationHistogram().Record(12.5, "cardiology");
        var waiting = telemetry.Meter.CreateClinicWaitingUpDownCounter();
        waiting.Add(3, clinicDepartment: "er");
        waiting.Add(-1, clinicDepartment: "er");
        telemetry.Meter.CreateClinicTemperatureGauge().Record(21.5);

        var histogram = Assert.Single(telemetry.Points("clinic.visit.duration"));
        Assert.Equal(1, histogram.GetHistogramCount());
        Assert.Equal(12.5, histogram.GetHistogramSum());
        Assert.Equal(2, Assert.Single(telemetry.Points("clinic.waiting")).GetSumLong());
        Assert.Equal(21.5, Assert.Single(telemetry.Points("clinic.ward.temperature")).GetGaugeLastValueDouble());
    }
}
