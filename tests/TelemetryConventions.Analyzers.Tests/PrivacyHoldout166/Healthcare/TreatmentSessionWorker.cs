namespace PrivacyHoldout166.Healthcare;

public interface ISessionQueue
{
    Task<TreatmentSession?> NextAsync(CancellationToken cancellationToken);
}

public interface IClinicList
{
    Task<bool> IsListedAsync(string nhsNumber, CancellationToken cancellationToken);
}

/// <summary>Files group and one-to-one CBT sessions into the patient record and reports the clinic's activity.</summary>
public sealed class TreatmentSessionWorker(
    ISessionQueue queue,
    IClinicList clinicList,
    Pseudonymizer pseudonymizer,
    ILogger<TreatmentSessionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("HarmClinic.Sessions");
    private static readonly Meter Meter = new("HarmClinic.Sessions");
    private readonly HarmclinicReferralsCounter _referrals = Meter.CreateHarmclinicReferralsCounter();
    private readonly HarmclinicReferralDurationHistogram _duration = Meter.CreateHarmclinicReferralDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var session = await queue.NextAsync(stoppingToken);
            if (session is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartHarmclinicOperation("clinic-leeds");
            span.SetHarmclinicClinicianId(pseudonymizer.PseudonymizeHarmclinicClinicianId(session.TherapistId)); // clean generated-api
            span.SetHarmclinicSessionCount(1); // clean generated-api
            span.SetHarmclinicNote(session.Notes); // leak TC1001 generated-api
            span.SetHarmclinicNote($"notes of {session.Notes.Length} characters"); // clean generated-api

            Record(session.TherapistId, session.SessionId);
            logger.LogInformation("Session {SessionId} for {NhsNumber}", session.SessionId, session.NhsNumber); // leak TC1001 direct

            try
            {
                if (!await clinicList.IsListedAsync(session.NhsNumber, stoppingToken))
                {
                    throw new PatientNotListedException(session.NhsNumber);
                }

                _referrals.Add(1, "clinic-leeds", "filed"); // clean generated-api
            }
            catch (PatientNotListedException ex)
            {
                span.RecordException(ex, "patient not on the list"); // clean exceptions
                logger.LogWarning("Session {SessionId} not filed: {Reason}", session.SessionId, ex.Message); // leak TC1001 exceptions
                _referrals.Add(1, "clinic-leeds", "unlisted"); // clean generated-api
            }

            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "clinic-leeds"); // clean generated-api
            logger.LogDebug("Session {@Session} filed", session); // leak TC1001 logging-objects
            logger.LogDebug("Session {SessionId} filed with {HasNotes}", session.SessionId, !string.IsNullOrEmpty(session.Notes)); // clean precision-about
            var bucket = (session.NhsNumber.GetHashCode() & 0x7fffffff) % 16;
            logger.LogDebug("Session routed to bucket {Bucket}", bucket); // leak TC1002 hashes
        }
    }

    private void Record(string therapistId, string sessionId)
    {
        Activity.Current?.SetTag("harmclinic.therapist", therapistId); // leak TC1001 cross-member
        Activity.Current?.SetTag("harmclinic.session", sessionId); // clean cross-member
    }
}
