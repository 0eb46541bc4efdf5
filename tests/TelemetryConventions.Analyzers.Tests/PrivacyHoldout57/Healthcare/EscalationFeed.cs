using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Healthcare;

public sealed record Acknowledgement(string StaffNumber, string Role, DateTimeOffset At);

public interface INextOfKinNotifier
{
    Task NotifyAsync(string hospitalNumber, CancellationToken cancellationToken);
}

/// <summary>Thrown by the SMS notifier when the next of kin's number does not take messages.</summary>
public sealed class NextOfKinUnreachableException(string phoneNumber, string reason)
    : Exception($"Next of kin at {phoneNumber} unreachable: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Scored observations as a live feed for the outreach team's board: high scores wait for a
/// clinician's acknowledgement, repeated high scores of one patient notify the next of kin, and a
/// readmission watcher follows the patients who were escalated.
/// </summary>
public sealed class EscalationFeed : IObserver<ScoredObservation>, IDisposable
{
    private static readonly ActivitySource Source = new("Ward.Escalations");

    private readonly Subject<ScoredObservation> _scored = new();
    private readonly List<IDisposable> _subscriptions = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Acknowledgement>> _awaiting = new();
    private readonly ILogger<EscalationFeed> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Histogram<double> _ackMinutes;

    public EscalationFeed(ILogger<EscalationFeed> logger, Pseudonymizer pseudonymizer, Meter meter, INextOfKinNotifier notifier, ReadmissionWatcher watcher)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _ackMinutes = meter.CreateHistogram<double>("ward.escalation.ack_minutes", "min");

        _subscriptions.Add(_scored
            .Where(o => o.Band == WardNewsBand.High)
            .Subscribe(
                o =>
                {
                    Activity.Current?.SetTag("ward.patient.id", o.Reading.HospitalNumber); // leak TC1001 direct
                    _ = AwaitAcknowledgementAsync(o);
                },
                ex => _logger.LogError(ex, "Escalation feed faulted"))); // leak TC1001 exceptions

        _subscriptions.Add(_scored
            .Where(o => o.Band != WardNewsBand.Low)
            .GroupBy(o => o.Reading.HospitalNumber)
            .Subscribe(patient => patient
                .Buffer(3)
                .Subscribe(async three =>
                {
                    _logger.LogInformation("Three raised scores in a row for {Patient}; notifying next of kin", patient.Key); // leak TC1001 cross-member
                    _logger.LogInformation("Three raised scores in a row on {Ward}, last {Score}", three[2].Reading.WardCode, three[2].Score); // clean precision-about
                    try
                    {
                        await notifier.NotifyAsync(patient.Key, CancellationToken.None);
                    }
                    catch (NextOfKinUnreachableException ex)
                    {
                        _logger.LogWarning(ex, "Next of kin not notified"); // leak TC1001 exceptions
                        _logger.LogWarning("Next of kin not notified: {Reason}", ex.Reason); // clean exceptions
                    }
                })));

        _subscriptions.Add(_scored
            .Where(o => o.Band == WardNewsBand.High)
            .Select(o => o.Reading.HospitalNumber)
            .Subscribe(watcher));
    }

    public void OnNext(ScoredObservation value) => _scored.OnNext(value);

    public void OnError(Exception error) => _scored.OnError(error);

    public void OnCompleted() => _scored.OnCompleted();

    /// <summary>Called by the board when a clinician takes the escalation.</summary>
    public bool Acknowledge(string hospitalNumber, Acknowledgement acknowledgement) =>
        _awaiting.TryRemove(hospitalNumber, out var waiting) && waiting.TrySetResult(acknowledgement);

    private async Task AwaitAcknowledgementAsync(ScoredObservation observation)
    {
        var reading = observation.Reading;
        var waiting = _awaiting.GetOrAdd(reading.HospitalNumber, _ => new TaskCompletionSource<Acknowledgement>(TaskCreationOptions.RunContinuationsAsynchronously));
        _logger.LogDebug("Awaiting acknowledgement for {Count} patients", _awaiting.Count); // clean precision-about
        _logger.LogDebug("Awaiting acknowledgement for {Patients}", _awaiting.Keys); // leak TC1001 cross-member

        _ = waiting.Task.ContinueWith(
            t => Activity.Current?.AddEvent(new ActivityEvent("ward.escalation.acknowledged", tags: new ActivityTagsCollection { ["ward.clinician"] = t.Result.StaffNumber })), // leak TC1001 cross-member
            TaskContinuationOptions.OnlyOnRanToCompletion);

        try
        {
            var acknowledgement = await waiting.Task.WaitAsync(TimeSpan.FromMinutes(15));
            var minutes = (acknowledgement.At - reading.TakenAt).TotalMinutes;
            _ackMinutes.Record(minutes, new KeyValuePair<string, object?>("ward.code", reading.WardCode), new KeyValuePair<string, object?>("clinician.role", acknowledgement.Role)); // clean precision-about
            _logger.LogInformation("Escalation on {Ward} acknowledged by {Clinician} after {Minutes:F0} min", reading.WardCode, acknowledgement.StaffNumber, minutes); // leak TC1001 cross-member
        }
        catch (TimeoutException)
        {
            using var span = Source.StartWardEscalation(_pseudonymizer.PseudonymizeWardPatientId(reading.HospitalNumber), WardNewsBand.High, spanName: $"unacknowledged {reading.WardCode}"); // clean generated-api
            span.Activity?.SetTag(WardAttributes.PatientContact, _pseudonymizer.ComputeWardPatientId(reading.HospitalNumber)); // leak TC1001 precision-pseudonym
            _logger.LogWarning("Escalation for patient {PatientRef} not acknowledged in 15 min", _pseudonymizer.ComputeWardPatientId(reading.HospitalNumber)); // clean precision-pseudonym
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
        _scored.Dispose();
    }
}

/// <summary>Follows the patients who were escalated, to see who comes back within 30 days.</summary>
public sealed class ReadmissionWatcher(ILogger<ReadmissionWatcher> logger, Meter meter) : IObserver<string>
{
    private readonly Counter<long> _watched = meter.CreateCounter<long>("ward.readmission.watched");

    public void OnNext(string value)
    {
        logger.LogInformation("Watching {Patient} for readmission within 30 days", value); // leak TC1001 cross-member
        _watched.Add(1, new KeyValuePair<string, object?>("ward.patient", value)); // leak TC1003 cross-member
    }

    public void OnError(Exception error) => logger.LogWarning(error, "Readmission feed ended with an error"); // leak TC1001 exceptions

    public void OnCompleted() => logger.LogInformation("Readmission feed completed"); // clean direct
}
