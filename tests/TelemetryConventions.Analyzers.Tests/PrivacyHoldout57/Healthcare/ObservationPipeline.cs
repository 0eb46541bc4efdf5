using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Healthcare;

/// <summary>One set of vital signs from a bedside monitor or a patient's home kit.</summary>
public sealed record VitalSignsReading(
    string HospitalNumber,
    string WardCode,
    string BedId,
    string DeviceId,
    int RespiratoryRate,
    int OxygenSaturation,
    int SystolicPressure,
    int HeartRate,
    decimal Temperature,
    bool NewConfusion,
    DateTimeOffset TakenAt);

public sealed record ScoredObservation(VitalSignsReading Reading, int Score, WardNewsBand Band, IReadOnlyList<string> Missing);

/// <summary>Thrown by the observation store when a reading was already stored.</summary>
public sealed class ObservationStoreException(string hospitalNumber, DateTimeOffset takenAt)
    : Exception($"Observation for patient {hospitalNumber} taken at {takenAt:O} is already stored");

/// <summary>Thrown by the scorer on a value no monitor can produce.</summary>
public sealed class ImplausibleObservationException(string parameter, VitalSignsReading reading)
    : Exception($"Implausible {parameter} in the set taken at {reading.TakenAt:O} for {reading.HospitalNumber}");

public interface IObservationStore
{
    Task SaveAsync(IReadOnlyList<ScoredObservation> observations, CancellationToken cancellationToken);
}

public interface IOutreachPager
{
    Task PageAsync(string wardCode, string bedId, int score, CancellationToken cancellationToken);
}

/// <summary>Thrown by the paging gateway's client; its message is the gateway's status line.</summary>
public sealed class PagerGatewayException(int status) : Exception($"Paging gateway answered {status}")
{
    public int Status { get; } = status;
}

/// <summary>
/// The early-warning pipeline: readings are scored in parallel, stored in batches of 200 and, when
/// the score is high, escalated to the outreach team.
/// </summary>
public sealed class ObservationPipeline : IAsyncDisposable
{
    private static readonly ActivitySource Source = new("Ward.Observations");

    private readonly ILogger<ObservationPipeline> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Meter _meter;
    private readonly IObservationStore _store;
    private readonly IOutreachPager _pager;
    private readonly Counter<long> _dropped;

    private readonly BufferBlock<VitalSignsReading> _inbox;
    private readonly TransformBlock<VitalSignsReading, ScoredObservation> _scorer;
    private readonly BroadcastBlock<ScoredObservation> _fanOut;
    private readonly BatchBlock<ScoredObservation> _batcher;
    private readonly ActionBlock<ScoredObservation[]> _writer;
    private readonly ActionBlock<ScoredObservation> _escalator;

    public ObservationPipeline(ILogger<ObservationPipeline> logger, Pseudonymizer pseudonymizer, Meter meter, IObservationStore store, IOutreachPager pager, EscalationFeed board)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _meter = meter;
        _store = store;
        _pager = pager;
        _dropped = meter.CreateCounter<long>("ward.observations.dropped");

