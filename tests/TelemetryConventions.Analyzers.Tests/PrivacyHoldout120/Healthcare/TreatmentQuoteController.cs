namespace PrivacyHoldout120.Healthcare;

public sealed record TreatmentQuoteRequest(string HospitalNumber, string ProcedureCode, string Postcode, DateOnly DateOfBirth, string? InsurerCode, string? MembershipNumber, string PatientEmail);

public sealed record TreatmentQuote(string QuoteReference, decimal Premium, QuoteDecision Decision, DateTimeOffset ExpiresAt);

/// <summary>Prices self-pay packages and insured shortfalls for the private patients' unit.</summary>
[ApiController]
[Route("api/treatment-quotes")]
public sealed class TreatmentQuoteController(
    IRatingEngine engine,
    Pseudonymizer pseudonymizer,
    CoverOptions options,
    ILogger<TreatmentQuoteController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Hospital.PrivatePatients.Quotes");
    private static readonly Meter Meter = new("Hospital.PrivatePatients.Quotes");
    private static readonly PmicoverQuotesCounter Quotes = Meter.CreatePmicoverQuotesCounter();
    private static readonly Counter<long> ShortfallQuotes = Meter.CreateCounter<long>("pmi.shortfall.quotes");

    [HttpPost]
    public async Task<ActionResult> QuoteAsync([FromBody] TreatmentQuoteRequest request, CancellationToken ct)
    {
        using var span = Source.StartPmicoverQuote(request.ProcedureCode);
        span.SetPmicoverPatientId(pseudonymizer.PseudonymizePmicoverPatientId(request.HospitalNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("pmi.procedure", request.ProcedureCode); // clean precision-about
        span.Activity?.SetTag("pmi.insured", request.InsurerCode is not null); // clean precision-about
        span.Activity?.SetTag("pmi.insurer", request.InsurerCode); // clean precision-names

        var rating = new RatingRequest { Product = request.InsurerCode is null ? "self-pay" : "shortfall", Channel = "portal" };
        rating.Factors["procedure"] = request.ProcedureCode;
        rating.Factors["postcode"] = request.Postcode;
        rating.Factors["ageAtInception"] = Age(request.DateOfBirth).ToString(CultureInfo.InvariantCulture);
        if (request.MembershipNumber is not null)
        {
            rating.Factors["membership"] = request.MembershipNumber;
            span.Activity?.SetTag("pmi.membership.number", request.MembershipNumber); // leak TC1001 direct
        }

        logger.LogDebug("Rating request {Request} for procedure {Procedure}", rating, request.ProcedureCode); // clean logging-objects
        logger.LogDebug("Rating factors {@Factors}", rating.Factors); // leak TC1001 logging-objects
        logger.LogDebug("Rating factor names {Names}", string.Join(",", rating.Factors.Keys)); // clean strings

        RatingResponse response;
        try
        {
            response = await engine.RateAsync(rating, ct);
        }
        catch (RatingEngineException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Engine refused quote for {HospitalNumber}: {Code}", request.HospitalNumber, ex.ErrorCode); // leak TC1001 direct
            Quotes.Add(1, rating.Product, PmicoverDecision.Decline, "engine-error"); // clean generated-api
            return BadRequest(ex.ErrorCode);
        }

        span.SetPmicoverQuoteRef(response.QuoteReference) // clean generated-api
            .SetPmicoverPremium((double)response.Premium) // clean generated-api
            .SetPmicoverOutcome("quoted"); // clean generated-api
        logger.LogInformation("Quote {Response}", response); // clean logging-objects
        span.Activity?.SetTag("pmi.reason.codes", string.Join(";", response.ReasonCodes)); // clean strings

        if (response.Decision == QuoteDecision.Refer)
        {
            span.SetPmicoverNote($"Referred: {request.ProcedureCode} for patient {request.HospitalNumber}, age {Age(request.DateOfBirth)}"); // leak TC1001 generated-api
            span.Activity?.SetTag(PmicoverAttributes.PatientContact, request.PatientEmail); // leak TC1001 generated-api
        }

        ShortfallQuotes.Add(1, new KeyValuePair<string, object?>("insurer", request.InsurerCode ?? "none"), new KeyValuePair<string, object?>("member", request.MembershipNumber)); // leak TC1003 direct
        Quotes.Add(1, rating.Product, response.Decision == QuoteDecision.Accept ? PmicoverDecision.Accept : PmicoverDecision.Refer, "quoted"); // clean generated-api

        Activity.Current?.AddEvent(new ActivityEvent("quote.issued", tags: new ActivityTagsCollection
        {
            ["quote.ref"] = response.QuoteReference, // clean precision-names
            ["quote.expires"] = response.ExpiresAt.ToString("O"), // clean precision-about
            ["patient.postcode"] = request.Postcode, // leak TC1001 direct
        }));
        return Ok(new TreatmentQuote(response.QuoteReference, response.Premium + response.InsurancePremiumTax, response.Decision, response.ExpiresAt));
    }

    private static int Age(DateOnly dateOfBirth)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var age = today.Year - dateOfBirth.Year;
        return dateOfBirth > today.AddYears(-age) ? age - 1 : age;
    }
}
