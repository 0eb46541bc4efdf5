using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout66.Healthcare;

public sealed record Arrival(string HospitalNumber, string WardCode, string ArrivalMode, string? ReferringPractice, string PresentingComplaint, DateTimeOffset ArrivedAt);

public sealed record PatientRecord(string HospitalNumber, string NhsNumber, string FamilyName, string Mobile, string? NextOfKinPhone, int AgeYears);

public interface IPatientIndex
{
    Task<PatientRecord?> FindAsync(string hospitalNumber, CancellationToken cancellationToken);
}

public sealed class PatientNotFoundException(string hospitalNumber)
    : Exception($"No patient with hospital number {hospitalNumber} in the master index.")
{
    public string HospitalNumber { get; } = hospitalNumber;
}

/// <summary>Triage at the front door: looks the patient up, scores them, records the flow KPIs.</summary>
public sealed class TriageService(
    WardMetrics metrics,
    IPatientIndex patients,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TriageService> logger)
{
    private static readonly ActivitySource Source = new(WardMetrics.MeterName);

    private readonly Histogram<double> _lookupLatency = metrics.Meter.CreateHistogram<double>("pas.lookup.duration", "ms");

    public async Task<TriageCategory> TriageAsync(Arrival arrival, CancellationToken cancellationToken)
    {
        var stopwatch = ValueStopwatch.StartNew();
        using var span = Source.StartWardAdmission(arrival.WardCode)
            .SetWardPatientId(pseudonymizer.PseudonymizeWardPatientId(arrival.HospitalNumber)); // clean precision-pseudonym
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ward"] = arrival.WardCode, ["patient.ref"] = pseudonymizer.ComputeWardPatientId(arrival.HospitalNumber) }); // clean precision-pseudonym
        metrics.Arrived(arrival.ArrivalMode, arrival.ReferringPractice);
        metrics.Queued(arrival.WardCode);

        try
        {
            var lookup = Stopwatch.StartNew();
            var patient = await patients.FindAsync(arrival.HospitalNumber, cancellationToken) ?? throw new PatientNotFoundException(arrival.HospitalNumber);
            _lookupLatency.Record(lookup.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("pas.cache", "miss"), new KeyValuePair<string, object?>("age.band", AgeBand(patient.AgeYears))); // clean precision-about

            var category = Categorise(arrival, patient);
            metrics.Triaged(arrival.WardCode, category, stopwatch.GetElapsedTime());
            span.SetWardTriageCategory(category.ToWire()).SetWardOutcome("triaged"); // clean generated-api
            span.Activity?.SetTag("triage.wait.band", Buckets.Of(stopwatch.GetElapsedTime().TotalMinutes, 15, 60, 240)); // clean precision-about
            span.Activity?.SetTag("triage.complaint", arrival.PresentingComplaint); // leak TC1001 strings
            span.Activity?.SetTag("patient.sample", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(patient.NhsNumber)))[..10]); // leak TC1002 hashes
            span.Activity?.SetTag("patient.shard", KeyedShard.Of(secrets.ShardKey, patient.HospitalNumber, 16)); // clean hashes
            logger.LogInformation("Triaged {Category} at {Ward} after {Minutes:0} min", category, arrival.WardCode, stopwatch.GetElapsedTime().TotalMinutes);

            if (category is TriageCategory.Immediate or TriageCategory.VeryUrgent)
            {
                Escalate(arrival, patient, category);
            }
            return category;
        }
        catch (PatientNotFoundException ex)
        {
            metrics.TriageFailedWithReason(ex, arrival.WardCode); // leak TC1003 exceptions
            span.RecordException(ex, "patient not in the master index", includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Unknown hospital number {HospitalNumber} presented at {Ward}", ex.HospitalNumber, arrival.WardCode); // leak TC1001 cross-member
            throw;
        }
        catch (TimeoutException ex)
        {
            metrics.TriageFailedWithReason(ex, arrival.WardCode); // clean exceptions
            metrics.TriageFailed(ex, arrival.WardCode);
            logger.LogWarning(ex, "PAS lookup timed out after {Elapsed}", stopwatch.GetElapsedTime()); // clean exceptions
            throw;
        }
        finally
        {
            metrics.Dequeued(arrival.WardCode);
        }
    }

    private void Escalate(Arrival arrival, PatientRecord patient, TriageCategory category)
    {
        var score = category == TriageCategory.Immediate ? 9 : 7;
        metrics.News2Scored(patient.HospitalNumber, arrival.WardCode, score); // leak TC1003 cross-member
        metrics.News2Banded(arrival.WardCode, score); // clean precision-about
        logger.LogWardEscalatedEvent(arrival.WardCode, pseudonymizer.PseudonymizeWardPatientId(patient.HospitalNumber), wardNote: $"NEWS2 {score}, outreach bleeped"); // clean generated-api
        if (patient.NextOfKinPhone is { } phone)
        {
            logger.LogWardEscalatedEvent(arrival.WardCode, wardNote: $"NEWS2 {score}; next of kin on {phone}"); // leak TC1001 generated-api
        }
        Activity.Current?.AddEvent(new ActivityEvent("outreach.paged", tags: new ActivityTagsCollection { ["news2"] = score, ["mobile.on.file"] = patient.Mobile.Length > 0 })); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("outreach.callback", tags: new ActivityTagsCollection { ["news2"] = score, ["callback"] = patient.Mobile })); // leak TC1001 direct
    }

    private static TriageCategory Categorise(Arrival arrival, PatientRecord patient) =>
        arrival.PresentingComplaint.Contains("chest", StringComparison.OrdinalIgnoreCase) || patient.AgeYears > 80 ? TriageCategory.VeryUrgent : TriageCategory.Urgent;

    private static string AgeBand(int years) => years switch
    {
        < 18 => "0-17",
        < 65 => "18-64",
        < 80 => "65-79",
        _ => "80+",
    };
}
