namespace PrivacyHoldout154.Retail;

/// <summary>Web leads from the group's site and the showroom tablets: find or create the customer, reserve a stock car, value a part exchange.</summary>
[ApiController]
[Route("api/leads")]
public sealed class SalesLeadsController(
    IDealerCrm crm,
    IDealerManagementSystem dms,
    ILogger<SalesLeadsController> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter) : ControllerBase
{
    private static readonly Counter<long> LeadsReceived = new Meter("MotorGroup.Sales").CreateCounter<long>("dealer.leads.received");

    private string? _lastUnmatchedEmail;

    [HttpPost("")]
    public async Task<ActionResult> CreateAsync([FromBody] SalesLead lead, string site, CancellationToken cancellationToken)
    {
        using var span = source.StartDealerOperation(site);
        span.SetDealerCustomerId(pseudonymizer.PseudonymizeDealerCustomerId(lead.CustomerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("lead.source", lead.Source); // clean precision-names
        Activity.Current?.SetTag("lead.model_interest", lead.ModelInterest); // clean precision-about
        Activity.Current?.SetTag("lead.customer_email", lead.Email); // leak TC1001 direct
        logger.LogInformation("Lead {LeadId} received from {Source} at {Site}", lead.LeadId, lead.Source, site); // clean precision-names
        logger.LogInformation("Lead received {Lead}", lead); // leak TC1001 logging-objects
        LeadsReceived.Add(1, new KeyValuePair<string, object?>("lead.source", lead.Source), new KeyValuePair<string, object?>("dealer.site", site)); // clean precision-about
        LeadsReceived.Add(1, new KeyValuePair<string, object?>("customer.number", lead.CustomerNumber)); // leak TC1003 direct

        var customer = await crm.FindByEmailAsync(lead.Email, cancellationToken);
        if (customer is null)
        {
            _lastUnmatchedEmail = lead.Email;
            span.SetDealerOutcome("unmatched"); // clean precision-about
            Activity.Current?.SetTag("lead.email_domain", lead.Email[(lead.Email.IndexOf('@') + 1)..]); // clean precision-about
            return NotFound();
        }

        Activity.Current?.SetTag("customer.has_mobile", !string.IsNullOrEmpty(customer.Mobile)); // clean precision-about
        Activity.Current?.SetTag("customer.postcode_district", customer.Postcode.Split(' ')[0]); // clean precision-about
        logger.LogDebug("Matched customer {Customer}", customer); // leak TC1001 logging-objects
        logger.LogDebug("Matched customer {CustomerId}", pseudonymizer.ComputeDealerCustomerId(customer.CustomerNumber)); // clean precision-pseudonym
        logger.LogInformation("Lead for {FirstName} {LastName}", customer.FirstName, customer.LastName); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("lead.matched", tags: new ActivityTagsCollection { ["customer.mobile"] = customer.Mobile })); // leak TC1001 direct
        await crm.SaveLeadAsync(lead, cancellationToken);
        return Ok(lead.LeadId);
    }

    [HttpGet("unmatched/last")]
    public ActionResult LastUnmatched()
    {
        logger.LogWarning("Last unmatched lead email was {Email}", _lastUnmatchedEmail); // leak TC1001 cross-member
        logger.LogWarning("Last unmatched lead email length {Length}", _lastUnmatchedEmail?.Length ?? 0); // clean cross-member
        return Ok();
    }

    [HttpPost("{leadId}/reserve/{stockNumber}")]
    public async Task<ActionResult> ReserveAsync(string leadId, string stockNumber, string site, CancellationToken cancellationToken)
    {
        var stock = await dms.StockAsync(stockNumber, cancellationToken);
        if (stock is null)
        {
            return NotFound(stockNumber);
        }

        using var span = source.StartDealerOperation(site).SetDealerLineCount(1);
        Activity.Current?.SetTag("stock.number", stock.StockNumber); // clean precision-names
        Activity.Current?.SetTag("stock.vin", stock.Vin); // clean precision-names
        Activity.Current?.SetTag("stock.registration", stock.Registration); // clean precision-names
        logger.LogInformation("Reserved {Stock} for lead {LeadId}", stock, leadId); // clean logging-objects
        try
        {
            await Task.Yield();
            throw new StockReservedException(stockNumber, leadId);
        }
        catch (StockReservedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Reservation refused for lead {LeadId}", leadId); // clean exceptions
        }

        meter.CreateDealerSalesCounter().Add(1, site, "reserved"); // clean generated-api
        return Ok();
    }

    [HttpPost("part-exchange")]
    public async Task<ActionResult> ValuePartExchangeAsync([FromBody] PartExchange partExchange, string site, CancellationToken cancellationToken)
    {
        using var span = source.StartDealerOperation(site);
        span.SetDealerNote($"PX {partExchange.Registration} at {partExchange.Mileage} miles"); // leak TC1001 generated-api
        span.SetDealerNote($"PX {partExchange.Registration[..2]} area, {partExchange.Mileage} miles"); // clean generated-api
        Activity.Current?.SetTag("px.vin", partExchange.Vin); // leak TC1001 direct
        Activity.Current?.SetTag("px.mileage_band", partExchange.Mileage / 10_000 * 10_000); // clean precision-about
        logger.LogInformation("Valuing {@PartExchange}", partExchange); // leak TC1001 logging-objects
        try
        {
            var value = await dms.ValueAsync(partExchange, cancellationToken);
            Activity.Current?.SetTag("px.valuation", value); // clean precision-about
            return Ok(value);
        }
        catch (VinDecodeException ex)
        {
            logger.LogError(ex, "Part exchange could not be valued"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return BadRequest();
        }
    }
}
