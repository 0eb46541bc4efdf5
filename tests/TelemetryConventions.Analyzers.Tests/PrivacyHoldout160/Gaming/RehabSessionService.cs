namespace PrivacyHoldout160.Gaming;

/// <summary>Records VR physiotherapy sessions played on clinics' headsets.</summary>
public sealed partial class RehabSessionService(
    ILogger<RehabSessionService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly Histogram<int> reps = meter.CreateHistogram<int>("rehabplay.reps");
    private readonly Histogram<int> heartRate = meter.CreateHistogram<int>("rehabplay.peak_heart_rate");

    public void Complete(RehabSession session, string clinic, string therapistStaffId)
    {
        using var span = source.StartRehabplayOperation(clinic);
        span.SetRehabplayPlayerId(pseudonymizer.PseudonymizeRehabplayPlayerId(session.PlayerId.ToString())); // clean generated-api
        span.SetRehabplayTherapistId(pseudonymizer.PseudonymizeRehabplayTherapistId(therapistStaffId)); // clean generated-api
        span.SetRehabplayDeviceModel(session.HeadsetAssetTag); // clean generated-api
        span.SetRehabplayNote($"{session.Gamertag} finished {session.Exercise}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("rehab.session_id", session.SessionId); // clean precision-names
        Activity.Current?.SetTag("rehab.player_id", session.PlayerId); // leak TC1001 direct
        Activity.Current?.SetTag("rehab.headset", session.HeadsetAssetTag); // clean precision-names
        Activity.Current?.SetTag("rehab.therapist", therapistStaffId); // leak TC1001 direct

        reps.Record(session.Reps, new KeyValuePair<string, object?>("exercise", session.Exercise)); // clean precision-about
        heartRate.Record(session.PeakHeartRate, new KeyValuePair<string, object?>("clinic", clinic)); // clean precision-about
        reps.Record(session.Reps, new KeyValuePair<string, object?>("gamertag", session.Gamertag)); // leak TC1003 direct

        LogCompleted(logger, session.Exercise, session.Reps, session.Gamertag); // leak TC1001 logging-objects
        LogCompletedRedacted(logger, session.Exercise, session.Reps, session.Gamertag); // clean logging-objects
        logger.LogInformation("Session {@Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Session totals {@Totals}", new ExerciseTotals(session.Exercise, 1, session.Reps)); // clean logging-objects

        var cohort = HMACSHA256.HashData(secrets.PseudonymKey, session.PlayerId.ToByteArray())[0] % 4;
        Activity.Current?.SetTag("rehab.cohort", cohort); // clean hashes
        Activity.Current?.SetTag("rehab.player_digest", new Guid(MD5.HashData(session.PlayerId.ToByteArray()))); // leak TC1002 hashes
    }

    public void HeadsetDropped(string assetTag, Guid playerId)
    {
        var ex = new HeadsetOfflineException(assetTag);
        Activity.Current?.AddException(ex); // clean exceptions
        logger.LogWarning(ex, "Headset dropped mid-session for {PlayerCount} player", 1); // clean precision-names
        logger.LogWarning("Headset dropped for player {Player}", pseudonymizer.ComputeRehabplayPlayerId(playerId.ToString())); // clean precision-pseudonym
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "{Exercise} x{Reps} by {Gamertag}")]
    private static partial void LogCompleted(ILogger logger, string exercise, int reps, string gamertag);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "{Exercise} x{Reps} by {Gamertag}")]
    private static partial void LogCompletedRedacted(ILogger logger, string exercise, int reps, [PrivateData] string gamertag);
}
