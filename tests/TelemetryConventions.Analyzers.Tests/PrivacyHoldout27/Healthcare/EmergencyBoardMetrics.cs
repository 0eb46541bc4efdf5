using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using PrivacyHoldout27.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout27.Healthcare;

public sealed record Attendance(string TrustCode, string Department, string HospitalNumber, int Acuity, DateTimeOffset ArrivedAt);

public interface IEmergencyBoard
{
    IReadOnlyList<Attendance> Snapshot();

    /// <summary>Discharge letters not yet sent, by trust code.</summary>
    IReadOnlyDictionary<string, int> DischargeLettersWaiting();
}

/// <summary>
/// Observable gauges of the emergency department board, read by the metrics pipeline every
/// collection interval.
/// </summary>
public sealed class EmergencyBoardMetrics : IDisposable
{
    private readonly Meter _meter = new("Trust.Epr.Emergency", "1.4.0");
    private readonly IEmergencyBoard _board;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly TimeProvider _clock;

    public EmergencyBoardMetrics(IEmergencyBoard board, Pseudonymizer pseudonymizer, TimeProvider clock)
    {
        _board = board;
        _pseudonymizer = pseudonymizer;
        _clock = clock;

        _meter.CreateObservableGauge("ed.patients.waiting", ObserveWaiting, "{patient}", "Patients waiting by department and acuity.");
        _meter.CreateObservableGauge("ed.breach.wait", ObserveBreaches, "min", "Minutes waited by attendances past four hours.");
        _meter.CreateTenancyBacklogObservableGauge(ObserveLetters);
    }

    private IEnumerable<Measurement<int>> ObserveWaiting()
    {
        foreach (var group in _board.Snapshot().GroupBy(a => (a.TrustCode, a.Department, a.Acuity)))
        {
            yield return new Measurement<int>(group.Count(), new KeyValuePair<string, object?>("epr.trust", group.Key.TrustCode), new("ed.department", group.Key.Department), new("patient.acuity", group.Key.Acuity)); // clean precision-about
        }
    }

    private IEnumerable<Measurement<double>> ObserveBreaches()
    {
        var now = _clock.GetUtcNow();
        foreach (var attendance in _board.Snapshot().Where(a => now - a.ArrivedAt > TimeSpan.FromHours(4)))
        {
            var waited = (now - attendance.ArrivedAt).TotalMinutes;
            if (attendance.Acuity <= 2)
            {
                yield return new Measurement<double>(waited, new KeyValuePair<string, object?>("patient.hospital_number", attendance.HospitalNumber)); // leak TC1003 direct
            }
            else
            {
                yield return new Measurement<double>(waited, new KeyValuePair<string, object?>("patient.ref", _pseudonymizer.ComputeTenancySubjectId(attendance.HospitalNumber))); // leak TC1003 precision-pseudonym
            }
        }
    }

    private IEnumerable<Measurement<double>> ObserveLetters() =>
        _board.DischargeLettersWaiting().Select(pair => TenancyBacklogObservableGauge.Measure(pair.Value, pair.Key, tenancyQueue: "discharge-letters")); // clean generated-api

    public void Dispose() => _meter.Dispose();
}
