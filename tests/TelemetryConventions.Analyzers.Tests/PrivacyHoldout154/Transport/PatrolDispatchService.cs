namespace PrivacyHoldout154.Transport;

/// <summary>The patrols' van app calls this gRPC service to accept jobs, report arrival and book tows.</summary>
public sealed partial class PatrolDispatchService(
    IDispatchBoard dispatch,
    IMemberDirectory members,
    ILogger<PatrolDispatchService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter)
{
    private readonly ConcurrentDictionary<string, TowRequest> _towsInProgress = new();
    private Patrol? _slowestPatrol;
    private int _slowestMinutes;

    public async Task<string> AcceptAsync(string jobId, string callSign, PatrolVan van, ServerCallContext context)
    {
        var patrol = await dispatch.PatrolAsync(callSign, context.CancellationToken);
        var activity = Activity.Current;
        activity.EnrichRecoveryOperation(van.Depot).SetRecoveryPatrolId(pseudonymizer.PseudonymizeRecoveryPatrolId(patrol.StaffNumber)); // clean precision-pseudonym
        activity?.SetTag("recovery.call_sign", callSign); // clean precision-names
        activity?.SetTag("recovery.van_registration", van.Registration); // clean precision-names
        activity?.SetTag("recovery.patrol_staff_number", patrol.StaffNumber); // leak TC1001 direct
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        logger.LogInformation("Job {JobId} accepted by {Van}", jobId, van); // clean logging-objects
        logger.LogInformation("Job {JobId} accepted by {Patrol}", jobId, patrol); // leak TC1001 logging-objects
        LogAccepted(logger, jobId, patrol.Name); // leak TC1001 logging-objects
        LogAcceptedRedacted(logger, jobId, patrol.Name); // clean logging-objects
        return jobId;
    }

    public void ReportArrival(string jobId, Patrol patrol, string region, int minutes)
    {
        meter.CreateRecoveryArrivalDurationHistogram().Record(minutes * 60, region); // clean generated-api
        if (minutes > _slowestMinutes)
        {
            _slowestMinutes = minutes;
            _slowestPatrol = patrol;
        }

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(patrol.StaffNumber)))[..4];
        Activity.Current?.SetTag("recovery.patrol_shard", shard); // clean hashes
        Activity.Current?.SetTag("recovery.patrol_bucket", patrol.StaffNumber.GetHashCode() % 16); // leak TC1002 hashes
    }

    public void PublishDailySummary(string region)
    {
        using var span = new ActivitySource("Recovery.Dispatch").StartRecoveryOperation(region);
        if (_slowestPatrol is not null)
        {
            logger.LogInformation("Slowest arrival today: {Patrol} after {Minutes} minutes", _slowestPatrol, _slowestMinutes); // leak TC1001 cross-member
            logger.LogInformation("Slowest arrival today: {CallSign} after {Minutes} minutes", _slowestPatrol.CallSign, _slowestMinutes); // clean cross-member
        }

        logger.LogInformation("Tows in progress: {Tows}", string.Join("; ", _towsInProgress.Values.Select(t => t.Registration))); // leak TC1001 cross-member
        logger.LogInformation("Tows in progress: {Tows}", _towsInProgress.Count); // clean cross-member
        span.SetRecoveryJobCount(_towsInProgress.Count); // clean precision-about
    }

    public async Task BookTowAsync(TowRequest tow, string region, ServerCallContext context)
    {
        _towsInProgress[tow.TowId] = tow;
        Activity.Current?.SetTag("recovery.tow_id", tow.TowId); // clean precision-names
        Activity.Current?.SetTag("recovery.tow_garage", tow.DestinationGarage); // clean precision-about
        Activity.Current?.SetTag("recovery.tow_miles", tow.Miles); // clean precision-about
        logger.LogInformation("Tow booked {Tow}", tow); // leak TC1001 logging-objects
        var member = await members.FindByRegistrationAsync(tow.Registration, context.CancellationToken);
        if (member is null)
        {
            var error = new RpcException("NOT_FOUND", $"No member for {tow.Registration}");
            logger.LogWarning(error, "Tow {TowId} has no member", tow.TowId); // leak TC1001 exceptions
            return;
        }

        Activity.Current?.SetBaggage("recovery.member", pseudonymizer.ComputeRecoveryMemberId(member.MembershipNumber)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("recovery.member_mobile", member.Mobile); // leak TC1001 direct
        await dispatch.BookTowAsync(tow, context.CancellationToken);
        meter.CreateRecoveryCalloutsCounter().Add(1, region, "towed"); // clean generated-api
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Job {JobId} accepted by {PatrolName}")]
    private static partial void LogAccepted(ILogger logger, string jobId, string patrolName);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Job {JobId} accepted by {PatrolName}")]
    private static partial void LogAcceptedRedacted(ILogger logger, string jobId, [PrivateData] string patrolName);
}
