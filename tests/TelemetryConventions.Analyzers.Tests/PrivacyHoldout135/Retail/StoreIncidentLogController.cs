namespace PrivacyHoldout135.Retail;

/// <summary>A theft, abuse or violence incident logged by a colleague on the store's handheld.</summary>
public sealed record StoreIncident(
    string Store,
    string Kind,
    string ColleagueNumber,
    string ColleagueFirstName,
    string OffenderDescription,
    string? OffenderLoyaltyCard,
    decimal ValueLost,
    string? PoliceCrimeRef,
    IReadOnlyList<string> CameraIds);

/// <summary>Store incident log: thefts, abuse and violence against colleagues, with the CCTV cameras that saw it.</summary>
[ApiController]
[Route("api/stores/{store}/incidents")]
public sealed partial class StoreIncidentLogController(
    IIncidentClient incidents,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StoreIncidentLogController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retail.StoreSafety.Incidents");
    private static readonly Meter Meter = new("Retail.StoreSafety.Incidents");
    private static readonly StoresafeReportsCounter Reports = Meter.CreateStoresafeReportsCounter();
    private static readonly Counter<decimal> Losses = Meter.CreateCounter<decimal>("store.incident.losses", "GBP");
    private static readonly Counter<long> ViolenceToColleagues = Meter.CreateCounter<long>("store.violence", "{incident}");

    [HttpPost("")]
    public async Task<ActionResult> Log(string store, [FromBody] StoreIncident incident, CancellationToken ct)
    {
        var incidentRef = $"{store}-{DateTime.UtcNow:yyyyMMddHHmmss}";
        using var span = Source.StartStoresafeReport(incidentRef);
        span.SetStoresafeStore(store); // clean precision-names
        span.SetStoresafeCategory(incident.Kind); // clean precision-names
        span.SetStoresafeReporterId(pseudonymizer.PseudonymizeStoresafeReporterId(incident.ColleagueNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("store.cameras", incident.CameraIds.ToArray()); // clean precision-names
        span.Activity?.SetTag("store.value_lost", (double)incident.ValueLost); // clean precision-about
        span.Activity?.SetTag("store.police.crime_ref", incident.PoliceCrimeRef); // clean precision-names
        span.Activity?.SetTag("store.offender.description", incident.OffenderDescription); // leak TC1001 direct
        span.Activity?.SetTag("store.offender.card", incident.OffenderLoyaltyCard); // leak TC1001 direct
        span.Activity?.SetTag("store.offender.card.known", incident.OffenderLoyaltyCard is not null); // clean precision-about
        span.Activity?.SetTag("store.colleague", $"{incident.ColleagueFirstName} ({incident.ColleagueNumber})"); // leak TC1001 strings
        Losses.Add(incident.ValueLost, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("kind", incident.Kind)); // clean precision-about

        if (incident.Kind is "violence" or "abuse")
        {
            ViolenceToColleagues.Add(1, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("colleague", pseudonymizer.PseudonymizeStoresafeReporterId(incident.ColleagueNumber))); // leak TC1003 precision-pseudonym
            LogViolence(logger, store, incident.ColleagueNumber); // clean generated-api
        }

        if (incident.OffenderLoyaltyCard is { } card)
        {
            var lane = Math.Abs(card.GetHashCode()) % 8;
            span.Activity?.SetTag("store.offender.lane", lane); // leak TC1002 hashes
            span.Activity?.SetTag("store.offender.card.last4", card[^4..]); // clean precision-about
        }

        var report = new IncidentReport(incidentRef, incident.Kind, HarmGrade.None, store, DateTimeOffset.UtcNow, incident.ColleagueNumber, incident.OffenderDescription, Array.Empty<InvolvedPerson>());
        try
        {
            var result = await incidents.SubmitAsync(report, ct);
            Reports.Add(1, store, incident.Kind, result.Status); // clean generated-api
        }
        catch (IncidentValidationException ex) when (ex.Field == "reporter")
        {
            logger.LogWarning(ex, "Colleague number refused by the incident platform"); // leak TC1001 exceptions
        }

        logger.LogInformation("Store incident {@Incident}", incident); // leak TC1001 logging-objects
        return Ok(incidentRef);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Violence or abuse at {Store} against colleague {ColleagueNumber}")]
    private static partial void LogViolence(ILogger logger, string store, [PrivateData] string colleagueNumber);
}
