namespace PrivacyHoldout192.Retail;

/// <summary>
/// A DIY retailer's heat pump and insulation installs: quotes with the Boiler Upgrade Scheme grant, installers' visits
/// and customers' complaints.
/// </summary>
[ApiController]
[Route("installs")]
public sealed partial class HeatPumpInstallController(
    IApplicantStore store,
    IInstallerPlatform installers,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<HeatPumpInstallController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.HeatPumps");
    private static readonly Meter Meter = new("Retailer.HeatPumps");
    private static readonly Counter<long> Quotes = Meter.CreateCounter<long>("heatpumps.quotes");
    private static readonly Counter<long> Complaints = Meter.CreateCounter<long>("heatpumps.complaints");

    private string _lastCard = string.Empty;

    [HttpPost("quotes")]
    public async Task<ActionResult> Quote([FromBody] HeatPumpOrder order, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var customer = pseudonymizer.PseudonymizeDiyheatClientId(order.LoyaltyCard);
        using var span = Source.StartDiyheatOperation("store-0412", "heatpumps.quote")
            .SetDiyheatClientId(customer) // clean generated-api
            .SetDiyheatMeasure("ashp") // clean generated-api
            .SetDiyheatMode("bus"); // clean generated-api
        span.SetDiyheatNote($"{order.Model} {order.CapacityKw} kW"); // clean generated-api
        span.SetDiyheatNote($"install at {order.InstallPostcode} for {order.CustomerName}"); // leak TC1001 generated-api
        span.SetDiyheatOutcome(order.Email); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("heatpumps.order.id", order.OrderId); // clean precision-names
        activity?.SetTag("heatpumps.loyalty_card", order.LoyaltyCard); // leak TC1001 direct
        activity?.SetTag("heatpumps.loyalty_card.last4", order.LoyaltyCard[^4..]); // clean precision-about
        activity?.SetTag("heatpumps.customer", customer); // clean precision-pseudonym
        activity?.SetTag("heatpumps.customer_tier", "gold"); // clean precision-names
        activity?.SetTag("heatpumps.model", order.Model); // clean precision-names
        activity?.SetTag("heatpumps.capacity_kw", order.CapacityKw); // clean precision-about
        activity?.SetTag(DiyheatAttributes.Contact, order.Email); // leak TC1001 direct
        activity?.SetTag(DiyheatAttributes.ClientId, order.LoyaltyCard); // leak TC1001 direct
        _lastCard = order.LoyaltyCard;

        var quote = new InstallQuote(Guid.NewGuid().ToString("N"), order.Model, order.CapacityKw, 9800m, 7500m);
        logger.LogInformation("Quote {@Quote}", quote); // clean logging-objects
        logger.LogInformation("Quote for {@Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Quote for {Order}", order with { Email = "", LoyaltyCard = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Quote for {@Order}", new { order.OrderId, order.Model, order.CapacityKw }); // clean logging-objects
        LogQuoted(logger, order.CustomerName, order.InstallPostcode, quote.Price); // clean logging-objects
        LogCustomer(logger, order.Email); // leak TC1001 logging-objects
        Quotes.Add(1, new KeyValuePair<string, object?>("heatpumps.model", order.Model)); // clean precision-names
        Quotes.Add(1, new KeyValuePair<string, object?>("heatpumps.customer", customer.Value)); // leak TC1003 precision-pseudonym
        Quotes.Add(1, new KeyValuePair<string, object?>("heatpumps.postcode", order.InstallPostcode)); // leak TC1003 direct

        try
        {
            var job = await installers.BookAsync(order.InstallPostcode, "ashp", ct);
            activity?.SetTag("heatpumps.job.id", job.JobId); // clean precision-names
            activity?.SetTag("heatpumps.installer", job.InstallerCompany); // clean precision-names
        }
        catch (InstallerUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "No installer for order {OrderId}", order.OrderId); // clean exceptions
        }
        catch (PropertyNotSurveyedException ex)
        {
            logger.LogWarning(ex, "No EPC for order {OrderId}", order.OrderId); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "no EPC lodged"); // clean exceptions
        }

        Meter.CreateDiyheatOperationsCounter().Add(1, "store-0412", "quoted"); // clean generated-api
        Meter.CreateDiyheatOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "store-0412"); // clean generated-api
        return Ok(quote);
    }

    [HttpPost("complaints")]
    public async Task<ActionResult> Complain([FromBody] Complaint complaint, CancellationToken ct)
    {
        using var activity = Source.StartActivity("heatpumps.complaint");
        activity?.SetTag("heatpumps.complaint.id", complaint.ComplaintId); // clean precision-names
        activity?.SetTag("heatpumps.complaint.category", complaint.Category); // clean precision-about
        activity?.SetTag("heatpumps.complaint.details", complaint.Details); // leak TC1001 direct
        activity?.SetTag("heatpumps.complaint.details_length", complaint.Details.Length); // clean precision-about
        activity?.SetTag("heatpumps.complaint.applicant", complaint.ApplicantId); // leak TC1001 direct
        activity?.SetTag("heatpumps.complaint.email_domain", complaint.ContactEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("heatpumps.complaint.card", _lastCard); // leak TC1001 cross-member
        activity?.SetTag("heatpumps.complaint.has_card", _lastCard.Length > 0); // clean cross-member
        activity?.SetTag("heatpumps.complaint.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(complaint.Details)))); // leak TC1002 hashes
        activity?.SetTag("heatpumps.complaint.key", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(complaint.ContactEmail)))); // clean hashes
        logger.LogInformation("Complaint {Complaint}", complaint); // leak TC1001 logging-objects
        logger.LogInformation("Complaint " + complaint.ComplaintId + " about " + complaint.Category); // clean strings
        logger.LogInformation("Complaint from " + complaint.ContactEmail + ": " + complaint.Details); // leak TC1001 strings
        Complaints.Add(1, new KeyValuePair<string, object?>("heatpumps.complaint.category", complaint.Category)); // clean precision-names

        var applicant = await store.FindAsync(complaint.ApplicantId, ct);
        if (applicant is null)
        {
            var missing = new ApplicantNotFoundException(complaint.ApplicantId);
            logger.LogError(missing, "Complaint {ComplaintId} has no applicant", complaint.ComplaintId); // leak TC1001 exceptions
            return NotFound(complaint.ComplaintId);
        }

        activity?.SetTag("heatpumps.complaint.customer", pseudonymizer.PseudonymizeDiyheatClientId(applicant.ApplicantId)); // clean precision-pseudonym
        await store.SaveComplaintAsync(complaint, ct);
        return Ok(complaint.ComplaintId);
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Quoted {Name} at {Postcode}: {Price}")]
    private static partial void LogQuoted(ILogger logger, [PrivateData] string name, [PrivateData] string postcode, decimal price);

    [LoggerMessage(EventId = 51, Level = LogLevel.Information, Message = "Quote emailed to {Email}")]
    private static partial void LogCustomer(ILogger logger, string email);
}
