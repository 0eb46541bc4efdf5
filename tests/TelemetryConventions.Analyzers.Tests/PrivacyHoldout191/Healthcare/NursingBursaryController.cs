namespace PrivacyHoldout191.Healthcare;

/// <summary>A trust's bursary and placement travel grant desk for nursing and midwifery students.</summary>
[ApiController]
[Route("api/nursing-bursaries")]
public sealed partial class NursingBursaryController(
    IFundingStore store,
    IPaymentsGateway payments,
    IIncomeVerificationClient incomeVerification,
    Pseudonymizer pseudonymizer,
    Meter meter,
    FundingOptions options,
    ILogger<NursingBursaryController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.NursingBursaries");
    private static readonly Counter<long> ClaimsCounter = new Meter("Trust.NursingBursaries").CreateCounter<long>("nursing.bursary.claims");

    private string _lastStudentNumber = string.Empty;
    private string? _placementTrustCode;

    [HttpGet("{applicationId}")]
    public async Task<ActionResult> GetApplication(string applicationId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("bursary.get");
        activity?.SetTag("bursary.application.id", applicationId); // clean precision-names
        var application = await store.GetApplicationAsync(applicationId, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        _lastStudentNumber = application.StudentNumber;
        activity?.SetTag("bursary.student.number", application.StudentNumber); // leak TC1001 direct
        activity?.SetTag("bursary.student.name", application.FullName); // leak TC1001 direct
        activity?.SetTag("bursary.scheme", application.Scheme); // clean precision-names
        activity?.SetTag("bursary.academic_year", application.AcademicYear); // clean precision-names
        activity?.SetTag("bursary.dependants", application.Dependants); // clean precision-about
        activity?.SetTag("bursary.circumstances.length", application.Circumstances.Length); // clean precision-about
        activity?.SetTag("bursary.student.pseudonym", pseudonymizer.ComputeNursefundStudentId(application.StudentNumber)); // clean precision-pseudonym
        logger.LogInformation("Loaded application {Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Loaded summary {@Summary}", new ApplicationSummary(application.ApplicationId, application.Scheme, application.AcademicYear, "loaded", 0)); // clean logging-objects
        return Ok(application);
    }

    [HttpPost("{applicationId}/travel-claims")]
    public async Task<ActionResult> ClaimTravel(string applicationId, [FromBody] TravelClaimRequest request, CancellationToken cancellationToken)
    {
        _placementTrustCode = request.PlacementTrustCode;
        using var span = Source.StartOperationFor(request.PlacementTrustCode);
        Activity.Current?.SetTag("travel.placement.trust", request.PlacementTrustCode); // clean precision-names
        Activity.Current?.SetTag("travel.miles", request.Miles); // clean precision-about
        Activity.Current?.SetTag("travel.claimant.email", request.ContactEmail); // leak TC1001 direct
        Activity.Current?.SetTag("travel.claimant.email_domain", request.ContactEmail.Split('@')[1]); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("travel.claimed", tags: new ActivityTagsCollection { ["student"] = request.StudentNumber })); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("travel.costed", tags: new ActivityTagsCollection { ["amount"] = request.Miles * 0.45m })); // clean precision-about
        ClaimsCounter.Add(1, new KeyValuePair<string, object?>("placement.trust", request.PlacementTrustCode)); // clean precision-names
        ClaimsCounter.Add(1, new KeyValuePair<string, object?>("student", request.StudentNumber)); // leak TC1003 direct
        ClaimsCounter.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeNursefundStudentId(request.StudentNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Travel claim {ClaimId} for placement {Placement}", request.ClaimId, request.PlacementTrustCode); // clean precision-names
        logger.LogInformation("Travel claim {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Travel claim {Request}", request with { ContactEmail = "", StudentNumber = "" }); // clean logging-objects
        await Task.CompletedTask;
        return Ok();
    }

    [HttpPost("{applicationId}/income-check")]
    public async Task<ActionResult> CheckIncome(string applicationId, CancellationToken cancellationToken)
    {
        using var op = Source.StartNursefundOperation(options.Site);
        var evidence = await store.GetEvidenceAsync(applicationId, cancellationToken);
        foreach (var item in evidence)
        {
            try
            {
                var check = await incomeVerification.VerifyAsync(item.ParentNationalInsuranceNumber, item.TaxYear, cancellationToken);
                op.SetNursefundOutcome(check.IncomeBand); // clean generated-api
                Activity.Current?.SetTag("income.band", check.IncomeBand); // clean precision-about
                Activity.Current?.SetTag("income.under_threshold", check.UnderThreshold); // clean precision-about
                Activity.Current?.SetTag("income.parent.ni", item.ParentNationalInsuranceNumber); // leak TC1001 direct
                if (Math.Abs(check.VerifiedIncome - item.DeclaredIncome) > 500m)
                {
                    throw new IncomeMismatchException(item.ParentNationalInsuranceNumber, item.DeclaredIncome, check.VerifiedIncome);
                }
            }
            catch (IncomeMismatchException ex)
            {
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                op.RecordException(ex); // clean generated-api
                op.SetNursefundNote(ex.Message); // leak TC1001 generated-api
                logger.LogNursefundOperationFailedEvent(options.Site, "income-mismatch"); // clean generated-api
                logger.LogWarning("Income evidence {EvidenceId} of type {DocumentType} did not match", item.EvidenceId, item.DocumentType); // clean precision-names
            }
        }

        op.SetNursefundInstalments(evidence.Count); // clean generated-api
        return Ok();
    }

    [HttpPost("{applicationId}/pay")]
    public async Task<ActionResult> PayInstalments(string applicationId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var schedule = await store.GetScheduleAsync(applicationId, cancellationToken);
        foreach (var instalment in schedule)
        {
            try
            {
                var result = await payments.PayAsync(instalment, cancellationToken);
                Activity.Current?.SetTag("payment.reference", result.PaymentReference); // clean precision-names
                Activity.Current?.SetTag("payment.sort_code", instalment.SortCode); // clean precision-about
                logger.LogInformation("Paid instalment {@Instalment}", instalment); // leak TC1001 logging-objects
            }
            catch (BankDetailsRejectedException ex)
            {
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogError(ex, "Bank rejected payment {PaymentId}", instalment.PaymentId); // leak TC1001 exceptions
            }
            catch (PaymentRunFailedException ex)
            {
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogError(ex, "Payment run failed for {PaymentId}", instalment.PaymentId); // clean exceptions
            }
        }

        meter.CreateNursefundOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Site); // clean generated-api
        meter.CreateNursefundOperationsCounter().Add(1, options.Site, "paid"); // clean generated-api
        return Ok();
    }

    [HttpGet("recent")]
    public ActionResult Recent()
    {
        Activity.Current?.SetTag("bursary.last_student", _lastStudentNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("bursary.last_placement", _placementTrustCode); // clean cross-member
        LogLookup(logger, _lastStudentNumber); // clean logging-objects
        LogLookupRaw(logger, _lastStudentNumber); // leak TC1001 logging-objects
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Looked up bursary for {StudentNumber}")]
    private static partial void LogLookup(ILogger logger, [PrivateData] string studentNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Looked up bursary (raw) for {StudentNumber}")]
    private static partial void LogLookupRaw(ILogger logger, string studentNumber);
}

public sealed record TravelClaimRequest(string ClaimId, string StudentNumber, string ContactEmail, string PlacementTrustCode, decimal Miles);

internal static class NursingSpans
{
    public static Activity? StartOperationFor(this ActivitySource source, string placement) =>
        source.StartActivity("travel.claim")?.SetTag("travel.placement", placement);
}
