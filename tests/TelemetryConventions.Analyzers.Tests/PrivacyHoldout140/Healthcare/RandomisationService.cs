using OpenTelemetry;

namespace PrivacyHoldout140.Healthcare;

/// <summary>
/// Randomises enrolled participants through the sponsor's IWRS, tells pharmacy which kit to dispense and
/// handles emergency unblinding out of hours.
/// </summary>
public sealed class RandomisationService(
    IIwrsClient iwrs,
    ICtmsClient ctms,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<RandomisationService> logger)
{
    private readonly Counter<long> _allocations = meter.CreateCounter<long>("trialsite.allocations", "{allocation}");
    private readonly Counter<long> _unblindings = meter.CreateCounter<long>("trialsite.unblindings", "{request}");
    private readonly Dictionary<string, string> _randomisationNumbers = new();

    public async Task<Allocation?> RandomiseAsync(string studyCode, string studyNumber, string siteCode, string stratum, CancellationToken cancellationToken)
    {
        using var span = source.StartTrialsiteOperation(studyCode);
        span.SetTrialsiteSite(siteCode);
        span.SetTrialsiteParticipantId(pseudonymizer.PseudonymizeTrialsiteParticipantId(studyNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("trial.participant", pseudonymizer.ComputeTrialsiteParticipantId(studyNumber)); // clean precision-pseudonym

        var request = new RandomisationRequest(studyCode, studyNumber, siteCode, stratum);
        logger.LogInformation("Randomisation requested {Request}", request); // leak TC1001 logging-objects

        var started = Stopwatch.GetTimestamp();
        try
        {
            var allocation = await iwrs.RandomiseAsync(request, cancellationToken);
            meter.CreateTrialsiteRandomisationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, studyCode);
            _randomisationNumbers[studyNumber] = allocation.RandomisationNumber;

            span.Activity?.SetTag("trialsite.kit.number", allocation.KitNumber); // clean precision-names
            span.Activity?.SetTag("trialsite.stratum", allocation.Stratum); // clean precision-about
            span.Activity?.SetTag("trialsite.randomisation.number", allocation.RandomisationNumber); // leak TC1001 direct
            logger.LogInformation("Allocated {@Allocation}", allocation); // leak TC1001 logging-objects
            _allocations.Add(1, new("study", studyCode), new("stratum", allocation.Stratum)); // clean precision-about
            _allocations.Add(1, new KeyValuePair<string, object?>("participant", pseudonymizer.ComputeTrialsiteParticipantId(studyNumber))); // leak TC1003 precision-pseudonym
            meter.CreateTrialsiteRecordsCounter().Add(1, studyCode, trialsiteOutcome: "randomised"); // clean generated-api
            return allocation;
        }
        catch (AlreadyRandomisedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning("Duplicate randomisation: {Reason}", ex.Message); // leak TC1001 exceptions
            return null;
        }
        catch (StratumFullException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Stratum {Stratum} closed for {Study}", ex.Stratum, studyCode); // clean exceptions
            return null;
        }
    }

    public async Task DispenseAsync(string studyCode, string siteCode, CancellationToken cancellationToken)
    {
        using var span = source.StartTrialsiteOperation(studyCode);
        try
        {
            var shipments = await iwrs.ShipmentsAsync(siteCode, cancellationToken);
            logger.LogInformation("Kits at {Site}: {Shipments}", siteCode, string.Join("; ", shipments)); // clean logging-objects
            span.SetTrialsiteParticipantCount(shipments.Count);
        }
        catch (KitStockException ex)
        {
            span.Activity?.AddException(ex); // clean exceptions
        }
    }

    public async Task<string> UnblindAsync(string studyCode, string studyNumber, string clinicianName, string reasonCode, CancellationToken cancellationToken)
    {
        using var span = source.StartTrialsiteOperation(studyCode);
        span.SetTrialsiteOutcome("unblinding");

        var participant = await ctms.FindParticipantAsync(studyNumber, cancellationToken) ?? throw new ParticipantNotFoundException(studyNumber);
        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studyNumber)))[..2];
        span.Activity?.SetTag("trialsite.unblinding.shard", shard); // clean hashes
        var legacyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(participant.NhsNumber ?? studyNumber)))[..12];
        span.Activity?.SetTag("trialsite.unblinding.legacy_key", legacyKey); // leak TC1002 hashes

        var arm = await iwrs.UnblindAsync(new UnblindingRequest(studyNumber, clinicianName, reasonCode), cancellationToken);
        span.SetTrialsiteArm(arm); // clean precision-about
        logger.LogCritical("Emergency unblinding by {Clinician}: reason {Reason}", clinicianName, reasonCode); // leak TC1001 direct
        _unblindings.Add(1, new("study", studyCode), new("reason", reasonCode)); // clean precision-names

        var summary = $"{studyNumber} unblinded to {arm} ({reasonCode})";
        logger.LogTrialsiteOperationFailedEvent(studyCode, "unblinded", trialsiteNote: summary); // leak TC1001 generated-api
        return arm;
    }

    public void ReportOpenAllocations()
    {
        foreach (var (studyNumber, randomisationNumber) in _randomisationNumbers)
        {
            logger.LogDebug("Open allocation {RandomisationNumber}", randomisationNumber); // leak TC1001 cross-member
        }

        logger.LogInformation("{Count} allocations held in memory", _randomisationNumbers.Count); // clean precision-about
    }
}