        _inbox = new BufferBlock<VitalSignsReading>(new DataflowBlockOptions { BoundedCapacity = 5_000 });
        _scorer = new TransformBlock<VitalSignsReading, ScoredObservation>(
            reading =>
            {
                var scored = EarlyWarning.Score(reading);
                if (scored.Missing.Count > 0)
                {
                    _logger.LogDebug("Incomplete set for {HospitalNumber}: missing {Missing}", reading.HospitalNumber, string.Join(",", scored.Missing)); // leak TC1001 direct
                    _logger.LogDebug("Incomplete set on {Ward} bed {Bed}: {MissingCount} parameters missing", reading.WardCode, reading.BedId, scored.Missing.Count); // clean precision-about
                }
                _meter.CreateWardObservationsCounter().Add(1, reading.WardCode, scored.Band); // clean generated-api
                return scored;
            },
            new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = 4, BoundedCapacity = 1_000 });
        _fanOut = new BroadcastBlock<ScoredObservation>(o => o);
        _batcher = new BatchBlock<ScoredObservation>(200);
        _writer = new ActionBlock<ScoredObservation[]>(WriteBatchAsync, new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = 1 });
        _escalator = new ActionBlock<ScoredObservation>(EscalateAsync, new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = 2 });

        var propagate = new DataflowLinkOptions { PropagateCompletion = true };
        _inbox.LinkTo(_scorer, propagate);
        _scorer.LinkTo(_fanOut, propagate);
        _fanOut.LinkTo(_batcher, propagate);
        _fanOut.LinkTo(_escalator, propagate, o => o.Band == WardNewsBand.High);
        _fanOut.LinkTo(new ActionBlock<ScoredObservation>(board.OnNext));
        _batcher.LinkTo(_writer, propagate);

        _scorer.Completion.ContinueWith(
            t => _logger.LogError(t.Exception, "Scoring stopped; {Queued} readings left in the inbox", _inbox.Count), // leak TC1001 exceptions
            TaskContinuationOptions.OnlyOnFaulted);
        _scorer.Completion.ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                board.OnError(t.Exception!);
            }
            else
            {
                board.OnCompleted();
            }
        });
    }

    public async Task<bool> AcceptAsync(VitalSignsReading reading, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            if (await _inbox.SendAsync(reading, timeout.Token))
            {
                return true;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        _dropped.Add(1, new KeyValuePair<string, object?>("ward.code", reading.WardCode)); // clean direct
        _logger.LogWarning("Pipeline full, dropped {Reading}", reading); // leak TC1001 logging-objects
        Activity.Current?.AddEvent(new ActivityEvent($"observation dropped for {reading.HospitalNumber}")); // leak TC1001 strings
        return false;
    }

    private async Task WriteBatchAsync(ScoredObservation[] batch)
    {
        foreach (var ward in batch.GroupBy(o => o.Reading.WardCode))
        {
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartWardObservationsIngest(ward.Key) // clean generated-api
                .SetWardBatchSize(ward.Count())
                .SetWardDeviceId(ward.First().Reading.DeviceId); // clean precision-names
            try
            {
                await _store.SaveAsync(ward.ToList(), CancellationToken.None);
            }
            catch (ObservationStoreException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                _logger.LogError(ex, "Storing {Count} observations for {Ward} failed", ward.Count(), ward.Key); // leak TC1001 exceptions
                span.SetWardNote($"store rejected {ward.Count()} rows, first bed {ward.First().Reading.BedId}"); // clean generated-api
            }
            _meter.CreateWardBatchDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, ward.Key); // clean generated-api
        }
    }

    private async Task EscalateAsync(ScoredObservation observation)
    {
        var reading = observation.Reading;
        var patient = _pseudonymizer.PseudonymizeWardPatientId(reading.HospitalNumber);
        using var span = Source.StartWardEscalation(patient, observation.Band) // clean precision-pseudonym
            .SetWardCode(reading.WardCode)
            .SetWardBedId(reading.BedId); // clean precision-names
        span.SetWardNote($"NEWS2 {observation.Score}, SpO2 {reading.OxygenSaturation}"); // clean generated-api
        try
        {
            await _pager.PageAsync(reading.WardCode, reading.BedId, observation.Score, CancellationToken.None);
            _logger.LogWardEscalationRaisedEvent(observation.Band, patient, reading.WardCode); // clean precision-pseudonym
        }
        catch (PagerGatewayException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            _logger.LogError(ex, "Could not page outreach for {Ward} bed {Bed}, patient {Patient}", reading.WardCode, reading.BedId, reading.HospitalNumber); // leak TC1001 direct
        }
    }

    public async ValueTask DisposeAsync()
    {
        _inbox.Complete();
        await Task.WhenAll(_writer.Completion, _escalator.Completion);
        _logger.LogInformation("Observation pipeline drained: {Pending} batches pending, {Escalations} escalations pending", _writer.InputCount, _escalator.InputCount);
    }
}

/// <summary>The national early warning score, NEWS2.</summary>
public static class EarlyWarning
{
    public static ScoredObservation Score(VitalSignsReading reading)
    {
        if (reading.OxygenSaturation is < 40 or > 100)
        {
            throw new ImplausibleObservationException("SpO2", reading);
        }

        var missing = new List<string>();
        var total = 0;
        total += reading.RespiratoryRate switch { 0 => Missing("rr"), <= 8 => 3, <= 11 => 1, <= 20 => 0, <= 24 => 2, _ => 3 };
        total += reading.OxygenSaturation switch { <= 91 => 3, <= 93 => 2, <= 95 => 1, _ => 0 };
        total += reading.SystolicPressure switch { 0 => Missing("sbp"), <= 90 => 3, <= 100 => 2, <= 110 => 1, <= 219 => 0, _ => 3 };
        total += reading.HeartRate switch { 0 => Missing("hr"), <= 40 => 3, <= 50 => 1, <= 90 => 0, <= 110 => 1, <= 130 => 2, _ => 3 };
        total += reading.NewConfusion ? 3 : 0;
        var band = total >= 7 ? WardNewsBand.High : total >= 5 ? WardNewsBand.Medium : WardNewsBand.Low;
        return new ScoredObservation(reading, total, band, missing);

        int Missing(string parameter)
        {
            missing.Add(parameter);
            return 0;
        }
    }
}
