namespace PrivacyHoldout200.Media;

/// <summary>A mortgage lead a buyer leaves on a listing page of the property portal.</summary>
public sealed record MortgageLead(string LeadId, string ListingId, string BuyerId, string BuyerName, string BuyerEmail, string BuyerPhone, decimal Income, decimal Deposit, string Message);

/// <summary>An affordability calculation on the portal, anonymous by design.</summary>
public sealed record AffordabilityCalculation(string CalculationId, string ListingId, decimal AskingPrice, decimal Deposit, decimal MonthlyPayment, int TermYears);

/// <summary>The portal's lead repository: stores leads and passes them to partner brokers.</summary>
public sealed partial class MortgageLeadRepository(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<MortgageLeadRepository> logger)
{
    private static readonly ActivitySource Source = new("Portal.MortgageLeads");
    private readonly Counter<long> _leads = meter.CreateCounter<long>("portal.mortgage_leads");
    private readonly List<MortgageLead> _pending = new();
    private const string Site = "portal-web";

    public Task SaveAsync(MortgageLead lead, CancellationToken ct)
    {
        using var span = Source.StartHomefinderOperation(Site);
        span.SetHomefinderStage("dip"); // clean generated-api
        span.SetHomefinderApplicantId(pseudonymizer.PseudonymizeHomefinderApplicantId(lead.BuyerId)); // clean generated-api
        span.SetHomefinderNote(lead.Message); // leak TC1001 generated-api
        span.SetHomefinderProduct("lead-" + lead.ListingId); // clean generated-api
        Activity.Current?.SetTag("portal.listing_id", lead.ListingId); // clean precision-names
        Activity.Current?.SetTag("portal.lead_id", lead.LeadId); // clean precision-names
        Activity.Current?.SetTag("portal.buyer_id", lead.BuyerId); // leak TC1001 direct
        Activity.Current?.SetTag("portal.buyer_phone", lead.BuyerPhone); // leak TC1001 direct
        Activity.Current?.SetTag("portal.buyer_phone_prefix", lead.BuyerPhone[..3]); // clean precision-about
        Activity.Current?.SetTag("portal.deposit", (double)lead.Deposit); // clean precision-about
        Activity.Current?.SetTag("portal.message_length", lead.Message.Length); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("lead.message", tags: new ActivityTagsCollection { ["lead.text"] = lead.Message })); // leak TC1001 direct
        _leads.Add(1, new KeyValuePair<string, object?>("listing", lead.ListingId)); // clean precision-names
        _leads.Add(1, new KeyValuePair<string, object?>("buyer", lead.BuyerEmail)); // leak TC1003 direct
        meter.CreateHomefinderOperationsCounter().Add(1, Site, "saved"); // clean generated-api
        _pending.Add(lead);
        logger.LogInformation("Lead saved {LeadId} for listing {ListingId}", lead.LeadId, lead.ListingId); // clean precision-names
        LogLeadContact(logger, lead.LeadId, lead.BuyerEmail, lead.BuyerPhone); // clean logging-objects
        LogLeadMessage(logger, lead.LeadId, lead.Message); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }

    public void Calculate(AffordabilityCalculation calculation, string? buyerId)
    {
        using var activity = Source.StartActivity("portal.affordability");
        activity?.SetTag("portal.calculation_id", calculation.CalculationId); // clean precision-names
        activity?.SetTag("portal.monthly_payment", (double)calculation.MonthlyPayment); // clean precision-about
        logger.LogInformation("Calculation {@Calculation}", calculation); // clean logging-objects
        logger.LogInformation("Calculation {@Calculation}", calculation with { TermYears = 35 }); // clean logging-objects
        activity?.SetTag("portal.signed_in", buyerId is not null); // clean precision-about
        if (buyerId is not null)
        {
            activity?.SetTag("portal.buyer", pseudonymizer.ComputeHomefinderApplicantId(buyerId)); // clean precision-pseudonym
            Baggage.SetBaggage("portal.buyer", buyerId); // leak TC1001 direct
            using (logger.BeginScope(new Dictionary<string, object?> { ["BuyerId"] = buyerId, ["ListingId"] = calculation.ListingId })) // leak TC1001 logging-objects
            {
                logger.LogInformation("Affordability viewed"); // clean precision-names
            }
        }
    }

    public void FlushToBrokers()
    {
        using var activity = Source.StartActivity("portal.lead_flush");
        activity?.SetTag("portal.pending_count", _pending.Count); // clean cross-member
        activity?.SetTag("portal.pending_listings", string.Join(",", _pending.Select(l => l.ListingId))); // clean cross-member
        activity?.SetTag("portal.pending_buyers", string.Join(",", _pending.Select(l => l.BuyerName))); // leak TC1001 cross-member
        foreach (var lead in _pending)
        {
            logger.LogInformation("Flushing {@Lead}", lead); // leak TC1001 logging-objects
            logger.LogInformation("Flushing {Lead}", new { lead.LeadId, lead.ListingId, IncomeBand = lead.Income > 50_000 ? "50k+" : "under-50k" }); // clean logging-objects
            var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(lead.BuyerEmail.ToLowerInvariant())));
            activity?.AddEvent(new ActivityEvent("lead.flushed", tags: new ActivityTagsCollection { ["lead.buyer_digest"] = digest })); // leak TC1002 hashes
            var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(lead.BuyerEmail)));
            activity?.AddEvent(new ActivityEvent("lead.flushed", tags: new ActivityTagsCollection { ["lead.buyer_key"] = keyed })); // clean hashes
            var subject = "Mortgage enquiry from " + lead.BuyerName + " about " + lead.ListingId;
            logger.LogInformation("Broker email subject: {Subject}", subject); // leak TC1001 strings
            var safeSubject = "Mortgage enquiry about " + lead.ListingId;
            logger.LogInformation("Broker email subject: {Subject}", safeSubject); // clean strings
        }

        _pending.Clear();
    }

    public void Reject(MortgageLead lead, Exception cause)
    {
        var ex = new InvalidOperationException($"Lead {lead.LeadId} from {lead.BuyerEmail} rejected by broker", cause);
        logger.LogError(ex, "Lead rejected"); // leak TC1001 exceptions
        Activity.Current?.SetStatus(ActivityStatusCode.Error, $"Lead {lead.LeadId} rejected"); // clean exceptions
        Activity.Current?.AddException(new TimeoutException($"Broker API timed out for lead {lead.LeadId}")); // clean exceptions
        logger.LogHomefinderOperationFailedEvent(Site, "rejected", homefinderApplicantId: pseudonymizer.PseudonymizeHomefinderApplicantId(lead.BuyerId), homefinderNote: "broker rejected"); // clean generated-api
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {LeadId} contact {Email} {Phone}")]
    private static partial void LogLeadContact(ILogger logger, string leadId, [PrivateData] string email, [PrivateData] string phone);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lead {LeadId} message {Message}")]
    private static partial void LogLeadMessage(ILogger logger, string leadId, string message);
}
