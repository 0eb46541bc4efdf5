namespace PrivacyHoldout200.Healthcare;

/// <summary>A trust's key-worker home-buying scheme: staff apply for a mortgage with the partner lender.</summary>
[ApiController]
[Route("staff-housing/mortgages")]
public sealed partial class KeyWorkerMortgageController(
    ApplicationStore store,
    CreditBureauClient bureau,
    AffordabilityEngine affordability,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<KeyWorkerMortgageController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.StaffHousing");
    private readonly Counter<long> _searches = meter.CreateCounter<long>("staff_housing.credit_searches");
    private string? _lastApplicantId;
    private string _site = "royal-infirmary";

    [HttpPost("{applicationId}/assess")]
    public async Task<ActionResult> AssessAsync(string applicationId, CancellationToken ct)
    {
        using var span = Source.StartStaffhomeOperation(_site);
        span.SetStaffhomeStage("application"); // clean generated-api
        var application = await store.FindAsync(applicationId, ct);
        if (application is null)
        {
            Activity.Current?.SetTag("staff_housing.application_id", applicationId); // clean precision-names
            return NotFound();
        }

        _lastApplicantId = application.ApplicantId;
        var applicant = await store.FindApplicantAsync(application.ApplicantId, ct);
        if (applicant is null)
        {
            var ex = new ApplicantNotFoundException(application.ApplicantId);
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            return NotFound();
        }

        span.SetStaffhomeApplicantId(pseudonymizer.PseudonymizeStaffhomeApplicantId(applicant.ApplicantId)); // clean generated-api
        span.SetStaffhomeProduct(application.ProductCode); // clean generated-api
        span.SetStaffhomeTermYears(application.TermYears); // clean generated-api
        Activity.Current?.SetTag("staff.employee_number", applicant.ApplicantId); // leak TC1001 direct
        Activity.Current?.SetTag("staff.email_domain", applicant.Email.Split('@')[1]); // clean precision-about
        Activity.Current?.SetTag("staff.employment_status", applicant.EmploymentStatus); // clean precision-about
        Activity.Current?.SetTag("staff.date_of_birth", applicant.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct

        var result = affordability.Assess(application, applicant, null);
        logger.LogInformation("Affordability for {ApplicationId}: {@Result}", application.ApplicationId, result); // clean logging-objects
        logger.LogInformation("Assessing {@Application}", application); // leak TC1001 logging-objects
        logger.LogDebug("Applicant {Applicant}", applicant); // leak TC1001 logging-objects
        Activity.Current?.SetTag("staff_housing.ltv_percent", (double)(result.LoanToValue * 100)); // clean precision-about
        Activity.Current?.SetTag("staff_housing.income_multiple", (double)result.LoanToIncome); // clean precision-about

        if (!result.Passed)
        {
            span.SetStaffhomeOutcome("declined"); // clean generated-api
            span.SetStaffhomeNote($"Declined for {applicant.FullName}, band {result.Band}"); // leak TC1001 generated-api
            meter.CreateStaffhomeOperationsCounter().Add(1, _site, "declined"); // clean generated-api
        }

        LogAssessed(logger, application.ApplicationId, applicant.Email, result.Band); // clean logging-objects
        return Ok(result);
    }

    [HttpPost("{applicationId}/credit-search")]
    public async Task<ActionResult> CreditSearchAsync(string applicationId, CancellationToken ct)
    {
        var application = await store.FindAsync(applicationId, ct);
        var applicant = application is null ? null : await store.FindApplicantAsync(application.ApplicantId, ct);
        if (applicant is null)
        {
            return NotFound();
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var search = await bureau.SearchAsync(applicant, hard: true, ct);
            var summary = new CreditSearchSummary(search.SearchId, search.Score, search.ScoreBand, search.ReasonCodes.Count, search.HardSearch);
            logger.LogInformation("Credit search done {@Summary}", summary); // clean logging-objects
            logger.LogInformation("Credit search {@Search}", search); // leak TC1001 logging-objects
            Activity.Current?.SetTag("bureau.consumer_id", search.BureauConsumerId); // leak TC1001 direct
            Activity.Current?.SetTag("bureau.score_band", search.ScoreBand); // clean precision-about
            Activity.Current?.SetTag("bureau.reason_codes", string.Join(",", search.ReasonCodes)); // clean precision-about
            _searches.Add(1, new KeyValuePair<string, object?>("bureau", bureau.BureauName)); // clean precision-names
            _searches.Add(1, new KeyValuePair<string, object?>("applicant", pseudonymizer.PseudonymizeStaffhomeApplicantId(applicant.ApplicantId))); // leak TC1003 precision-pseudonym
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            meter.CreateStaffhomeOperationDurationHistogram().Record(elapsed, _site); // clean generated-api
            return Ok(summary);
        }
        catch (CreditFileFrozenException ex)
        {
            logger.LogWarning(ex, "Credit file frozen for application {ApplicationId}", applicationId); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return BadRequest("credit file frozen");
        }
        catch (BureauUnavailableException ex)
        {
            logger.LogWarning(ex, "Bureau unavailable for application {ApplicationId}", applicationId); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest("bureau unavailable");
        }
    }

    [HttpGet("last")]
    public ActionResult Last()
    {
        Activity.Current?.SetTag("staff_housing.last_applicant", _lastApplicantId); // leak TC1001 cross-member
        Activity.Current?.SetTag("staff_housing.has_last_applicant", _lastApplicantId is not null); // clean cross-member
        Activity.Current?.SetTag("staff_housing.site", _site); // clean cross-member
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(_lastApplicantId ?? string.Empty))[0] % 16;
        Activity.Current?.SetTag("staff_housing.applicant_shard", shard); // clean hashes
        var unkeyed = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_lastApplicantId ?? string.Empty)));
        Activity.Current?.SetTag("staff_housing.applicant_hash", unkeyed); // leak TC1002 hashes
        return Ok();
    }

    [HttpPost("{applicationId}/guarantor")]
    public async Task<ActionResult> GuarantorAsync(string applicationId, CancellationToken ct)
    {
        var guarantor = await store.FindGuarantorAsync(applicationId, ct);
        if (guarantor is null)
        {
            return NotFound();
        }

        Activity.Current?.SetTag("guarantor.relationship", guarantor.Relationship); // clean precision-about
        Activity.Current?.SetTag("guarantor.income_band", guarantor.AnnualIncome > 60_000 ? "high" : "standard"); // clean precision-about
        Activity.Current?.SetTag("guarantor.name", guarantor.FullName); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("guarantor.added", tags: new ActivityTagsCollection { ["guarantor.email"] = guarantor.Email })); // leak TC1001 direct
        logger.LogInformation("Guarantor {GuarantorPseudonym} added to {ApplicationId}", pseudonymizer.Compute("guarantor", guarantor.GuarantorId), applicationId); // clean precision-pseudonym
        LogGuarantorAdded(logger, applicationId, guarantor.FullName); // leak TC1001 logging-objects
        LogGuarantorContact(logger, applicationId, guarantor.Email); // clean logging-objects
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessed {ApplicationId} for {ApplicantEmail}: band {Band}")]
    private static partial void LogAssessed(ILogger logger, string applicationId, [PrivateData] string applicantEmail, string band);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guarantor {GuarantorName} added to {ApplicationId}")]
    private static partial void LogGuarantorAdded(ILogger logger, string applicationId, string guarantorName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guarantor contact {GuarantorEmail} for {ApplicationId}")]
    private static partial void LogGuarantorContact(ILogger logger, string applicationId, [PrivateData] string guarantorEmail);
}
