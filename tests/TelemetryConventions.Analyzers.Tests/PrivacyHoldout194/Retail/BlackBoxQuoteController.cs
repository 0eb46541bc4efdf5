namespace PrivacyHoldout194.Retail;

/// <summary>
/// A retailer sells black-box motor insurance at its car accessories counters and online: quotes,
/// renewals priced from the driving score, and the box fitting appointment.
/// </summary>
[ApiController]
[Route("black-box")]
public sealed partial class BlackBoxQuoteController(
    IPolicyStore policies,
    IJourneyStore journeys,
    IScoringEngine scoring,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BlackBoxQuoteController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.BoxSure");
    private static readonly Meter Meter = new("Retailer.BoxSure");
    private static readonly Histogram<double> Premiums = Meter.CreateHistogram<double>("boxsure.premium");

    public sealed record QuoteRequest(string StoreId, string FullName, string Email, DateOnly DateOfBirth, string LicenceNumber, string Registration, string Postcode, int YearsNoClaims, string LoyaltyCardNumber);

    public sealed record Quote(string QuoteId, decimal Premium, decimal Excess, string Product);

    [HttpPost("quotes")]
    public ActionResult CreateQuote([FromBody] QuoteRequest request)
    {
        using var activity = Source.StartActivity("boxsure.quote");
        activity?.SetTag("store.id", request.StoreId); // clean precision-names
        activity?.SetTag("quote.years_no_claims", request.YearsNoClaims); // clean precision-about
        activity?.SetTag("quote.driver_age", DateTime.UtcNow.Year - request.DateOfBirth.Year); // clean precision-about
        activity?.SetTag("quote.date_of_birth", request.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        activity?.SetTag("quote.licence_number", request.LicenceNumber); // leak TC1001 direct
        activity?.SetTag("quote.postcode_district", request.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("quote.postcode", request.Postcode); // leak TC1001 direct
        activity?.SetTag("loyalty.card", request.LoyaltyCardNumber); // leak TC1001 direct
        activity?.SetTag("loyalty.card_last4", request.LoyaltyCardNumber[^4..]); // clean precision-about

        var quote = new Quote(Guid.NewGuid().ToString("N"), 612.40m, 250m, "boxsure-young");
        activity?.SetTag("quote.id", quote.QuoteId); // clean precision-names
        activity?.SetTag("quote.product", quote.Product); // clean precision-about
        Premiums.Record((double)quote.Premium, new KeyValuePair<string, object?>("product", quote.Product)); // clean precision-about
        Premiums.Record((double)quote.Premium, new KeyValuePair<string, object?>("registration", request.Registration)); // leak TC1003 direct
        logger.LogInformation("Quote {Quote} for request {@Request}", quote, request); // leak TC1001 logging-objects
        logger.LogInformation("Quote {Quote}", quote); // clean logging-objects
        logger.LogInformation("Quote for {Request}", request with { Email = "", LicenceNumber = "", LoyaltyCardNumber = "" }); // leak TC1001 logging-objects
        LogQuoted(logger, quote.QuoteId, request.Email); // clean logging-objects
        return Ok(quote);
    }

    [HttpPost("renewals/{policyNumber}")]
    public async Task<ActionResult> Renew(string policyNumber, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("boxsure.renew");
        var holder = await policies.FindByPolicyNumberAsync(policyNumber, cancellationToken);
        if (holder is null)
        {
            var ex = new PolicyNotFoundException(policyNumber);
            logger.LogWarning("Renewal failed: {Reason}", ex.Message); // leak TC1001 exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
            return NotFound();
        }

        activity?.SetTag("policyholder.tier", holder.Tier); // clean precision-names
        activity?.SetTag("policyholder.id", holder.PolicyholderId); // leak TC1001 direct
        var journeysThisWeek = await journeys.GetJourneysAsync(policyNumber, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);
        WeeklyScore score;
        try
        {
            score = await scoring.ScoreAsync(policyNumber, journeysThisWeek, cancellationToken);
        }
        catch (ScoringUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogError(ex, "Scoring unavailable at renewal"); // clean exceptions
            logger.LogBoxsureOperationFailedEvent("online", "scoring-unavailable", boxsureClientId: pseudonymizer.PseudonymizeBoxsureClientId(holder.PolicyholderId), boxsureNote: ex.Message); // clean generated-api
            return BadRequest("scoring unavailable");
        }

        var band = scoring.BandFor(score.Score);
        var summary = new StringBuilder();
        summary.Append("renewal ").Append(band.Band).Append(" discount ").Append(band.DiscountPercent);
        activity?.SetTag("renewal.summary", summary.ToString()); // clean strings
        summary.Append(" for ").Append(holder.Email);
        activity?.SetTag("renewal.summary_full", summary.ToString()); // leak TC1001 strings
        activity?.SetTag("renewal.email_hash", holder.Email.ToLowerInvariant().GetHashCode().ToString("x8")); // leak TC1002 hashes
        activity?.SetTag("renewal.harsh_brakes", score.HarshBrakes); // clean precision-about
        activity?.SetTag("renewal.night_minutes", score.NightMinutes); // clean precision-about

        using var span = Source.StartBoxsureOperation("online"); // clean generated-api
        span.SetBoxsureClientId(pseudonymizer.PseudonymizeBoxsureClientId(holder.PolicyholderId)); // clean generated-api
        span.SetBoxsureOutcome("renewed"); // clean generated-api
        span.SetBoxsureNote($"renewed in band {band.Band}"); // clean generated-api
        span.SetBoxsureNote($"renewed {holder.PolicyNumber} for {holder.FullName}"); // leak TC1001 generated-api
        Meter.CreateBoxsureOperationsCounter().Add(1, "online", boxsureOutcome: band.Band); // clean generated-api
        Meter.CreateBoxsureOperationsCounter().Add(1, "online", boxsureOutcome: holder.PolicyNumber); // leak TC1003 generated-api
        return Ok(new { band.Band, band.DiscountPercent });
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Quote {QuoteId} sent to {Email}")]
    private static partial void LogQuoted(ILogger logger, string quoteId, [PrivateData] string email);
}
