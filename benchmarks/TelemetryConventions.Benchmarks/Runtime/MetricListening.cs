using System.Diagnostics.Metrics;

namespace TelemetryConventions.Benchmarks.Runtime;

/// <summary>
/// A <see cref="MeterListener"/> that enables every instrument of one meter and drops the measurements, so
/// instruments are <c>Enabled</c> and each call pays for delivering its tags, but not for an SDK's aggregation.
/// </summary>
public sealed class MetricListenerScope : IDisposable
{
    private readonly MeterListener _listener = new();

    public MetricListenerScope(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        // The callbacks count, so the check mode can prove that each benchmark delivered its measurement;
        // the same two stores happen in every variant, so they do not bias the ratios.
        _listener.SetMeasurementEventCallback<long>(static (_, _, tags, _) => Count(tags.Length));
        _listener.SetMeasurementEventCallback<double>(static (_, _, tags, _) => Count(tags.Length));
        _listener.Start();
    }

    /// <summary>Measurements delivered so far, by any instance.</summary>
    public static long Measurements { get; private set; }

    /// <summary>The number of tags of the last measurement delivered.</summary>
    public static int LastTagCount { get; private set; }

    private static void Count(int tagCount)
    {
        Measurements++;
        LastTagCount = tagCount;
    }

    public void Dispose() => _listener.Dispose();
}
