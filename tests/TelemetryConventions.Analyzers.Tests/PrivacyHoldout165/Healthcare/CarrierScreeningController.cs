namespace PrivacyHoldout165.Healthcare;

/// <summary>Genetic counsellors read carrier screening results and release them to patients.</summary>
[ApiController]
[Route("api/screening")]
public sealed class CarrierScreeningController(
    IScreeningStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CarrierScreeningController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Genetics.Screening");
    private static readonly Meter Meter = new("Genetics.Screening");
    private static readonly Counter<long> Released = Meter.CreateCounter<long>("screening.results.released");

    [HttpGet("results/{resultId}")]
    public async Task<ActionResult> GetResult(string resultId)
    {
        using var span = Source.StartGenclinicOperation("clinic-leeds");
        var result = await store.FindAsync(resultId);
        if (result is null)
        {
            logger.LogInformation("No screening result {ResultId}", resultId); // clean precision-names
            return NotFound();
        }

        span.SetGenclinicPatientId(pseudonymizer.PseudonymizeGenclinicPatientId(result.NhsNumber)); // clean generated-api
        span.SetGenclinicPanel(result.Panel); // clean generated-api
        span.SetGenclinicOutcome(result.IsCarrier ? "carrier" : "not-carrier"); // clean precision-about
        span.Activity?.SetTag("screening.variant", result.Variant); // clean precision-about
        span.Activity?.SetTag("screening.nhs_number", result.NhsNumber); // leak TC1001 direct
        logger.LogInformation("Result {ResultId} read for patient {NhsNumber}", result.ResultId, result.NhsNumber); // leak TC1001 direct
        logger.LogDebug("Counsellor {Counsellor} opened result", result.CounsellorStaffId); // leak TC1001 direct
        logger.LogDebug("Result loaded: {@Result}", result); // leak TC1001 logging-objects
        return Ok(result);
    }

    [HttpPost("results/{resultId}/release")]
    public async Task<ActionResult> Release(string resultId)
    {
        var result = await store.FindAsync(resultId);
        if (result is null)
        {
            return NotFound();
        }

        var patient = await store.PatientAsync(result.NhsNumber);
        try
        {
            if (patient is null)
            {
                throw new PatientNotFoundException(result.NhsNumber);
            }

            Activity.Current?.SetTag("patient.email_domain", patient.Email.Split('@')[1]); // clean precision-about
            Activity.Current?.SetTag("patient.age_decade", patient.DateOfBirth.Year / 10 * 10); // clean precision-about
            Activity.Current?.SetTag("patient.name", $"{patient.GivenName} {patient.FamilyName}"); // leak TC1001 strings
            Activity.Current?.SetTag(GenclinicAttributes.Contact, patient.Mobile); // leak TC1001 generated-api
            Released.Add(1, new KeyValuePair<string, object?>("panel", result.Panel)); // clean precision-about
            Released.Add(1, new KeyValuePair<string, object?>("counsellor", pseudonymizer.ComputeGenclinicClinicianId(result.CounsellorStaffId))); // leak TC1003 precision-pseudonym
            using var hmac = new HMACSHA256(secrets.ShardKey);
            var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(result.NhsNumber))[0] % 16;
            Activity.Current?.SetTag("patient.shard", shard); // clean hashes
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(result.NhsNumber)));
            Activity.Current?.SetTag("patient.digest", digest); // leak TC1002 hashes
            return Ok();
        }
        catch (PatientNotFoundException ex)
        {
            logger.LogWarning(ex, "Release failed for result {ResultId}", resultId); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return NotFound();
        }
    }
}
