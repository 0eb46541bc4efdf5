namespace PrivacyHoldout178.Retail;

/// <summary>Store colleagues log incidents (a collapse, a shoplifter who assaulted staff) and the 999 calls made for them.</summary>
[ApiController]
[Route("api/store-incidents")]
public sealed class StoreIncidentController(Pseudonymizer pseudonymizer, ILogger<StoreIncidentController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.StoreIncidents");
    private static readonly Meter Meter = new("Retailer.StoreIncidents");
    private static readonly Counter<long> Incidents = Meter.CreateCounter<long>("store.incidents");

    [HttpPost("")]
    public ActionResult Log([FromBody] StoreIncident incident)
    {
        using var span = Source.StartStoresafeOperation(incident.StoreCode);
        span.Activity?.SetTag("store.incident", incident.IncidentNumber); // clean precision-names
        span.Activity?.SetTag("store.code", incident.StoreCode); // clean precision-names
        span.SetStoresafeResponderId(pseudonymizer.PseudonymizeStoresafeResponderId(incident.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("store.colleague", incident.StaffNumber); // leak TC1001 direct
        span.Activity?.SetTag("store.description.length", incident.Description.Length); // clean precision-about
        logger.LogInformation("Incident {IncidentNumber} at {Store}: {Description}", incident.IncidentNumber, incident.StoreCode, incident.Description); // leak TC1001 direct
        if (incident.LoyaltyNumber is { } loyalty)
        {
            span.SetStoresafeCallerId(pseudonymizer.PseudonymizeStoresafeCallerId(loyalty)); // clean precision-pseudonym
            span.Activity?.SetTag("store.customer.card_last4", loyalty[^4..]); // clean precision-about
            span.Activity?.SetTag("store.customer.card", loyalty); // leak TC1001 direct
            Incidents.Add(1, new KeyValuePair<string, object?>("customer", Pseudonym.FromComputed(loyalty))); // leak TC1003 precision-pseudonym
            span.Activity?.SetTag("store.customer.ref", Pseudonym.FromComputed(loyalty).Value); // leak TC1001 precision-pseudonym
        }

        Incidents.Add(1, new KeyValuePair<string, object?>("store", incident.StoreCode)); // clean precision-about
        logger.LogInformation("Incident {@Incident}", incident); // leak TC1001 logging-objects
        logger.LogInformation("Incident {Incident}", new { incident.IncidentNumber, incident.StoreCode }); // clean logging-objects
        span.SetStoresafeNote($"{incident.StoreCode}: 999 called, description {incident.Description.Length} chars"); // clean generated-api
        span.SetStoresafeNote("Loyalty " + incident.LoyaltyNumber); // leak TC1001 generated-api
        try
        {
            throw new StoreClosedException(incident.StoreCode);
        }
        catch (StoreClosedException ex)
        {
            logger.LogWarning(ex, "Store closed while logging {IncidentNumber}", incident.IncidentNumber); // clean exceptions
            span.Activity?.AddException(ex); // clean exceptions
        }

        return Ok();
    }
}
