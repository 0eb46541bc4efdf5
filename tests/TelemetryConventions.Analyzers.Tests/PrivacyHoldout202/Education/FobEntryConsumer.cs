namespace PrivacyHoldout202.Education;

/// <summary>A university sports centre: turnstile fob taps from the `sportscentre.fob-taps` topic, keyed by fob UID.</summary>
public sealed class FobEntryConsumer(
    IConsumer<string, FobTap> consumer,
    IMemberDirectory directory,
    IDoorController doors,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<FobEntryConsumer> logger) : BackgroundService
{
    private static readonly Counter<long> Taps = new Meter("campusfit.doors").CreateCounter<long>("campusfit.taps");
    private readonly HashSet<string> _deniedFobs = new();
    private FobTap? _lastUnknownTap;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var tap = result.Message.Value;
            using var span = source.StartCampusfitOperation(tap.DoorId);
            span.SetCampusfitActivity("entry"); // clean precision-about
            Activity.Current?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            Activity.Current?.SetTag("messaging.destination", result.Topic); // clean precision-names
            Activity.Current?.SetTag("messaging.kafka.message_key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("door.id", tap.DoorId); // clean precision-names
            Activity.Current?.SetTag("fob.prefix", tap.FobUid[..2]); // clean precision-about
            Activity.Current?.SetTag("fob.uid", tap.FobUid); // leak TC1001 direct
            try
            {
                var member = await directory.FindByFobAsync(tap.FobUid, stoppingToken) ?? throw new FobNotRecognisedException(tap.FobUid);
                span.SetCampusfitMemberId(pseudonymizer.PseudonymizeCampusfitMemberId(member.MembershipNumber)); // clean precision-pseudonym
                var decision = await doors.OpenAsync(tap.DoorId, tap.FobUid, stoppingToken);
                logger.LogInformation("Entry {@Decision}", decision); // clean logging-objects
                logger.LogInformation("Entry at {DoorId} for {Member}", tap.DoorId, member); // leak TC1001 logging-objects
                logger.LogInformation("Entry at {DoorId} for {@Member}", tap.DoorId, new { member.Status, member.PlanCode, member.HomeClub }); // clean logging-objects
                logger.LogInformation("Entry at {DoorId} for {@Member}", tap.DoorId, new { member.FullName, member.PlanCode }); // leak TC1001 logging-objects
                Taps.Add(1, new KeyValuePair<string, object?>("door", tap.DoorId), new KeyValuePair<string, object?>("granted", decision.Granted)); // clean precision-names
                Taps.Add(1, new KeyValuePair<string, object?>("member", pseudonymizer.PseudonymizeCampusfitMemberId(member.MembershipNumber).Value)); // leak TC1003 precision-pseudonym
                meter.CreateCampusfitOperationsCounter().Add(1, tap.DoorId, decision.Granted ? "granted" : "denied"); // clean generated-api
                if (!decision.Granted)
                {
                    _deniedFobs.Add(tap.FobUid);
                    logger.LogCampusfitOperationFailedEvent(tap.DoorId, decision.ReasonCode, pseudonymizer.PseudonymizeCampusfitMemberId(member.MembershipNumber), $"reason {decision.ReasonCode}"); // clean generated-api
                }
            }
            catch (FobNotRecognisedException ex)
            {
                _lastUnknownTap = tap;
                logger.LogWarning(ex, "Unknown fob at {DoorId}", tap.DoorId); // leak TC1001 exceptions
                logger.LogWarning("Unknown fob at {DoorId}: {Reason}", tap.DoorId, ex.ReasonCode); // clean exceptions
                span.RecordException(ex); // clean exceptions
                span.SetCampusfitNote(ex.Message); // leak TC1001 exceptions
            }
            catch (DoorOfflineException ex)
            {
                logger.LogError(ex, "Door offline"); // clean exceptions
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }

            consumer.Commit(result);
        }
    }

    public void Report()
    {
        logger.LogInformation("Denied fobs this hour: {Count}", _deniedFobs.Count); // clean cross-member
        logger.LogInformation("Denied fobs this hour: {Fobs}", _deniedFobs); // leak TC1001 cross-member
        logger.LogInformation("Last unknown tap: {Tap}", _lastUnknownTap); // leak TC1001 cross-member
        logger.LogInformation("Last unknown tap at door {DoorId}", _lastUnknownTap?.DoorId); // clean cross-member
        var lane = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(_lastUnknownTap?.FobUid ?? "")))[..4];
        Activity.Current?.SetTag("fob.lane", lane); // leak TC1002 hashes
        var keyedLane = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(_lastUnknownTap?.FobUid ?? "")))[..4];
        Activity.Current?.SetTag("fob.keyed_lane", keyedLane); // clean hashes
    }
}
