namespace PrivacyHoldout200.Retail;

/// <summary>A joint application as the retailer's bank receives it from the app.</summary>
public sealed record JointApplicationForm(
    string ApplicationId,
    string LoyaltyCardNumber,
    Applicant First,
    Applicant? Second,
    decimal LoanAmount,
    decimal PropertyValue,
    int TermYears,
    string ProductCode);

/// <summary>A mortgage offer letter, about the loan only.</summary>
public sealed record OfferSummary(string OfferId, string ApplicationId, string ProductCode, decimal Rate, decimal LoanAmount, DateOnly ExpiresOn);

/// <summary>The retailer's bank: mortgage applications, credit searches and offers for its shoppers.</summary>
[ApiController]
[Route("bank/mortgages")]
public sealed partial class StoreBankMortgageController(
    ApplicationStore store,
    CreditBureauClient bureau,
    AffordabilityEngine affordability,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    LendingTelemetryOptions options,
    Meter meter,
    ILogger<StoreBankMortgageController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("StoreBank.Mortgages");
    private readonly Counter<long> _applications = meter.CreateCounter<long>("storebank.mortgage_applications");
    private readonly UpDownCounter<long> _inFlight = meter.CreateUpDownCounter<long>("storebank.credit_searches_in_flight");
    private const string Site = "storebank-online";

    [HttpPost("joint")]
    public async Task<ActionResult> ApplyJointAsync([FromBody] JointApplicationForm form, CancellationToken ct)
    {
        using var span = Source.StartStorebankOperation(Site);
        span.SetStorebankApplicantId(pseudonymizer.PseudonymizeStorebankApplicantId(form.First.ApplicantId)); // clean generated-api
        span.SetStorebankTermYears(form.TermYears); // clean generated-api
        span.SetStorebankProduct(form.ProductCode); // clean generated-api
        span.SetStorebankStage("application"); // clean generated-api
        span.SetStorebankNote($"Joint application with {form.Second?.FullName}"); // leak TC1001 generated-api
        span.SetStorebankNote($"Joint application, {(form.Second is null ? 1 : 2)} applicants"); // clean generated-api
        Activity.Current?.SetTag("storebank.application_id", form.ApplicationId); // clean precision-names
        Activity.Current?.SetTag("storebank.applicant_count", form.Second is null ? 1 : 2); // clean precision-names
        Activity.Current?.SetTag("storebank.loyalty_card", form.LoyaltyCardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("storebank.loyalty_card_last4", form.LoyaltyCardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("storebank.customer_tier", "gold"); // clean precision-names
        Activity.Current?.SetTag("storebank.first_ni_number", form.First.NationalInsuranceNumber); // leak TC1001 direct
        Activity.Current?.SetTag("storebank.second_applicant", form.Second?.ApplicantId); // leak TC1001 direct
        Activity.Current?.SetTag("storebank.second_applicant_pseudonym", form.Second is null ? null : pseudonymizer.ComputeStorebankApplicantId(form.Second.ApplicantId)); // clean precision-pseudonym
        Activity.Current?.SetTag("storebank.ltv", (double)(form.LoanAmount / form.PropertyValue)); // clean precision-about
        Activity.Current?.SetTag("storebank.large_loan", form.LoanAmount > options.LargeLoanThreshold); // clean precision-about
        Activity.Current?.SetTag("storebank.combined_income", (double)(form.First.AnnualIncome + (form.Second?.AnnualIncome ?? 0))); // clean precision-about
        Activity.Current?.SetTag("storebank.region", options.Region); // clean precision-names
        Activity.Current?.SetTag("http.user_agent", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : null); // clean precision-names
        Activity.Current?.SetTag("enduser.id", HttpContext.User.SubjectId); // leak TC1001 direct
        Activity.Current?.SetTag("enduser.email", HttpContext.User.Email); // leak TC1001 direct
        Activity.Current?.SetTag("enduser.authenticated", HttpContext.User.IsAuthenticated); // clean precision-about
        Activity.Current?.SetTag("http.request_id", HttpContext.TraceIdentifier); // clean precision-names

        _applications.Add(1, new KeyValuePair<string, object?>("product", form.ProductCode)); // clean precision-names
        _applications.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeStorebankApplicantId(form.First.ApplicantId))); // leak TC1003 precision-pseudonym
        _applications.Add(1, new KeyValuePair<string, object?>("loyalty_card", form.LoyaltyCardNumber)); // leak TC1003 direct

        logger.LogInformation("Joint application {@Form}", form); // leak TC1001 logging-objects
        logger.LogInformation("First applicant {@Applicant}", form.First with { NationalInsuranceNumber = "***" }); // leak TC1001 logging-objects
        logger.LogInformation("Application {ApplicationId} for {LoanAmount:C} over {TermYears} years", form.ApplicationId, form.LoanAmount, form.TermYears); // clean precision-about

        var application = new MortgageApplication(form.ApplicationId, form.First.ApplicantId, form.Second?.ApplicantId, form.LoanAmount, form.PropertyValue, form.TermYears, form.ProductCode, "online");
        await store.SaveAsync(application, ct);
        var result = affordability.Assess(application, form.First, form.Second);
        logger.LogInformation("Affordability {Result}", result); // clean logging-objects
        logger.LogInformation("Saved {Application}", application); // leak TC1001 logging-objects

        _inFlight.Add(1);
        try
        {
            var first = await bureau.SearchAsync(form.First, hard: false, ct);
            logger.LogInformation("Soft search {SearchId} score {Score} band {Band}", first.SearchId, first.Score, first.ScoreBand); // clean precision-about
            logger.LogInformation("Soft search reasons {Reasons}", string.Join("|", first.ReasonCodes)); // clean strings
            logger.LogInformation("Soft search for {Name} born {DateOfBirth}", form.First.FullName, form.First.DateOfBirth); // leak TC1001 direct
            LogSoftSearch(logger, first.SearchId, form.First.NationalInsuranceNumber); // clean logging-objects
            LogSoftSearchSubject(logger, first.SearchId, first.BureauConsumerId); // leak TC1001 logging-objects
        }
        catch (CreditFileFrozenException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogStorebankOperationFailedEvent(Site, "frozen", storebankNote: ex.Message); // leak TC1001 generated-api
            return BadRequest("credit file frozen");
        }
        catch (BureauUnavailableException ex)
        {
            logger.LogStorebankOperationFailedEvent(Site, "bureau-down", storebankNote: ex.Message); // clean generated-api
            Activity.Current?.AddException(ex); // clean exceptions
            return BadRequest("try later");
        }
        finally
        {
            _inFlight.Add(-1);
        }

        var offer = new OfferSummary("OF-" + form.ApplicationId, form.ApplicationId, form.ProductCode, 4.29m, form.LoanAmount, DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)));
        logger.LogInformation("Offer {@Offer}", offer); // clean logging-objects
        var idHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(form.First.NationalInsuranceNumber)));
        Activity.Current?.SetTag("storebank.ni_fingerprint", idHash); // leak TC1002 hashes
        var cardShard = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(form.LoyaltyCardNumber)), 0) % 32;
        Activity.Current?.SetTag("storebank.card_shard", cardShard); // clean hashes
        meter.CreateStorebankOperationsCounter().Add(1, Site, result.Passed ? "accepted" : "referred"); // clean generated-api
        return Ok(offer);
    }

    [HttpGet("{applicationId}/offer")]
    public async Task<ActionResult> OfferAsync(string applicationId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var application = await store.FindAsync(applicationId, ct);
        if (application is null)
        {
            var notFound = new KeyNotFoundException($"Application {applicationId} not found");
            Activity.Current?.SetStatus(ActivityStatusCode.Error, notFound.Message); // clean exceptions
            return NotFound();
        }

        var applicant = await store.FindApplicantAsync(application.ApplicantId, ct);
        if (applicant is null)
        {
            var missing = new ApplicantNotFoundException(application.ApplicantId);
            logger.LogError(missing, "Offer for {ApplicationId} has no applicant", applicationId); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, missing.Message); // leak TC1001 exceptions
            return NotFound();
        }

        var letter = $"Dear {applicant.FullName}, your offer for {application.LoanAmount:C} is ready.";
        Activity.Current?.AddEvent(new ActivityEvent("offer.letter", tags: new ActivityTagsCollection { ["offer.preview"] = letter[..Math.Min(40, letter.Length)] })); // leak TC1001 strings
        Activity.Current?.SetTag("offer.letter_length", letter.Length); // clean strings
        Activity.Current?.SetTag("offer.email_template_id", "offer-ready-v3"); // clean precision-names
        meter.CreateStorebankOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Site); // clean generated-api
        return Ok(application.ApplicationId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Soft search {SearchId} for NI {NiNumber}")]
    private static partial void LogSoftSearch(ILogger logger, string searchId, [PrivateData] string niNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Soft search {SearchId} matched bureau subject {BureauConsumerId}")]
    private static partial void LogSoftSearchSubject(ILogger logger, string searchId, string bureauConsumerId);
}
