using System.Runtime.CompilerServices;

namespace TelemetryConventions.Api.Tests;

/// <summary>
/// The generated <c>meter.Create…()</c> factories return one wrapper per meter, so code can call
/// them where it records instead of keeping the wrapper in a field.
/// </summary>
public sealed class InstrumentCacheTests
{
    private static int _meters;

    private static string UniqueName() => "clinic.cache.tests." + Interlocked.Increment(ref _meters);

    [Fact]
    public void The_same_meter_gives_the_same_wrapper_and_instrument()
    {
        using var meter = new Meter(UniqueName());

        var first = meter.CreateClinicVisitsCounter();
        var second = meter.CreateClinicVisitsCounter();

        Assert.Same(first, second);
        Assert.Same(first.Instrument, second.Instrument);
        Assert.Same(meter.CreateClinicVisitDurationHistogram(), meter.CreateClinicVisitDurationHistogram());
        Assert.Same(meter.CreateClinicWaitingUpDownCounter(), meter.CreateClinicWaitingUpDownCounter());
        Assert.Same(meter.CreateClinicTemperatureGauge(), meter.CreateClinicTemperatureGauge());
    }

    [Fact]
    public void Different_meters_get_different_instruments_even_with_the_same_name()
    {
        var name = UniqueName();
        using var one = new Meter(name);
        using var other = new Meter(name);

        var fromOne = one.CreateClinicVisitsCounter();
        var fromOther = other.CreateClinicVisitsCounter();

        Assert.NotSame(fromOne, fromOther);
        Assert.NotSame(fromOne.Instrument, fromOther.Instrument);
        Assert.Same(one, fromOne.Instrument.Meter);
        Assert.Same(other, fromOther.Instrument.Meter);
    }

    [Fact]
    public void Concurrent_first_calls_create_one_instrument()
    {
        using var meter = new Meter(UniqueName());
        var published = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter == meter)
                {
                    Interlocked.Increment(ref published);
                }
            },
        };
        listener.Start();
        using var start = new Barrier(8);

        var wrappers = new ClinicVisitsCounter[8];
        Parallel.For(0, wrappers.Length, new ParallelOptions { MaxDegreeOfParallelism = wrappers.Length }, i =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(10));
            wrappers[i] = meter.CreateClinicVisitsCounter();
        });

        Assert.All(wrappers, w => Assert.Same(wrappers[0], w));
        Assert.Equal(1, published);
    }

    [Fact]
    public void Measurements_through_the_factory_reach_a_meter_listener()
    {
        using var meter = new Meter(UniqueName());
        var seen = new List<(long Value, Dictionary<string, object?> Tags)>();
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
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            seen.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        // Called where the measurement is made, as the samples do: no field holds the wrapper.
        for (var i = 1; i <= 3; i++)
        {
            meter.CreateClinicVisitsCounter().Add(i, "cardiology", ClinicVisitKind.Emergency, clinicRoom: 7);
        }

        Assert.Equal(new long[] { 1, 2, 3 }, seen.Select(s => s.Value));
        Assert.All(seen, s => Assert.Equal(new Dictionary<string, object?>
        {
            ["clinic.department"] = "cardiology",
            ["clinic.visit.kind"] = "emergency",
            ["clinic.room"] = 7L,
        }, s.Tags));
    }

    [Fact]
    public void A_null_meter_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>("meter", () => TelemetryMetrics.CreateClinicVisitsCounter(null!));
    }

    [Fact]
    public void The_cache_does_not_keep_a_disposed_meter_alive()
    {
        var (meter, wrapper) = CreateAndDispose();

        for (var attempt = 0; attempt < 10 && (meter.IsAlive || wrapper.IsAlive); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(meter.IsAlive, "the disposed meter is still reachable");
        Assert.False(wrapper.IsAlive, "the wrapper of a collected meter is still reachable");
    }

    /// <summary>
    /// A meter is held by the runtime's list of meters until it is disposed; after that, only the
    /// cache could keep it. Kept out of line so that no local of the test method holds either.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Meter, WeakReference Wrapper) CreateAndDispose()
    {
        var meter = new Meter(UniqueName());
        var wrapper = meter.CreateClinicWaitingUpDownCounter();
        wrapper.Add(1, clinicDepartment: "er");
        Assert.Same(wrapper, meter.CreateClinicWaitingUpDownCounter());
        meter.Dispose();
        return (new WeakReference(meter), new WeakReference(wrapper));
    }
}
