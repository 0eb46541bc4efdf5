namespace PrivacyHoldout146.Healthcare;

[ApiController]
[Route("api/bereavement")]
public sealed class BereavementOfficeController(
    IBereavementCases cases,
    IBereavementSupport support,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LifeEventsOptions options,
    ILogger<BereavementOfficeController> logger) : ControllerBase
{
    private static readonly Counter<long> CertificatesIssued = new Meter("Trust.Bereavement").CreateCounter<long>("bereavement.certificates.issued");

    [HttpGet("deceased/{hospitalNumber}")]
    public async Task<ActionResult> GetCase(string hospitalNumber, CancellationToken cancellationToken)
    {
        using var span = source.StartBereavementOperation(options.Site);
        span.SetBereavementPatientId(pseudonymizer.PseudonymizeBereavementPatientId(hospitalNumber)); // clean precision-pseudonym
        try
        {
            var deceased = await cases.GetDeceasedAsync(hospitalNumber, cancellationToken);
            Activity.Current?.SetTag("bereavement.ward", deceased.Ward); // clean precision-about
            Activity.Current?.SetTag("bereavement.days_since_death", DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - deceased.DateOfDeath.DayNumber); // clean precision-about
            logger.LogInformation("Opened bereavement case for {DeceasedName} on {Ward}", deceased.FullName, deceased.Ward); // leak TC1001 direct
            logger.LogDebug("Case loaded: {@Deceased}", deceased); // leak TC1001 logging-objects
            return Ok(deceased);
        }
        catch (DeceasedNotFoundException ex)
        {
            logger.LogWarning(ex, "Bereavement case lookup failed"); // leak TC1001 exceptions
            span.SetBereavementOutcome("not-found"); // clean generated-api
            return NotFound();
        }
    }

    [HttpPost("deceased/{hospitalNumber}/certificate")]
    public async Task<ActionResult> IssueCertificate(string hospitalNumber, [FromBody] CertificateRequest request, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("bereavement.nhs_number", request.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("bereavement.certifying_doctor", request.DoctorGmcNumber); // leak TC1001 direct
        Activity.Current?.SetTag("bereavement.certificate_template_id", request.TemplateId); // clean precision-names
        try
        {
            var certificate = await cases.IssueCertificateAsync(hospitalNumber, request.DoctorGmcNumber, cancellationToken);
            logger.LogInformation("Certificate issued {@Certificate}", certificate); // clean logging-objects
            CertificatesIssued.Add(1, new KeyValuePair<string, object?>("ward", certificate.Ward), new KeyValuePair<string, object?>("coroner", certificate.ReferredToCoroner)); // clean precision-about
            CertificatesIssued.Add(1, new KeyValuePair<string, object?>("gmc", request.DoctorGmcNumber)); // leak TC1003 direct
            return Ok(certificate);
        }
        catch (CoronerReferralRequiredException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            Activity.Current?.SetTag("bereavement.coroner_reason", ex.ReasonCode); // clean exceptions
            logger.LogBereavementOperationFailedEvent(options.Site, "coroner", bereavementPatientId: pseudonymizer.PseudonymizeBereavementPatientId(hospitalNumber), bereavementNote: ex.Message); // clean generated-api
            return BadRequest("coroner");
        }
    }

    [HttpPost("deceased/{hospitalNumber}/kin/contact")]
    public async Task<ActionResult> ContactNextOfKin(string hospitalNumber, CancellationToken cancellationToken)
    {
        var kin = await cases.NextOfKinAsync(hospitalNumber, cancellationToken);
        if (kin is null)
        {
            Activity.Current?.SetTag("bereavement.kin_on_file", false); // clean precision-about
            return NotFound("no next of kin");
        }

        Activity.Current?.SetTag("bereavement.kin_relationship", kin.Relationship); // clean precision-about
        Activity.Current?.SetTag("bereavement.kin_email_domain", kin.Email[(kin.Email.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetTag(BereavementAttributes.Contact, kin.Phone); // leak TC1001 generated-api
        Activity.Current?.AddEvent(new ActivityEvent("kin.contacted", tags: new ActivityTagsCollection { ["kin.name"] = kin.Name })); // leak TC1001 direct
        await support.SendLetterAsync(kin.Email, options.KinLetterTemplateId, cancellationToken);
        logger.LogInformation("Sent letter {LetterTemplateId} to next of kin", options.KinLetterTemplateId); // clean precision-names
        logger.LogInformation("Sent bereavement guide to {Kin}", kin); // leak TC1001 logging-objects
        meter.CreateBereavementCasesCounter().Add(1, bereavementSite: options.Site, bereavementOutcome: "kin-contacted"); // clean generated-api
        return Ok();
    }
}

/// <summary>The body of a certificate request from the ward doctor.</summary>
public sealed record CertificateRequest(string NhsNumber, string DoctorGmcNumber, string TemplateId);
