namespace PrivacyHoldout166.Healthcare;

public interface IReferralStore
{
    Task<ClinicReferral?> FindAsync(string referralId, CancellationToken cancellationToken = default);

    Task SaveAsync(ClinicReferral referral, CancellationToken cancellationToken = default);
}

[ApiController]
[Route("api/referrals")]
public sealed partial class ClinicReferralController(
    IReferralStore store,
    Pseudonymizer pseudonymizer,
    ILogger<ClinicReferralController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("HarmClinic.Referrals");
    private static readonly Meter Meter = new("HarmClinic.Referrals");
    private static readonly Counter<long> ReferralsByPractice = Meter.CreateCounter<long>("harmclinic.referrals.by_practice");

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} received for {NhsNumber}")]
    private partial void ReferralReceived(string referralId, [PrivateData] string nhsNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral for {PatientName} triaged to {Pathway}")]
    private partial void Triaged(string patientName, string pathway);

    [HttpPost("")]
    public async Task<ActionResult> Refer([FromBody] ClinicReferral referral)
    {
        using var span = Source.StartHarmclinicOperation("northern-gambling-service");
        var patient = pseudonymizer.PseudonymizeHarmclinicPatientId(referral.NhsNumber);
        span.SetHarmclinicPatientId(patient); // clean generated-api
        span.SetHarmclinicPathway(referral.PgsiScore >= 8 ? "specialist" : "brief-intervention"); // clean generated-api
        ReferralReceived(referral.ReferralId, referral.NhsNumber); // clean direct
        Triaged(referral.PatientName, referral.PgsiScore >= 8 ? "specialist" : "brief"); // leak TC1001 direct
        Activity.Current?.SetTag("harmclinic.practice", referral.PracticeCode); // clean precision-names
        Activity.Current?.SetTag("harmclinic.pgsi", referral.PgsiScore); // clean precision-about
        Activity.Current?.SetTag("harmclinic.nhs_number", referral.NhsNumber); // leak TC1001 direct
        ReferralsByPractice.Add(1, new KeyValuePair<string, object?>("practice", referral.PracticeCode)); // clean precision-names
        ReferralsByPractice.Add(1, new KeyValuePair<string, object?>("patient", patient.Value)); // leak TC1003 precision-pseudonym

        try
        {
            await store.SaveAsync(referral);
        }
        catch (Exception ex)
        {
            span.RecordException(ex, "referral not saved"); // clean exceptions
            logger.LogHarmclinicOperationFailedEvent("northern-gambling-service", "failed", patient, $"referral {referral.ReferralId} not saved"); // clean generated-api
            logger.LogHarmclinicOperationFailedEvent("northern-gambling-service", "failed", patient, $"referral for {referral.PatientName} not saved"); // leak TC1001 generated-api
            return BadRequest();
        }

        logger.LogInformation("Referral stored {Referral}", referral); // leak TC1001 logging-objects
        logger.LogInformation("Referral {ReferralId} stored, name length {Length}", referral.ReferralId, referral.PatientName.Length); // clean precision-about
        return Ok(referral.ReferralId);
    }

    [HttpGet("{referralId}")]
    public async Task<ActionResult> Get(string referralId)
    {
        var referral = await store.FindAsync(referralId);
        if (referral is null)
        {
            logger.LogInformation("No referral {ReferralId}", referralId); // clean precision-names
            return NotFound();
        }

        var message = "Referral opened for NHS number " + referral.NhsNumber;
        logger.LogInformation(message); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("referral.opened", tags: new ActivityTagsCollection { ["nhs"] = referral.NhsNumber })); // leak TC1001 direct
        Activity.Current?.SetStatus(ActivityStatusCode.Ok, $"referral {referral.ReferralId} read"); // clean precision-names
        logger.LogInformation("Referral read by {User}", HttpContext.User.SubjectId); // leak TC1001 direct
        logger.LogInformation("Referral read on trace {Trace}", HttpContext.TraceIdentifier); // clean precision-names
        return Ok(referral);
    }
}
