namespace PrivacyHoldout149.Healthcare;

/// <summary>
/// The Mental Health Act office's API: files applications to the First-tier Tribunal (Mental Health)
/// for detained patients, asks the Legal Aid Agency for non-means-tested certificates for them and
/// uploads the statutory reports before each hearing.
/// </summary>
[ApiController]
[Route("api/tribunal/applications")]
public sealed class TribunalApplicationsController(
    ITribunalPortal portal,
    IPatientIndex patients,
    ILegalAidAgency legalAid,
    Pseudonymizer pseudonymizer,
    ILogger<TribunalApplicationsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.MentalHealthLaw.Tribunal");

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] TribunalApplication application, CancellationToken cancellationToken)
    {
        using var span = Source.StartMhtribunalOperation(application.Hospital);
        span.SetMhtribunalSection(application.Section);
        span.SetMhtribunalPatientId(pseudonymizer.PseudonymizeMhtribunalPatientId(application.HospitalNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("tribunal.application.id", application.ApplicationId);
        Activity.Current?.SetTag("tribunal.applicant.role", application.ApplicantRole); // clean precision-names
        logger.LogInformation("Submitting tribunal application {Application}", application); // leak TC1001 logging-objects

        var patient = await patients.FindAsync(application.HospitalNumber, cancellationToken);
        if (patient is null)
        {
            logger.LogWarning("No detained patient with hospital number {HospitalNumber}", application.HospitalNumber); // leak TC1001 direct
            return NotFound();
        }

        Activity.Current?.SetTag("patient.detained.days", (DateTime.UtcNow - patient.DetainedSince).Days); // clean precision-about
        Activity.Current?.SetTag("patient.ward", patient.Ward);
        Activity.Current?.SetTag("patient.nhs_number", patient.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("patient.age_band", AgeBand(patient.DateOfBirth)); // clean precision-about

        try
        {
            var listing = await portal.SubmitAsync(application, cancellationToken);
            span.SetMhtribunalOutcome("listed");
            Activity.Current?.SetTag("tribunal.hearing.id", listing.HearingId);
            Activity.Current?.SetTag("tribunal.panel.id", listing.PanelId); // clean precision-names
            logger.LogInformation("Hearing {HearingId} listed at {Venue} for {ListedFor:d}", listing.HearingId, listing.Venue, listing.ListedFor);
            logger.LogInformation("Hearing listed for {Patient} on {ListedFor:d}", patient.FullName, listing.ListedFor); // leak TC1001 direct
            return Ok(listing);
        }
        catch (PanelUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "No panel for application {ApplicationId}", application.ApplicationId); // clean exceptions
            return BadRequest("No panel available");
        }
    }

    [HttpPost("{hospitalNumber}/legal-aid")]
    public async Task<ActionResult> RequestLegalAid(string hospitalNumber, [FromBody] LegalAidRequest body, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("tribunal.legal_aid");
        activity?.SetTag("legal_aid.section", body.Section);
        activity?.SetTag("legal_aid.provider.account", body.ProviderAccount); // clean precision-names
        activity?.SetTag("legal_aid.client", pseudonymizer.ComputeMhtribunalPatientId(hospitalNumber)); // clean precision-pseudonym

        var certificate = await legalAid.GrantNonMeansTestedAsync(body.Nino, body.ProviderAccount, body.Section, cancellationToken);
        activity?.SetTag("legal_aid.certificate.id", certificate.CertificateId);
        activity?.SetTag("legal_aid.solicitor.email_domain", certificate.SolicitorEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("legal_aid.solicitor", certificate.SolicitorName); // leak TC1001 direct
        logger.LogInformation("Legal aid granted: {@Certificate}", certificate); // leak TC1001 logging-objects
        logger.LogInformation("Legal aid cost limit {CostLimit} for provider {ProviderAccount}", certificate.CostLimit, certificate.ProviderAccount); // clean precision-about
        activity?.AddEvent(new ActivityEvent("legal_aid.granted", tags: new ActivityTagsCollection { ["client.nino"] = body.Nino })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("legal_aid.limit", tags: new ActivityTagsCollection { ["cost_limit"] = certificate.CostLimit })); // clean precision-about
        return Ok(certificate.CertificateId);
    }

    [HttpPost("hearings/{hearingId}/reports/{reportKind}")]
    public async Task<ActionResult> UploadReport(string hearingId, string reportKind, [FromBody] byte[] pdf, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("tribunal.report.upload");
        activity?.SetTag("tribunal.report.kind", reportKind);
        activity?.SetTag("tribunal.report.bytes", pdf.Length);
        try
        {
            await portal.UploadReportAsync(hearingId, reportKind, pdf, cancellationToken);
            return Ok();
        }
        catch (ReportOverdueException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("tribunal.report.overdue", ex.ReportKind); // clean exceptions
            logger.LogWarning(ex, "Report upload for hearing {HearingId} was late", hearingId); // leak TC1001 exceptions
            return BadRequest("Report overdue");
        }
    }

    private static string AgeBand(DateOnly dateOfBirth) => (DateTime.UtcNow.Year - dateOfBirth.Year) switch
    {
        < 18 => "under-18",
        < 65 => "18-64",
        _ => "65-plus",
    };
}

/// <summary>The body of a legal aid request: the client's National Insurance number, the firm's account and the section.</summary>
public sealed record LegalAidRequest(string Nino, string ProviderAccount, string Section);
