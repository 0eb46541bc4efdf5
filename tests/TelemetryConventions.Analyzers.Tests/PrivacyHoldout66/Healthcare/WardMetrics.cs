namespace PrivacyHoldout66.Healthcare;

/// <summary>
/// The patient-flow service's instruments, registered as a singleton (<c>services.AddSingleton&lt;WardMetrics&gt;()</c>)
/// and created on the meter the host's <see cref="IMeterFactory"/> gives, so the integration tests can
/// collect them with a <c>MetricCollector</c>.
/// </summary>
public sealed class WardMetrics
{
    public const string MeterName = "Trust.PatientFlow";

    private readonly Counter<long> _arrivals;
    private readonly Histogram<double> _doorToTriage;
    private readonly UpDownCounter<int> _bedsOccupied;
    private readonly Gauge<int> _news2;
    private readonly Counter<long> _observations;
    private readonly Counter<long> _failures;
    private readonly WardAdmissionsCounter _admissions;
    private readonly WardTriageDurationHistogram _triageDuration;
    private readonly AllowList _wards;
    private readonly ConcurrentDictionary<string, int> _waitingByWard = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastObservation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BedBoardEntry> _bedBoard = new(StringComparer.Ordinal);

    public WardMetrics(IMeterFactory meterFactory, WardDirectory directory)
    {
        Meter = meterFactory.Create(MeterName, "1.4.0");
        _arrivals = Meter.CreateCounter<long>("ed.arrivals", "{patient}", "Arrivals at the emergency department.");
        _doorToTriage = Meter.CreateHistogram<double>("ed.door_to_triage", "s", "Arrival to first triage.");
        _bedsOccupied = Meter.CreateUpDownCounter<int>("ward.beds.occupied", "{bed}");
        _news2 = Meter.CreateGauge<int>("ward.news2.score", "{score}", "Latest NEWS2 score.");
        _observations = Meter.CreateCounter<long>("ward.observations", "{reading}");
        _failures = Meter.CreateCounter<long>("ward.triage.failures", "{failure}");
        _admissions = Meter.CreateWardAdmissionsCounter();
        _triageDuration = Meter.CreateWardTriageDurationHistogram();
        _wards = new AllowList(directory.WardCodes);

        Meter.CreateObservableGauge("ed.waiting", () => _waitingByWard.Select(kv => new Measurement<int>(kv.Value, new KeyValuePair<string, object?>("ward", kv.Key)))); // clean direct
        Meter.CreateObservableGauge("ward.obs.overdue_minutes", ObserveOverdue, "min", "Minutes since each inpatient's last observations.");
        Meter.CreateWardOccupancyObservableGauge(() => _bedBoard.Values.GroupBy(b => (b.WardCode, b.Specialty)).Select(g => WardOccupancyObservableGauge.Measure(g.Count(b => b.Occupied), g.Key.WardCode, g.Key.Specialty))); // clean generated-api
    }

    public Meter Meter { get; }

    public void Arrived(string arrivalMode, string? referringPractice) =>
        _arrivals.Add(1, new KeyValuePair<string, object?>("arrival.mode", arrivalMode), new KeyValuePair<string, object?>("referrer.practice", referringPractice ?? "self")); // clean direct

    public void Queued(string wardCode) => _waitingByWard.AddOrUpdate(wardCode, 1, (_, n) => n + 1);

    public void Dequeued(string wardCode) => _waitingByWard.AddOrUpdate(wardCode, 0, (_, n) => Math.Max(0, n - 1));

    public void Triaged(string wardCode, TriageCategory category, TimeSpan elapsed)
    {
        var tags = new TagList { { "ward", _wards.Limit(wardCode) }, { "category", category.ToString() } };
        _doorToTriage.Record(elapsed.TotalSeconds, tags); // clean direct
        _triageDuration.Record(elapsed.TotalSeconds, _wards.Limit(wardCode), category.ToWire()); // clean generated-api
    }

    public void Admitted(string wardCode, TriageCategory category, string outcome) =>
        _admissions.Add(1, wardCode, category.ToWire(), wardOutcome: outcome); // clean generated-api

    public void AdmissionDecided(AdmissionDecision decision) =>
        _admissions.Add(1, decision.WardCode, wardOutcome: decision.ToString()); // leak TC1003 logging-objects

    public void BedTaken(string wardCode, string bedNumber)
    {
        _bedsOccupied.Add(1, new KeyValuePair<string, object?>("ward", wardCode));
        _bedBoard[bedNumber] = new BedBoardEntry(wardCode, bedNumber, "general", Occupied: true);
    }

    public void BedReleased(string wardCode, string bedNumber, string hospitalNumber)
    {
        _bedsOccupied.Add(-1, new KeyValuePair<string, object?>("ward", wardCode), new KeyValuePair<string, object?>("released.for", hospitalNumber)); // leak TC1003 direct
        _bedBoard.TryRemove(bedNumber, out _);
        _lastObservation.TryRemove(hospitalNumber, out _);
    }

    public void News2Scored(string hospitalNumber, string wardCode, int score) =>
        _news2.Record(score, new KeyValuePair<string, object?>("ward", wardCode), new KeyValuePair<string, object?>("patient", hospitalNumber)); // leak TC1003 direct

    public void News2Banded(string wardCode, int score) =>
        _news2.Record(score, new KeyValuePair<string, object?>("ward", wardCode), new KeyValuePair<string, object?>("band", score >= 7 ? "high" : score >= 5 ? "medium" : "low")); // clean precision-about

    public void ObservationsTaken(string hospitalNumber, string wardCode, string monitorSerial, int readings)
    {
        _lastObservation[hospitalNumber] = DateTimeOffset.UtcNow;
        _observations.Add(readings, new TagList { { "ward", wardCode }, { "monitor", monitorSerial } }); // clean direct
    }

    public void TriageFailed(Exception ex, string wardCode) =>
        _failures.Add(1, new KeyValuePair<string, object?>("ward", wardCode), new KeyValuePair<string, object?>("error.type", ex.GetType().Name)); // clean exceptions

    public void TriageFailedWithReason(Exception ex, string wardCode) =>
        _failures.Add(1, new KeyValuePair<string, object?>("ward", wardCode), new KeyValuePair<string, object?>("reason", ex.Message));

    private IEnumerable<Measurement<double>> ObserveOverdue()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (hospitalNumber, last) in _lastObservation)
        {
            yield return new Measurement<double>((now - last).TotalMinutes, new KeyValuePair<string, object?>("patient", hospitalNumber)); // leak TC1003 cross-member
        }
    }
}

public enum TriageCategory
{
    Immediate,
    VeryUrgent,
    Urgent,
    Standard,
}

public static class TriageCategoryExtensions
{
    public static WardTriageCategoryValue ToWire(this TriageCategory category) => category switch
    {
        TriageCategory.Immediate => WardTriageCategory.Immediate,
        TriageCategory.VeryUrgent => WardTriageCategory.VeryUrgent,
        TriageCategory.Urgent => WardTriageCategory.Urgent,
        _ => WardTriageCategory.Standard,
    };
}

public sealed record BedBoardEntry(string WardCode, string BedNumber, string Specialty, bool Occupied);

/// <summary>The bed manager's decision on an arrival; a record, so it prints every member.</summary>
public sealed record AdmissionDecision(string HospitalNumber, string WardCode, string Outcome);

public sealed class WardDirectory
{
    public IReadOnlyList<string> WardCodes { get; init; } = ["AMU", "CDU", "W10", "W11", "W12", "ITU"];
}
