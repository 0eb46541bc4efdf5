namespace PrivacyHoldout135.Energy;

/// <summary>A near miss or dangerous occurrence at a substation, under a permit to work.</summary>
public sealed record SubstationEvent(
    string EventId,
    string SubstationCode,
    string PermitNumber,
    string Kind,
    string ContractorCompany,
    string ContractorCscsCard,
    string ContractorName,
    string AuthorisedPersonStaffNumber,
    bool Riddor,
    int PeopleOnSite);

/// <summary>Records substation near misses and dangerous occurrences and sends the RIDDOR ones to the HSE.</summary>
public sealed class SubstationNearMissService(IRegulatorGateway hse, Pseudonymizer pseudonymizer, ILogger<SubstationNearMissService> logger)
{
    private static readonly ActivitySource Source = new("Energy.FieldSafety.Substations");
    private static readonly Meter Meter = new("Energy.FieldSafety.Substations");
    private static readonly SitesafetyReportDurationHistogram Duration = Meter.CreateSitesafetyReportDurationHistogram();
    private static readonly Counter<long> NearMisses = Meter.CreateCounter<long>("substation.near_misses", "{event}");

    public async Task RecordAsync(SubstationEvent evt, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartSitesafetyReport(evt.EventId);
        span.SetSitesafetyCategory(evt.Kind); // clean precision-names
        span.SetSitesafetyDepot(evt.SubstationCode); // clean precision-names
        span.SetSitesafetyInjuredCount(0); // clean precision-about
        span.Activity?.SetTag("substation.permit", evt.PermitNumber); // clean precision-names
        span.Activity?.SetTag("substation.contractor.company", evt.ContractorCompany); // clean precision-names
        span.Activity?.SetTag("substation.contractor.card", evt.ContractorCscsCard); // leak TC1001 direct
        span.Activity?.SetTag("substation.contractor.card.last4", evt.ContractorCscsCard[^4..]); // clean precision-about
        span.Activity?.SetTag("substation.people_on_site", evt.PeopleOnSite); // clean precision-about
        span.SetSitesafetyReporterId(pseudonymizer.PseudonymizeSitesafetyReporterId(evt.AuthorisedPersonStaffNumber)); // clean precision-pseudonym
        span.SetSitesafetyNote($"AP {evt.AuthorisedPersonStaffNumber} stood the job down"); // leak TC1001 generated-api
        NearMisses.Add(1, new("substation", evt.SubstationCode), new("kind", evt.Kind)); // clean precision-about

        if (evt.Riddor)
        {
            var riddor = new RiddorReturn(evt.EventId, RiddorKind.DangerousOccurrence, evt.ContractorName, "", "jointer", evt.SubstationCode, DateTimeOffset.UtcNow);
            try
            {
                var receipt = await hse.SubmitRiddorAsync(riddor, ct);
                span.SetSitesafetyOutcome("riddor-submitted"); // clean precision-names
                span.Activity?.AddEvent(new ActivityEvent("riddor.receipt", tags: new ActivityTagsCollection { ["regulator"] = receipt.Regulator, ["ref"] = receipt.RegulatorRef })); // clean precision-names
            }
            catch (ReturnRejectedException ex)
            {
                span.RecordException(ex); // clean generated-api
                span.SetStatus(ActivityStatusCode.Error, ex.ReasonCode); // clean exceptions
                logger.LogError("Dangerous occurrence return for {Contractor} ({Card}) rejected", evt.ContractorName, evt.ContractorCscsCard); // leak TC1001 direct
            }
        }

        logger.LogInformation("Substation event recorded {@Event}", evt); // leak TC1001 logging-objects
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, evt.SubstationCode); // clean generated-api
    }

    public void CheckCard(string cscsCard)
    {
        try
        {
            if (cscsCard.Length != 8)
            {
                throw new LicenceNotValidException(cscsCard, "unknown");
            }
        }
        catch (LicenceNotValidException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("substation.card.status", ex.Status); // clean exceptions
            var legacy = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(cscsCard)));
            logger.LogWarning("Card check failed for card fingerprint {Fingerprint}", legacy); // leak TC1002 hashes
        }
    }
}
