namespace PrivacyHoldout175.Energy;

/// <summary>Quotes temporary supplies for festival and concert sites.</summary>
[ApiController]
[Route("api/event-supplies")]
public sealed class FestivalSiteSupplyController(ILogger<FestivalSiteSupplyController> logger, Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Power.EventSupplies");
    private static readonly Meter Meter = new("Power.EventSupplies");
    private static readonly Counter<long> Quotes = Meter.CreateCounter<long>("event_supply.quotes");

    [HttpPost("quotes")]
    public ActionResult Quote([FromBody] SiteSupplyRequest request)
    {
        using var activity = Source.StartActivity("event-supply.quote");
        var district = request.SitePostcode.Split(' ')[0];
        activity?.SetTag("site.postcode.district", district); // clean precision-about
        activity?.SetTag("site.postcode", request.SitePostcode); // leak TC1001 direct
        activity?.SetTag("supply.kva", request.Kva); // clean precision-about
        activity?.SetTag("customer.account", request.AccountNumber); // leak TC1001 direct

        logger.LogInformation("Quote for {Kva} kVA in {District}", request.Kva, district); // clean precision-about
        logger.LogInformation("Quote requested by {ContactEmail}", request.ContactEmail); // leak TC1001 direct
        logger.LogInformation("Quote request {@Request}", request); // leak TC1001 logging-objects

        var account = pseudonymizer.PseudonymizeSitepowerHolderId(request.AccountNumber);
        using var span = Source.StartSitepowerOperation(district).SetSitepowerHolderId(account).SetSitepowerEventType("festival"); // clean generated-api
        span.SetSitepowerNote($"{request.Kva} kVA, {district}"); // clean generated-api
        Activity.Current?.SetTag(SitepowerAttributes.Contact, request.ContactEmail); // leak TC1001 generated-api
        Quotes.Add(1, new KeyValuePair<string, object?>("district", district)); // clean precision-names
        Quotes.Add(1, new KeyValuePair<string, object?>("account", account)); // leak TC1003 precision-pseudonym

        if (request.Kva > 800)
        {
            var detail = "Over capacity for account " + request.AccountNumber;
            activity?.SetStatus(ActivityStatusCode.Error, detail); // leak TC1001 strings
            return BadRequest("capacity");
        }

        activity?.SetStatus(ActivityStatusCode.Ok, "quoted"); // clean precision-names
        return Ok();
    }
}
