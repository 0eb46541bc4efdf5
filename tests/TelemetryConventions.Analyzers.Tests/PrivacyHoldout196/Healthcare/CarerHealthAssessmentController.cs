namespace PrivacyHoldout196.Healthcare;

/// <summary>Form AH (adult health) for prospective foster carers and adopters, run by the trust's medical advisers.</summary>
public sealed record HealthAssessmentRequest(string CarerId, string GpPracticeCode, string NhsNumber, string Form, bool Smoker, int Bmi, string AdviserNote);

public sealed record HealthAssessmentResult(string AssessmentId, string Form, string Outcome, int DaysToComplete);

[ApiController]
[Route("api/adoption-medicals")]
public sealed class CarerHealthAssessmentController(
    IFosteringStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CarerHealthAssessmentController> logger) : ControllerBase
{
    private static readonly Counter<long> Requests = new Meter("Hearth.Medicals").CreateCounter<long>("medicals.requests");
    private static readonly Histogram<double> Bmi = new Meter("Hearth.Medicals").CreateHistogram<double>("medicals.bmi");

    private string? _lastNhsNumber;
    private string _lastAdviserNote = string.Empty;

    [HttpPost("requests")]
    public async Task<ActionResult> RequestAssessment([FromBody] HealthAssessmentRequest request, CancellationToken cancellationToken)
    {
        var carer = await store.FindCarerAsync(request.CarerId, cancellationToken);
        var activity = Activity.Current;
        if (carer is null)
        {
            var notFound = new CarerNotFoundException(request.CarerId);
            activity?.AddException(notFound); // leak TC1001 exceptions
            logger.LogWarning("No carer on the register for form {Form}", request.Form); // clean precision-names
            return NotFound(notFound.GetType().Name);
        }

        _lastNhsNumber = request.NhsNumber;
        _lastAdviserNote = request.AdviserNote;

        activity?.SetTag("medicals.carer.id", request.CarerId); // leak TC1001 direct
        activity?.SetTag("medicals.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("medicals.gp_practice", request.GpPracticeCode); // clean precision-names
        activity?.SetTag("medicals.form", request.Form); // clean precision-names
        activity?.SetTag("medicals.carer.pseudonym", pseudonymizer.Compute("carer", request.CarerId)); // clean precision-pseudonym
        activity?.SetTag("medicals.carer.stage", carer.Stage); // clean precision-about
        activity?.SetTag("medicals.carer.age", DateTime.UtcNow.Year - carer.DateOfBirth.Year); // clean precision-about
        activity?.SetTag("medicals.carer.dob", carer.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        activity?.SetTag("medicals.carer.email_domain", carer.Email.Split('@')[1]); // clean precision-about
        activity?.SetTag("medicals.carer.smoker", request.Smoker); // clean precision-about

        Requests.Add(1, new KeyValuePair<string, object?>("form", request.Form)); // clean precision-names
        Requests.Add(1, new KeyValuePair<string, object?>("carer", pseudonymizer.Compute("carer", request.CarerId))); // leak TC1003 precision-pseudonym
        Bmi.Record(request.Bmi, new KeyValuePair<string, object?>("gp_practice", request.GpPracticeCode)); // clean precision-names

        logger.LogInformation("Form {Form} requested for carer {CarerName}", request.Form, carer.FullName); // leak TC1001 direct
        logger.LogInformation("Form {Form} requested for carer {Carer}", request.Form, pseudonymizer.Compute("carer", request.CarerId)); // clean precision-pseudonym
        logger.LogInformation("Medical requested {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Medical requested {@Request}", request with { CarerId = "", NhsNumber = "", AdviserNote = "" }); // clean logging-objects
        logger.LogInformation("Medical requested {@Request}", request with { AdviserNote = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Medical for {Request}", new { request.Form, request.Smoker, request.Bmi }); // clean logging-objects

        var summary = await store.AssessmentAsync(request.CarerId, cancellationToken);
        logger.LogInformation("Assessment stage {@Summary}", summary); // clean logging-objects

        using var span = source.StartCarercheckOperation("medical-advisers")
            .SetCarercheckCarerId(pseudonymizer.PseudonymizeCarercheckCarerId(request.CarerId)) // clean generated-api
            .SetCarercheckStage(summary.Stage) // clean generated-api
            .SetCarercheckNote($"form {request.Form}, {summary.VisitsCompleted} visits"); // clean generated-api
        span.SetCarercheckNote(request.AdviserNote); // leak TC1001 generated-api
        span.SetCarercheckOutcome(carer.Postcode); // leak TC1001 generated-api

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.NhsNumber)))[..6];
        activity?.SetTag("medicals.nhs.shard", shard); // clean hashes
        var legacyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.NhsNumber)));
        activity?.SetTag("medicals.nhs.key", legacyKey); // leak TC1002 hashes

        meter.CreateCarercheckOperationsCounter().Add(1, "medical-advisers", "requested"); // clean generated-api
        return Ok(new HealthAssessmentResult(summary.AssessmentId, request.Form, "requested", 0));
    }

    [HttpGet("requests/{carerId}/audit")]
    public ActionResult Audit(string carerId)
    {
        Activity.Current?.SetTag("medicals.last_nhs_number", _lastNhsNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("medicals.last_note.length", _lastAdviserNote.Length); // clean cross-member
        logger.LogDebug("Last adviser note {Note}", _lastAdviserNote); // leak TC1001 cross-member
        return Ok();
    }
}
