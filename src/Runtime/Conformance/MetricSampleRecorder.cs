using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace TelemetryConventions.Conformance;

/// <summary>
/// Captures every measurement of the named meters with a <see cref="MeterListener"/>, so tests
/// can check metric tags without an SDK exporter. Dispose to stop listening.
/// </summary>
public sealed class MetricSampleRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<MetricSample> _samples = new();

    /// <summary>Starts listening to the meters with these names.</summary>
    public MetricSampleRecorder(params string[] meterNames)
    {
        var names = new HashSet<string>(meterNames, StringComparer.Ordinal);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (names.Contains(instrument.Meter.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, _, tags, _) => Record(instrument, tags));
        _listener.Start();
    }

    /// <summary>The measurements captured so far.</summary>
    public IReadOnlyList<MetricSample> Samples => _samples.ToList();

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _samples.Enqueue(new MetricSample(instrument.Name, instrument.Unit, tags.ToArray()));

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();
}
