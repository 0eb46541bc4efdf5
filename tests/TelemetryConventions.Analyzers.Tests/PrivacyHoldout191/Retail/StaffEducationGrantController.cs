namespace PrivacyHoldout191.Retail;

public sealed record EducationGrantRequest(string ColleagueNumber, string ColleagueName, string WorkEmail, string NationalInsuranceNumber, string StoreCode, string Course, string Provider, decimal TuitionFee, int Instalments);

public sealed record ClawbackRequest(string GrantId, string ColleagueNumber, string LeaverReason, decimal Outstanding, int MonthsServed);

public sealed record GrantDecision(string GrantId, string StoreCode, string Course, decimal Approved, int Instalments);

/// <summary>A retailer's staff education grants (tuition support) and repayment when a colleague leaves early.</summary>
[ApiController]
[Route("api/staff-education-grants")]
public sealed partial class StaffEducationGrantController(
    IPaymentsGateway payments,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<StaffEducationGrantController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.EducationGrants");
    private readonly Counter<long> _grants = meter.CreateCounter<long>("education.grants");
    private readonly Histogram<double> _fees = meter.CreateHistogram<double>("education.grant.fee");

    [HttpPost]
    public ActionResult Apply([FromBody] EducationGrantRequest request)
    {
        using var activity = Source.StartActivity("grant.apply");
        activity?.SetTag("grant.store", request.StoreCode); // clean precision-names
        activity?.SetTag("grant.course", request.Course); // clean precision-names
        activity?.SetTag("grant.provider", request.Provider); // clean precision-names
        activity?.SetTag("grant.fee", request.TuitionFee); // clean precision-about
        activity?.SetTag("grant.instalments", request.Instalments); // clean precision-about
        activity?.SetTag("grant.colleague.number", request.ColleagueNumber); // leak TC1001 direct
        activity?.SetTag("grant.colleague.name", request.ColleagueName); // leak TC1001 direct
        activity?.SetTag("grant.colleague.email", request.WorkEmail); // leak TC1001 direct
        activity?.SetTag("grant.colleague.ni", request.NationalInsuranceNumber); // leak TC1001 direct
        activity?.SetTag("grant.colleague.ni_prefix", request.NationalInsuranceNumber[..2]); // clean precision-about
        activity?.SetTag("grant.requested_by", HttpContext.User.Email); // leak TC1001 direct
        activity?.SetTag("grant.request_id", HttpContext.TraceIdentifier); // clean precision-names
        activity?.SetTag("grant.authenticated", HttpContext.User.IsAuthenticated); // clean precision-about
        activity?.SetTag("grant.colleague.pseudonym", pseudonymizer.ComputeShopgrantStudentId(request.ColleagueNumber)); // clean precision-pseudonym
        _grants.Add(1, new KeyValuePair<string, object?>("store", request.StoreCode)); // clean precision-names
        _grants.Add(1, new KeyValuePair<string, object?>("colleague", request.ColleagueNumber)); // leak TC1003 direct
        _fees.Record((double)request.TuitionFee, new KeyValuePair<string, object?>("course", request.Course)); // clean precision-names
        _fees.Record((double)request.TuitionFee, new KeyValuePair<string, object?>("colleague", pseudonymizer.ComputeShopgrantStudentId(request.ColleagueNumber))); // leak TC1003 precision-pseudonym

        using var op = Source.StartShopgrantOperation(request.StoreCode);
        op.SetShopgrantStudentId(pseudonymizer.PseudonymizeShopgrantStudentId(request.ColleagueNumber)); // clean generated-api
        op.SetShopgrantScheme("tuition-support"); // clean generated-api
        op.SetShopgrantInstalments(request.Instalments); // clean generated-api
        op.SetShopgrantNote($"{request.Course} at {request.Provider}"); // clean generated-api
        op.SetShopgrantNote(request.WorkEmail); // leak TC1001 generated-api
        op.SetShopgrantOutcome("approved"); // clean generated-api

        var grantId = $"EG-{request.StoreCode}-{Guid.NewGuid():N}";
        var decision = new GrantDecision(grantId, request.StoreCode, request.Course, request.TuitionFee, request.Instalments);
        logger.LogInformation("Grant decided {@Decision}", decision); // clean logging-objects
        logger.LogInformation("Grant requested {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Grant requested {Request}", request with { ColleagueName = "", WorkEmail = "", NationalInsuranceNumber = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Grant requested {Request}", new { request.StoreCode, request.Course, request.TuitionFee }); // clean logging-objects
        LogGranted(logger, grantId, request.ColleagueNumber); // clean logging-objects
        logger.LogInformation("Grant {GrantId} for colleague {Colleague}", grantId, pseudonymizer.ComputeShopgrantStudentId(request.ColleagueNumber)); // clean precision-pseudonym
        logger.LogInformation("Grant {GrantId} for colleague {Colleague}", grantId, request.ColleagueName); // leak TC1001 direct
        var note = new StringBuilder().Append("grant ").Append(grantId).Append(" for ").Append(request.ColleagueName).ToString();
        logger.LogInformation(note); // leak TC1001 strings
        var audit = new StringBuilder().Append("grant ").Append(grantId).Append(" at store ").Append(request.StoreCode).ToString();
        logger.LogInformation(audit); // clean strings
        using (logger.BeginScope("Grant for {ColleagueNumber}", request.ColleagueNumber)) // leak TC1001 logging-objects
        using (logger.BeginScope("Grant {GrantId}", grantId)) // clean logging-objects
        {
            logger.LogInformation("Grant recorded"); // clean precision-names
        }

        return Ok(decision);
    }

    [HttpPost("clawback")]
    public async Task<ActionResult> Clawback([FromBody] ClawbackRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var op = Source.StartShopgrantOperation("head-office-payroll");
        Activity.Current?.SetTag("clawback.grant", request.GrantId); // clean precision-names
        Activity.Current?.SetTag("clawback.outstanding", request.Outstanding); // clean precision-about
        Activity.Current?.SetTag("clawback.months_served", request.MonthsServed); // clean precision-about
        Activity.Current?.SetTag("clawback.leaver_reason", request.LeaverReason); // clean precision-names
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var partition = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(request.ColleagueNumber)))[..4];
        Activity.Current?.SetTag("clawback.partition", partition); // clean hashes
        var digest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.ColleagueNumber)));
        Activity.Current?.SetTag("clawback.colleague_digest", digest); // leak TC1002 hashes
        try
        {
            var bank = await payments.GetBankDetailsAsync(request.ColleagueNumber, cancellationToken) ?? throw new StudentNotFoundException(request.ColleagueNumber);
            Activity.Current?.SetTag("clawback.bank_sort_code", bank.SortCode); // clean precision-about
            Activity.Current?.SetTag("clawback.bank_holder", bank.AccountHolderName); // leak TC1001 direct
        }
        catch (StudentNotFoundException ex)
        {
            op.RecordException(ex, "colleague not found"); // clean generated-api
            op.SetShopgrantNote(ex.Message); // leak TC1001 generated-api
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"lookup failed: {ex.Message}"); // leak TC1001 exceptions
            logger.LogError(ex, "Clawback lookup failed for grant {GrantId}", request.GrantId); // leak TC1001 exceptions
            logger.LogShopgrantOperationFailedEvent("head-office-payroll", "not-found", pseudonymizer.PseudonymizeShopgrantStudentId(request.ColleagueNumber), "colleague not found"); // clean generated-api
        }

        meter.CreateShopgrantOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "head-office-payroll"); // clean generated-api
        meter.CreateShopgrantOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, HttpContext.User.Email ?? "unknown"); // leak TC1003 generated-api
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted {GrantId} to {ColleagueNumber}")]
    private static partial void LogGranted(ILogger logger, string grantId, [PrivateData] string colleagueNumber);
}
