namespace PrivacyHoldout192.Transport;

/// <summary>
/// An airport's noise insulation scheme: residents under the flight path claim secondary glazing and loft insulation;
/// claims arrive on a topic keyed by the home's UPRN, are checked against the noise contours and sent for survey.
/// </summary>
public sealed partial class NoiseInsulationClaimConsumer(
    IConsumer<string, NoiseInsulationClaim> consumer,
    IEpcRegister epc,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<NoiseInsulationClaimConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Airport.QuietHomes");
    private static readonly Meter Meter = new("Airport.QuietHomes");
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("quiethomes.claims");
    private static readonly Histogram<int> NoiseLevels = Meter.CreateHistogram<int>("quiethomes.noise", "dB");

    private string _lastKey = string.Empty;
    private int _consumed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("quiethomes.consume");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("quiethomes.correlation", result.Message.Headers.GetValueOrDefault("correlation-id")); // clean precision-names
            _lastKey = result.Message.Key;
            _consumed++;
            await HandleAsync(result.Message.Value, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(NoiseInsulationClaim claim, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var resident = pseudonymizer.PseudonymizeQuiethomesClientId(claim.Uprn);
        using var span = Source.StartQuiethomesOperation(claim.ContourZone, "quiethomes.claim");
        span.SetQuiethomesClientId(resident); // clean generated-api
        span.SetQuiethomesMeasure("secondary-glazing"); // clean generated-api
        span.SetQuiethomesMinutes(claim.NoiseDb); // clean generated-api
        span.SetQuiethomesNote($"claim {claim.ClaimId} in zone {claim.ContourZone} at {claim.NoiseDb} dB"); // clean generated-api
        span.SetQuiethomesNote($"{claim.ResidentName}, {claim.Postcode}"); // leak TC1001 generated-api
        span.SetQuiethomesSite(claim.ResidentEmail); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("quiethomes.claim.id", claim.ClaimId); // clean precision-names
        activity?.SetTag("quiethomes.zone", claim.ContourZone); // clean precision-names
        activity?.SetTag("quiethomes.noise_db", claim.NoiseDb); // clean precision-about
        activity?.SetTag("quiethomes.uprn", claim.Uprn); // leak TC1001 direct
        activity?.SetTag("quiethomes.resident.name", claim.ResidentName); // leak TC1001 direct
        activity?.SetTag("quiethomes.resident", resident); // clean precision-pseudonym
        activity?.SetTag("quiethomes.postcode.district", claim.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag(QuiethomesAttributes.Contact, claim.ResidentEmail); // leak TC1001 direct
        activity?.SetTag(QuiethomesAttributes.ClientId, resident); // clean precision-pseudonym
        Activity.Current?.AddBaggage("quiethomes.resident", resident.Value); // clean precision-pseudonym
        Activity.Current?.AddBaggage("quiethomes.postcode", claim.Postcode); // leak TC1001 direct

        logger.LogInformation("Claim {@Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Claim {Claim}", claim with { ResidentName = "", ResidentEmail = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Claim {ClaimId} in {Zone} at {Db} dB", claim.ClaimId, claim.ContourZone, claim.NoiseDb); // clean precision-names
        LogResident(logger, claim.ResidentName, claim.ResidentEmail, claim.ContourZone); // clean logging-objects
        LogUprn(logger, claim.Uprn); // leak TC1001 logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["Zone"] = claim.ContourZone, ["Resident"] = resident })) // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["ResidentEmail"] = claim.ResidentEmail })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Checking contours");
        }

        var uprnShard = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(claim.Uprn))) % 16;
        activity?.SetTag("quiethomes.shard", uprnShard); // clean hashes
        activity?.SetTag("quiethomes.uprn.sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(claim.Uprn + claim.Postcode)))); // leak TC1002 hashes
        activity?.SetTag("quiethomes.resident.hash", claim.ResidentEmail.GetHashCode()); // leak TC1002 hashes

        if (claim.NoiseDb < 63)
        {
            var outside = new ClaimOutsideContourException(claim.ContourZone, claim.NoiseDb);
            span.RecordException(outside, includeMessage: true); // clean exceptions
            logger.LogWarning(outside, "Claim {ClaimId} rejected", claim.ClaimId); // clean exceptions
            Claims.Add(1, new KeyValuePair<string, object?>("quiethomes.outcome", "outside-contour")); // clean precision-names
            return;
        }

        var survey = await epc.LatestAsync(claim.Uprn, ct);
        if (survey is null)
        {
            var notSurveyed = new PropertyNotSurveyedException(claim.Uprn, claim.Postcode);
            activity?.SetStatus(ActivityStatusCode.Error, notSurveyed.Message); // leak TC1001 exceptions
            activity?.AddException(notSurveyed); // leak TC1001 exceptions
            return;
        }

        var zone = new ContourZoneSummary(claim.ContourZone, "LHR", 1200, 840, claim.NoiseDb);
        logger.LogInformation("Zone {@Zone}", zone); // clean logging-objects
        logger.LogInformation("Surveyed home rating {Rating}", survey.CurrentRating); // clean precision-about
        logger.LogInformation("Surveyed {Survey}", survey); // leak TC1001 logging-objects
        var profile = new PropertyProfile { Uprn = claim.Uprn, Postcode = claim.Postcode, Rating = survey.CurrentRating, FloorArea = 84 };
        logger.LogInformation("Profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Profile {@Profile}", profile); // leak TC1001 logging-objects
        Claims.Add(1, new KeyValuePair<string, object?>("quiethomes.zone", claim.ContourZone)); // clean precision-names
        Claims.Add(1, new KeyValuePair<string, object?>("quiethomes.uprn", claim.Uprn)); // leak TC1003 direct
        NoiseLevels.Record(claim.NoiseDb, new KeyValuePair<string, object?>("quiethomes.zone", claim.ContourZone)); // clean precision-names
        Meter.CreateQuiethomesOperationsCounter().Add(1, claim.ContourZone, resident.Value); // leak TC1003 generated-api
        Meter.CreateQuiethomesOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, claim.ContourZone); // clean generated-api
        Report();
    }

    private void Report()
    {
        var activity = Activity.Current;
        activity?.SetTag("quiethomes.last_key", _lastKey); // leak TC1001 cross-member
        activity?.SetTag("quiethomes.consumed", _consumed); // clean cross-member
        activity?.SetTag("quiethomes.summary", string.Concat("last home ", _lastKey, " of ", _consumed)); // leak TC1001 strings
        activity?.SetTag("quiethomes.summary_count", $"{_consumed} claims consumed"); // clean strings
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Resident {Name} <{Email}> in {Zone}")]
    private static partial void LogResident(ILogger logger, [PrivateData] string name, [PrivateData] string email, string zone);

    [LoggerMessage(EventId = 61, Level = LogLevel.Debug, Message = "Home {Uprn} claimed")]
    private static partial void LogUprn(ILogger logger, string uprn);
}
