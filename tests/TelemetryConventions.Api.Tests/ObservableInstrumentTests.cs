namespace TelemetryConventions.Api.Tests;

/// <summary>
/// Metrics annotated <c>observable: true</c>: a registration that takes the callback, and a typed
/// <c>Measure</c> that builds each measurement with the same parameters as a synchronous wrapper.
/// </summary>
public sealed class ObservableInstrumentTests
{
    private static int _meters;

    private static Meter NewMeter() => new("clinic.observable.tests." + Interlocked.Increment(ref _meters));

    [Fact]
    public void A_listener_recording_observable_instruments_sees_the_typed_tags()
    {
        using var meter = NewMeter();
        var beds = meter.CreateClinicBedsOccupiedObservableUpDownCounter(() =>
        [
            ClinicBedsOccupiedObservableUpDownCounter.Measure(12, "cardiology", clinicPriority: ClinicPriority.High, clinicUrgent: true),
            ClinicBedsOccupiedObservableUpDownCounter.Measure(3, "er"),
        ]);
        var seen = new List<(Instrument Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.Add((instrument, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(2, seen.Count);
        Assert.All(seen, s => Assert.Same(beds, s.Instrument));
        Assert.Equal(12, seen[0].Value);
        Assert.Equal(new Dictionary<string, object?>
        {
            ["clinic.department"] = "cardiology",
            ["clinic.priority"] = 3L,
            ["clinic.urgent"] = true,
        }, seen[0].Tags);
        Assert.Equal(3, seen[1].Value);
        Assert.Equal(new Dictionary<string, object?> { ["clinic.department"] = "er" }, seen[1].Tags);
        Assert.IsType<ObservableUpDownCounter<long>>(beds);
        Assert.Equal(("clinic.beds.occupied", "{bed}", "Beds occupied."), (beds.Name, beds.Unit, beds.Description));
    }

    [Fact]
    public void Measure_takes_required_attributes_as_required_parameters_and_has_none_for_a_redacted_one()
    {
        var parameters = typeof(ClinicBedsOccupiedObservableUpDownCounter).GetMethod(nameof(ClinicBedsOccupiedObservableUpDownCounter.Measure))!.GetParameters();

        Assert.Equal(new[] { "value", "clinicDepartment", "clinicPriority", "clinicUrgent" }, parameters.Select(p => p.Name));
        Assert.False(parameters[1].HasDefaultValue);
        Assert.True(parameters[2].HasDefaultValue);
        // clinic.diagnosis is declared on the metric but redacted: there is no way to pass it.
        Assert.DoesNotContain(parameters, p => p.Name!.Contains("diagnosis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Observed_values_reach_the_sdk_at_collection()
    {
        using var telemetry = new TestTelemetry();
        var delivered = 0.0;
        telemetry.Meter.CreateClinicOxygenDeliveredObservableCounter(() => [ClinicOxygenDeliveredObservableCounter.Measure(delivered, "icu")]);
        telemetry.Meter.CreateClinicHumidityObservableGauge(() => [ClinicHumidityObservableGauge.Measure(41.5)]);

        delivered = 120.5;
        var first = Assert.Single(telemetry.Points("clinic.oxygen.delivered"));
        delivered = 180;
        var second = Assert.Single(telemetry.Points("clinic.oxygen.delivered"));

        Assert.Equal(120.5, first.GetSumDouble());
        Assert.Equal(180, second.GetSumDouble());
        Assert.Equal(new Dictionary<string, object?> { ["clinic.department"] = "icu" }, TestTelemetry.Tags(second));
        var humidity = Assert.Single(telemetry.Points("clinic.ward.humidity"));
        Assert.Equal(41.5, humidity.GetGaugeLastValueDouble());
        Assert.Empty(TestTelemetry.Tags(humidity));
    }

    [Fact]
    public void Each_registration_is_its_own_instrument()
    {
        using var meter = NewMeter();

        var first = meter.CreateClinicHumidityObservableGauge(() => [ClinicHumidityObservableGauge.Measure(40)]);
        var second = meter.CreateClinicHumidityObservableGauge(() => [ClinicHumidityObservableGauge.Measure(50)]);

        // The callback is the registration: unlike Create…Counter(), these are not merged per meter.
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Null_arguments_are_argument_errors()
    {
        using var meter = NewMeter();
        Assert.Throws<ArgumentNullException>("observe", () => meter.CreateClinicHumidityObservableGauge(null!));
        Assert.Throws<ArgumentNullException>("meter", () => TelemetryMetrics.CreateClinicHumidityObservableGauge(null!, () => []));
    }
}
