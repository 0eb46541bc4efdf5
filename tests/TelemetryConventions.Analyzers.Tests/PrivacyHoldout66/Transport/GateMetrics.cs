namespace PrivacyHoldout66.Transport;

public sealed record Tap(string CardNumber, Guid? RiderId, string StationCode, string GateId, string Line, string Product, DateTimeOffset At);

public sealed record OpenJourney(string CardNumber, string EntryStation, DateTimeOffset EnteredAt);

/// <summary>
/// The gate estate's instruments. Registered as a singleton with the meter of <see cref="IMeterFactory"/>;
/// journeys in progress are held here (entry taps without an exit yet) and observed on collection.
/// </summary>
public sealed class GateMetrics
{
    private readonly ConcurrentDictionary<string, OpenJourney> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _throughputByGate = new(StringComparer.Ordinal);
    private readonly Counter<long> _taps;
    private readonly Histogram<double> _validation;
    private readonly Histogram<double> _journeyMinutes;
    private readonly Gauge<int> _gateQueue;
    private readonly FaresTapsCounter _fareTaps;
    private readonly FaresValidationDurationHistogram _fareValidation;

    public GateMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create("Transit.Gates");
        _taps = Meter.CreateCounter<long>("gates.taps", "{tap}");
        _validation = Meter.CreateHistogram<double>("gates.validation.duration", "ms");
        _journeyMinutes = Meter.CreateHistogram<double>("journeys.duration", "min");
        _gateQueue = Meter.CreateGauge<int>("gates.queue.length", "{person}");
        _fareTaps = Meter.CreateFaresTapsCounter();
        _fareValidation = Meter.CreateFaresValidationDurationHistogram();
        Meter.CreateObservableGauge("journeys.open", () => _open.Values.GroupBy(j => j.EntryStation).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("station", g.Key)))); // clean direct
        Meter.CreateObservableGauge("journeys.open.minutes", ObserveLongJourneys, "min");
        Meter.CreateObservableCounter("gates.throughput", () => _throughputByGate.Select(kv => new Measurement<int>(kv.Value, new KeyValuePair<string, object?>("gate", kv.Key)))); // clean direct
    }

    public Meter Meter { get; }

    public void Entered(Tap tap) => _open[tap.CardNumber] = new OpenJourney(tap.CardNumber, tap.StationCode, tap.At);

    public OpenJourney? Exited(Tap tap) => _open.TryRemove(tap.CardNumber, out var journey) ? journey : null;

    public void Tapped(Tap tap, string outcome, TimeSpan validationTook)
    {
        _throughputByGate.AddOrUpdate(tap.GateId, 1, (_, n) => n + 1);
        _taps.Add(1, new KeyValuePair<string, object?>("station", tap.StationCode), new KeyValuePair<string, object?>("line", tap.Line), new KeyValuePair<string, object?>("outcome", outcome)); // clean direct
        _validation.Record(validationTook.TotalMilliseconds, new KeyValuePair<string, object?>("station", tap.StationCode), new KeyValuePair<string, object?>("gate", tap.GateId));
        _fareTaps.Add(1, tap.StationCode, tap.Product, faresOutcome: outcome); // clean generated-api
        _fareValidation.Record(validationTook.TotalSeconds, tap.StationCode, tap.GateId); // clean generated-api
    }

    public void Journey(OpenJourney journey, Tap exit) =>
        _journeyMinutes.Record((exit.At - journey.EnteredAt).TotalMinutes, new KeyValuePair<string, object?>("from", journey.EntryStation), new KeyValuePair<string, object?>("to", exit.StationCode)); // clean direct

    public void QueueAt(string gateId, int passengerCount) =>
        _gateQueue.Record(passengerCount, new KeyValuePair<string, object?>("gate", gateId), new KeyValuePair<string, object?>("passenger.count.band", Buckets.Of(passengerCount, 5, 20))); // clean precision-names

    public void Refused(Tap tap, string reason) =>
        _fareTaps.Add(1, tap.StationCode, tap.Product, faresOutcome: $"refused:{reason}");

    private IEnumerable<Measurement<double>> ObserveLongJourneys()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var journey in _open.Values.Where(j => now - j.EnteredAt > TimeSpan.FromHours(3)))
        {
            yield return new Measurement<double>((now - journey.EnteredAt).TotalMinutes, new KeyValuePair<string, object?>("station", journey.EntryStation), new KeyValuePair<string, object?>("card", journey.CardNumber)); // leak TC1003 cross-member
        }
    }
}
