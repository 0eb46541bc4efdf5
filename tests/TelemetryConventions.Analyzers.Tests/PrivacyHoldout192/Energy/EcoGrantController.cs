namespace PrivacyHoldout192.Energy;

/// <summary>A supplier's ECO4 grant desk: eligibility through benefits, EPC surveys and installs.</summary>
[ApiController]
[Route("eco/applications")]
public sealed partial class EcoGrantController(
    IApplicantStore applicants,
    IBenefitsGateway benefits,
    IEpcRegister epc,
    IInstallerPlatform installers,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    RetrofitOptions options,
    ILogger<EcoGrantController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.Eco");
    private static readonly Meter Meter = new("Supplier.Eco");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("eco.eligibility.checks");
    private static readonly Histogram<double> SurveySeconds = Meter.CreateHistogram<double>("eco.survey.duration", "s");

    private string? _lastUprn;
    private string _lastAccountNumber = string.Empty;

    [HttpPost("{applicantId}/eligibility")]
    public async Task<ActionResult> CheckEligibility(string applicantId, CancellationToken ct)
    {
        using var activity = Source.StartActivity("eco.eligibility");
        activity?.SetTag("eco.applicant.id", applicantId); // leak TC1001 direct
        activity?.SetTag("eco.scheme", options.Scheme); // clean precision-names
        var applicant = await applicants.FindAsync(applicantId, ct);
        if (applicant is null)
        {
            var notFound = new ApplicantNotFoundException(applicantId);
            activity?.AddException(notFound); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "applicant not found"); // clean exceptions
            return NotFound();
        }

        var household = pseudonymizer.PseudonymizeEcograntClientId(applicant.ApplicantId);
        activity?.SetTag(EcograntAttributes.ClientId, household); // clean precision-pseudonym
        activity?.SetTag("eco.applicant.postcode", applicant.Postcode); // leak TC1001 direct
        activity?.SetTag("eco.applicant.postcode_district", applicant.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("eco.applicant.email_domain", applicant.Email[(applicant.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag(EcograntAttributes.Contact, applicant.Phone); // leak TC1001 direct
        _lastUprn = applicant.Uprn;

        try
        {
            var check = await benefits.CheckAsync(applicant.NiNumber, applicant.DateOfBirth, applicant.Postcode, ct);
            activity?.SetTag("eco.benefit", check.Benefit); // clean precision-about
            activity?.SetTag("eco.benefit.in_payment", check.InPayment); // clean precision-about
            activity?.SetTag("eco.household.size", check.HouseholdSize); // clean precision-about
            activity?.SetTag("eco.ni_prefix", applicant.NiNumber[..2]); // clean precision-about
            logger.LogInformation("Eligibility {@Check}", check); // clean logging-objects
            Checks.Add(1, new KeyValuePair<string, object?>("eco.route", check.Route)); // clean precision-names
            Checks.Add(1, new KeyValuePair<string, object?>("eco.household", household.Value)); // leak TC1003 precision-pseudonym
            LogEligible(logger, applicant.NiNumber, check.Benefit); // clean logging-objects
        }
        catch (EligibilityRejectedException ex)
        {
            logger.LogWarning(ex, "Benefits check failed for {Applicant}", household); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            LogRejected(logger, applicant.NiNumber, ex.GetType().Name); // leak TC1001 logging-objects
            return BadRequest("not eligible");
        }

        return Ok();
    }

    [HttpPost("{applicantId}/survey")]
    public async Task<ActionResult> Survey(string applicantId, [FromBody] EpcSurvey survey, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartEcograntOperation(options.Region, "eco.survey")
            .SetEcograntMeasure("survey")
            .SetEcograntMode(options.Scheme);
        span.SetEcograntClientId(pseudonymizer.PseudonymizeEcograntClientId(applicantId)); // clean generated-api
        span.SetEcograntNote($"survey {survey.SurveyId} rating {survey.CurrentRating} SAP {survey.SapScore}"); // clean generated-api
        span.SetEcograntNote($"survey at {survey.Postcode}"); // leak TC1001 generated-api
        span.SetEcograntSite(survey.Uprn); // leak TC1001 generated-api
        _lastAccountNumber = applicantId;
        try
        {
            await epc.LodgeAsync(survey, ct);
            span.SetEcograntOutcome("lodged"); // clean generated-api
            logger.LogInformation("EPC lodged {Survey}", survey); // leak TC1001 logging-objects
            logger.LogInformation("EPC lodged {Summary}", new { survey.SurveyId, survey.CurrentRating, survey.SapScore }); // clean logging-objects
            logger.LogInformation("EPC lodged by assessor {Assessor}", survey.AssessorNumber); // leak TC1001 direct
            logger.LogInformation("Survey after retry {Survey}", survey with { Uprn = "", Postcode = "" }); // leak TC1001 logging-objects
        }
        catch (SurveyNotFoundException ex)
        {
            span.RecordException(ex).SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
        catch (PropertyNotSurveyedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
        }

        Meter.CreateEcograntOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Region); // clean generated-api
        Meter.CreateEcograntOperationsCounter().Add(1, options.Region, survey.CurrentRating); // clean generated-api
        SurveySeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("eco.uprn", survey.Uprn)); // leak TC1003 direct
        return Ok();
    }

    [HttpPost("{applicantId}/install")]
    public async Task<ActionResult> Install(string applicantId, string measure, CancellationToken ct)
    {
        using var activity = Source.StartActivity("eco.install");
        var uprn = _lastUprn ?? string.Empty;
        activity?.SetTag("eco.uprn", _lastUprn); // leak TC1001 cross-member
        activity?.SetTag("eco.account", _lastAccountNumber); // leak TC1001 cross-member
        activity?.SetTag("eco.uprn.known", _lastUprn is not null); // clean precision-about
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(uprn))[0] % 32;
        activity?.SetTag("eco.uprn.shard", shard); // clean hashes
        activity?.SetTag("eco.uprn.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(uprn)))); // leak TC1002 hashes
        try
        {
            var job = await installers.BookAsync(uprn, measure, ct);
            activity?.SetTag("eco.job.id", job.JobId); // clean precision-names
            activity?.SetTag("eco.installer", job.InstallerCompany); // clean precision-names
            activity?.AddEvent(new ActivityEvent("booked", tags: new ActivityTagsCollection { ["measure"] = job.Measure, ["date"] = job.Date.ToString("O") })); // clean direct
            logger.LogInformation("Install booked {@Job}", job); // clean logging-objects
            Activity.Current?.AddBaggage("eco.job", job.JobId); // clean precision-names
            Activity.Current?.AddBaggage("eco.applicant", applicantId); // leak TC1001 direct
        }
        catch (InstallerUnavailableException ex)
        {
            logger.LogWarning(ex, "No installer slot for job measure {Measure}", measure); // clean exceptions
            activity?.AddException(ex); // clean exceptions
        }

        return Ok();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Eligible {NiNumber} on {Benefit}")]
    private static partial void LogEligible(ILogger logger, [PrivateData] string niNumber, string benefit);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Rejected {NiNumber}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string niNumber, string reason);
}
