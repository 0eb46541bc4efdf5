namespace PrivacyHoldout100.Healthcare;

/// <summary>
/// Community nurses share their live location from the trust's app while on visits, so the coordination
/// desk can see who is nearest to a new call; patients awaiting a visit can see the nurse approaching.
/// </summary>
public sealed partial class CommunityNurseTrackingHub(ILogger<CommunityNurseTrackingHub> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets) : Hub
{
    private static readonly ActivitySource Source = new("Trust.CommunityTracking");
    private static readonly Meter Meter = new("Trust.CommunityTracking");
    private static readonly Histogram<double> Accuracy = Meter.CreateHistogram<double>("tracking.fix.accuracy", "m");
    private static readonly Counter<long> Fixes = Meter.CreateCounter<long>("tracking.fixes");

    public async Task ShareLocation(LocationUpdate fix, string visitId, string patientHospitalNumber)
    {
        var nurseStaffId = Context.UserIdentifier!;
        using var span = Source.StartWardliveHubInvoke("/hubs/community-tracking", nameof(ShareLocation))
            .SetWardliveConnectionId(Context.ConnectionId) // clean generated-api
            .SetWardliveClinicianId(pseudonymizer.PseudonymizeWardliveClinicianId(nurseStaffId)); // clean precision-pseudonym
        span.SetWardliveNote($"fix {fix.Latitude:F5},{fix.Longitude:F5} ±{fix.AccuracyMetres:0}m"); // leak TC1001 generated-api
        span.Activity?.SetTag("tracking.cell", Geohash.Encode(fix.Latitude, fix.Longitude, 5)); // clean precision-about
        span.Activity?.SetTag("tracking.visit", visitId); // clean precision-names
        Accuracy.Record(fix.AccuracyMetres, new KeyValuePair<string, object?>("hub", "community-tracking")); // clean precision-about
        Fixes.Add(1, new KeyValuePair<string, object?>("cell", Geohash.Encode(fix.Latitude, fix.Longitude, 7))); // leak TC1003 direct
        LogFix(logger, nurseStaffId, fix); // leak TC1001 logging-objects
        LogFixRedacted(logger, nurseStaffId, fix.AccuracyMetres); // clean precision-names
        await Clients.Group($"visit-{visitId}").SendAsync("nurseApproaching", fix);
        await Clients.User(patientHospitalNumber).SendAsync("nurseApproaching", fix);
        logger.LogDebug("Relayed position to the patient {Patient} of visit {Visit}", patientHospitalNumber, visitId); // leak TC1001 direct
        var bucket = BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(nurseStaffId))) % 64;
        Activity.Current?.SetTag("tracking.nurse.bucket", bucket); // leak TC1002 hashes
    }

    public Task StopSharing(string reason)
    {
        Activity.Current?.SetTag("tracking.stop.reason", reason); // clean precision-about
        Activity.Current?.SetBaggage("tracking.nurse", pseudonymizer.ComputeWardliveClinicianId(Context.UserIdentifier!)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("tracking.nurse.raw", Context.UserIdentifier); // leak TC1001 direct
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nurse {StaffId} shared fix {Fix}")]
    private static partial void LogFix(ILogger logger, string staffId, LocationUpdate fix);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nurse {StaffId} shared a fix accurate to {Accuracy} m")]
    private static partial void LogFixRedacted(ILogger logger, [PrivateData] string staffId, double accuracy);
}

/// <summary>The desk's client to the tracking hub, with a retry policy that logs each reconnect.</summary>
public sealed class TrackingDeskRetryPolicy(ILogger<TrackingDeskRetryPolicy> logger) : Microsoft.AspNetCore.SignalR.Client.IRetryPolicy
{
    private static readonly TimeSpan[] Delays = [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    public TimeSpan? NextRetryDelay(Microsoft.AspNetCore.SignalR.Client.RetryContext retryContext)
    {
        logger.LogWarning(retryContext.RetryReason, "Desk connection lost after {Elapsed}, retry {Attempt}", retryContext.ElapsedTime, retryContext.PreviousRetryCount + 1); // clean exceptions
        Activity.Current?.SetTag("wardlive.reconnect.attempt", retryContext.PreviousRetryCount + 1); // clean precision-about
        return retryContext.PreviousRetryCount < Delays.Length ? Delays[retryContext.PreviousRetryCount] : null;
    }
}
