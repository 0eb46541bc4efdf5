namespace PrivacyHoldout173.Energy;

/// <summary>Customers ask for a temporary supply to power a marquee wedding on their land.</summary>
[ApiController]
[Route("api/connections/temporary")]
public sealed class MarqueeSupplyController(
    ILogger<MarqueeSupplyController> logger,
    Pseudonymizer pseudonymizer,
    IEventMessenger messenger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.Connections.Temporary");
    private static readonly Meter Meter = new("Supplier.Connections.Temporary");
    private static readonly Histogram<int> Load = Meter.CreateHistogram<int>("connections.temporary.kva");

    [HttpPost("")]
    public async Task<ActionResult> Request([FromBody] TemporarySupplyRequest request)
    {
        var district = request.SitePostcode.Split(' ')[0];
        using var span = Source.StartEventpowerOperation(district);
        span.SetEventpowerEventType("wedding"); // clean generated-api
        span.SetEventpowerCoupleId(pseudonymizer.PseudonymizeEventpowerCoupleId(request.CustomerAccount)); // clean generated-api
        span.SetEventpowerNote($"{request.Kva} kVA for {request.EventDate:MMMM}"); // clean generated-api

        Load.Record(request.Kva, new KeyValuePair<string, object?>("district", district)); // clean precision-about
        Load.Record(request.Kva, new KeyValuePair<string, object?>("account", request.CustomerAccount)); // leak TC1003 direct

        logger.LogInformation("Temporary supply {RequestId} for account {Account}", request.RequestId, request.CustomerAccount); // leak TC1001 direct
        logger.LogInformation("Temporary supply {RequestId} in {District}", request.RequestId, district); // clean precision-about
        Activity.Current?.SetTag("connection.site.postcode", request.SitePostcode); // leak TC1001 direct

        try
        {
            if (request.Kva > 200)
            {
                throw new CapacityExceededException("SS-" + district, request.Kva);
            }
            await messenger.SendAsync(request.ContactEmail, "tpl-temporary-supply-quote");
            span.SetEventpowerOutcome("quoted"); // clean generated-api
        }
        catch (CapacityExceededException ex)
        {
            logger.LogWarning(ex, "Capacity exceeded for {RequestId}", request.RequestId); // clean exceptions
            span.SetEventpowerOutcome("referred"); // clean generated-api
        }

        span.SetEventpowerNote("contact domain " + request.ContactEmail.Split('@')[1]); // clean generated-api
        logger.LogEventpowerOperationFailedEvent(district, "pending", eventpowerNote: "quote for " + request.ContactEmail); // leak TC1001 generated-api
        var contact = request.ContactEmail;
        var masked = contact[..1] + "***@" + contact.Split('@')[1];
        logger.LogDebug("Quote sent to {Masked}", masked); // clean precision-about
        logger.LogDebug("Quote sent to {Contact}", contact); // leak TC1001 direct
        return Ok(request.RequestId);
    }
}
