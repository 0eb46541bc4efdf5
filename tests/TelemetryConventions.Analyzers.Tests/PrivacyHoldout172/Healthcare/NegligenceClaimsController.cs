using OpenTelemetry.Trace;

namespace PrivacyHoldout172.Healthcare;

/// <summary>
/// The trust's legal services team: claimant solicitors' letters of claim arrive here, a matter is opened
/// in the practice management system and handed to a panel firm.
/// </summary>
[ApiController]
[Route("api/legal/negligence-claims")]
public sealed class NegligenceClaimsController(
    IClientStore clients,
    ILogger<NegligenceClaimsController> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Legal.Claims");
    private readonly Counter<long> _claimsReceived = meter.CreateCounter<long>("trust.legal.claims_received");

    [HttpPost("")]
    public async Task<ActionResult> ReceiveAsync([FromBody] NegligenceClaim claim, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ReceiveLetterOfClaim");
        activity?.SetTag("legal.claim.ref", claim.ClaimRef); // clean precision-names
        activity?.SetTag("legal.patient.nhs_number", claim.NhsNumber); // leak TC1001 direct
        activity?.SetTag("legal.claim.reserve", claim.Reserve); // clean precision-about

        logger.LogInformation("Letter of claim {ClaimRef} received for patient {PatientName}", claim.ClaimRef, claim.PatientName); // leak TC1001 direct
        logger.LogInformation("Claimant solicitor writes from {SolicitorDomain}", claim.ClaimantSolicitorEmail.Split('@')[1]); // clean precision-about
        logger.LogDebug("Claim payload {Claim}", claim); // leak TC1001 logging-objects

        var patient = pseudonymizer.PseudonymizeMedlegalClientId(claim.NhsNumber);
        activity?.SetTag(MedlegalAttributes.ClientId, patient.Value); // clean precision-pseudonym
        _claimsReceived.Add(1, new KeyValuePair<string, object?>("patient", patient.Value)); // leak TC1003 precision-pseudonym
        _claimsReceived.Add(1, new KeyValuePair<string, object?>("claim.kind", "clinical_negligence")); // clean precision-about

        try
        {
            var matter = await clients.FindMatterAsync(claim.ClaimRef, cancellationToken);
            if (matter is null)
            {
                throw new PatientNotTracedException(claim.NhsNumber);
            }

            logger.LogInformation("Claim {ClaimRef} joined to matter {Matter}", claim.ClaimRef, new MatterSummary(matter.MatterId, matter.PracticeArea, matter.Status)); // clean logging-objects
            logger.LogInformation("Matter opened: {Matter}", matter); // leak TC1001 logging-objects
            return Ok(matter.MatterId);
        }
        catch (PatientNotTracedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.RecordException(ex); // leak TC1001 exceptions
            logger.LogWarning("Trace failed: {ErrorType}", ex.GetType().Name); // clean exceptions
            return NotFound("The patient could not be traced.");
        }
    }

    [HttpGet("{claimRef}/solicitor")]
    public ActionResult Solicitor(string claimRef, string solicitorEmail)
    {
        Activity.Current?.SetTag("legal.claim.ref", claimRef); // clean direct
        Activity.Current?.SetTag("legal.claimant_solicitor", solicitorEmail); // leak TC1001 direct
        Activity.Current?.SetTag("legal.claimant_solicitor.present", !string.IsNullOrEmpty(solicitorEmail)); // clean precision-about
        return Ok();
    }

    [HttpPost("{claimRef}/chase")]
    public ActionResult Chase(string claimRef, [FromBody] NegligenceClaim claim)
    {
        var subject = Describe(claim);
        logger.LogInformation("Chasing the panel firm about {Subject}", subject); // leak TC1001 cross-member
        logger.LogInformation("Chasing the panel firm about " + claimRef); // clean strings
        Activity.Current?.SetTag("legal.claim.subject", string.Format(CultureInfo.InvariantCulture, "{0}/{1}", claimRef, claim.NhsNumber)); // leak TC1001 strings
        Activity.Current?.SetTag("legal.claim.patient_count", 1); // clean precision-names
        return Ok();
    }

    private static string Describe(NegligenceClaim claim) => $"{claim.PatientName} ({claim.NhsNumber})";
}
