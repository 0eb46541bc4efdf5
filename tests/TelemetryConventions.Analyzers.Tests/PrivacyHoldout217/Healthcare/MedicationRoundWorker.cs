namespace PrivacyHoldout217.Healthcare;

/// <summary>Closes medication rounds from the eMAR queue and files falls reported on the round.</summary>
public sealed class MedicationRoundWorker(IQueueReceiver<MedicationRound> rounds, IQueueReceiver<FallReport> falls, CareRecords records, PharmacyGateway pharmacy, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<MedicationRoundWorker> logger) : BackgroundService
{
    private readonly Counter<long> _missedDoses = meter.CreateCounter<long>("medication.doses.missed");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var round = await rounds.ReceiveAsync(stoppingToken);
            if (round is not null)
            {
                await CloseRoundAsync(round, stoppingToken);
            }

            var fall = await falls.ReceiveAsync(stoppingToken);
            if (fall is not null)
            {
                FileFall(fall);
            }
        }
    }

    private async Task CloseRoundAsync(MedicationRound round, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartCareplanOperation(round.HomeId); // clean generated-api
        span.SetCareplanMode("batch"); // clean generated-api
        logger.LogInformation("Round closed {@Round}", round); // clean logging-objects
        _missedDoses.Add(round.DosesMissed, new KeyValuePair<string, object?>("wing", round.Wing), new KeyValuePair<string, object?>("period", round.Period)); // clean precision-names
        foreach (var entry in records.RoundEntries(round.RoundId))
        {
            logger.LogDebug("Dose given {Entry}", entry); // leak TC1001 logging-objects
            logger.LogDebug("Dose {AdministrationId} of {Drug} at {GivenAt}", entry.AdministrationId, entry.Drug, entry.GivenAt); // clean precision-names
            logger.LogDebug("Dose by carer {CarerId}", entry.CarerId); // leak TC1001 direct
            var client = pseudonymizer.PseudonymizeCareplanClientId(entry.ResidentId);
            span.SetCareplanClientId(client); // clean generated-api
            span.SetCareplanNote($"{entry.ResidentName}: {entry.Drug}"); // leak TC1001 generated-api
            try
            {
                await pharmacy.OrderAsync(entry.ResidentId, entry.Drug, ct);
            }
            catch (PharmacyUnavailableException ex)
            {
                span.RecordException(ex); // clean exceptions
                logger.LogWarning(ex, "Pharmacy unavailable: {Reason}", ex.Message); // clean exceptions
                logger.LogCareplanOperationFailedEvent(round.HomeId, "failed", client, ex.Message); // clean generated-api
                meter.CreateCareplanOperationsCounter().Add(1, round.HomeId, "failed"); // clean generated-api
            }
            catch (ResidentNotFoundException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogCareplanOperationFailedEvent(round.HomeId, "failed", client, ex.Message); // leak TC1001 generated-api
            }
        }

        var dedupe = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(round.RoundId)));
        logger.LogDebug("Round dedupe key {Key}", dedupe); // clean hashes
        meter.CreateCareplanOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, round.HomeId); // clean generated-api
    }

    private void FileFall(FallReport fall)
    {
        using var activity = source.StartActivity("falls.file");
        activity?.SetTag("incident.id", fall.IncidentId); // clean precision-names
        activity?.SetTag("incident.severity", fall.Severity); // clean precision-about
        activity?.SetTag("incident.hospital_transfer", fall.HospitalTransfer); // clean precision-about
        activity?.AddEvent(new ActivityEvent("fall.described", tags: new ActivityTagsCollection { ["description"] = fall.Description })); // leak TC1001 direct
        var summary = new IncidentSummary(fall.IncidentId, fall.HomeId, "fall", fall.Severity, fall.Severity >= 3);
        logger.LogInformation("Incident filed {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Fall filed {@Fall}", fall); // leak TC1001 logging-objects
        logger.LogInformation("Fall filed {@Fall}", fall with { Description = "[removed]" }); // leak TC1001 logging-objects
        var residentKey = fall.ResidentId.GetHashCode();
        logger.LogInformation("Falls bucket {Bucket}", residentKey); // leak TC1002 hashes
        using var hmac = new HMACSHA256(new byte[32]);
        var shard = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(fall.ResidentId)))[..4];
        activity?.SetTag("incident.shard", shard); // clean hashes
        activity?.SetTag("incident.description_length", fall.Description.Length); // clean precision-about
        Baggage.SetBaggage("resident.id", fall.ResidentId); // leak TC1001 direct
        logger.LogInformation("Fall text: {Text}", string.Join(" / ", fall.Description, fall.ResidentId)); // leak TC1001 strings
    }
}
