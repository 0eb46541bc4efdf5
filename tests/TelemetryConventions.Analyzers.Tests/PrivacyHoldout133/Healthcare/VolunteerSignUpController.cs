namespace PrivacyHoldout133.Healthcare;

/// <summary>The hospital charity's public volunteer sign-up form and the DBS check that follows it.</summary>
[ApiController]
[Route("api/volunteers")]
public sealed partial class VolunteerSignUpController(
    IRotaClient rota,
    IUmbrellaBodyClient umbrella,
    IDbsUpdateService updateService,
    IVolunteerMessenger messenger,
    Pseudonymizer pseudonymizer,
    CommunityOptions options,
    ILogger<VolunteerSignUpController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Charity.Volunteers");
    private static readonly Meter Meter = new("Charity.Volunteers");
    private static readonly Counter<long> SignUps = Meter.CreateCounter<long>("charity.volunteer.signups");
    private static readonly Histogram<int> AboutMeLength = Meter.CreateHistogram<int>("charity.volunteer.about_me.length");

    [HttpPost("")]
    public async Task<ActionResult> SignUp([FromBody] SignUpForm form, CancellationToken cancellationToken)
    {
        using var span = Source.StartHospvolTask(hospvolProgramme: form.Programme);
        span.SetHospvolSite(OutwardCode(form.Postcode)); // clean precision-about
        span.Activity?.SetTag("volunteer.email_domain", form.Email[(form.Email.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag("volunteer.about_me.given", !string.IsNullOrWhiteSpace(form.AboutMe)); // clean precision-about
        AboutMeLength.Record(form.AboutMe?.Length ?? 0, new KeyValuePair<string, object?>("programme", form.Programme)); // clean precision-about

        logger.LogInformation("Volunteer sign-up received for {Programme}", form.Programme); // clean precision-names
        logger.LogDebug("Sign-up form {@Form}", form); // leak TC1001 logging-objects

        Volunteer volunteer;
        try
        {
            volunteer = await rota.RegisterAsync(form, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogWarning(ex, "Could not register {Email} for {Programme}", form.Email, form.Programme); // leak TC1001 direct
            span.SetHospvolOutcome("failed"); // clean precision-names
            return BadRequest("registration failed");
        }

        var pseudonym = pseudonymizer.PseudonymizeHospvolVolunteerId(volunteer.VolunteerId);
        span.SetHospvolVolunteerId(pseudonym); // clean precision-pseudonym
        span.Activity?.SetTag(HospvolAttributes.Contact, volunteer.Mobile); // leak TC1001 generated-api
        span.Activity?.SetTag("volunteer.skills.count", volunteer.Skills.Count); // clean precision-about
        SignUps.Add(1, new KeyValuePair<string, object?>("programme", form.Programme), new KeyValuePair<string, object?>("volunteer", pseudonym.Value)); // leak TC1003 precision-pseudonym

        await messenger.SendAsync(volunteer.Email, options.ThankYouTemplateId, new Dictionary<string, string> { ["name"] = volunteer.FullName }, cancellationToken);
        logger.LogInformation("Welcome email sent with template {ThankYouTemplateId}", options.ThankYouTemplateId); // clean precision-names
        logger.LogInformation("Registered volunteer {VolunteerName} from {Postcode}", volunteer.FullName, volunteer.Postcode); // leak TC1001 direct

        return Ok(new { volunteer.VolunteerId });
    }

    [HttpPost("{volunteerId}/dbs")]
    public async Task<ActionResult> StartCheck(string volunteerId, [FromBody] DbsApplication application, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("dbs.submit");
        activity?.SetTag("http.route", "api/volunteers/{volunteerId}/dbs"); // clean strings
        activity?.SetTag("url.path", $"/api/volunteers/{volunteerId}/dbs"); // leak TC1001 strings
        activity?.SetTag("dbs.workforce", application.Workforce); // clean precision-about
        activity?.SetTag("dbs.level", application.Level); // clean precision-about
        activity?.SetTag("dbs.applicant.age", DateTime.UtcNow.Year - application.DateOfBirth.Year); // clean precision-about
        activity?.SetTag("dbs.applicant", application.ApplicantName); // leak TC1001 direct
        activity?.SetBaggage("volunteer.id", volunteerId); // leak TC1001 direct

        try
        {
            var reference = await umbrella.SubmitAsync(application, cancellationToken);
            activity?.SetTag("dbs.application.ref", reference); // clean precision-names
            LogSubmitted(logger, reference, application.Level); // clean precision-names
            return Ok(new { reference });
        }
        catch (UmbrellaUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Umbrella body unavailable for {Level} check", application.Level); // clean exceptions
            return BadRequest("try later");
        }
    }

    [HttpGet("{volunteerId}/dbs/status")]
    public async Task<ActionResult> CheckExisting(string volunteerId, string certificateNumber, string surname, DateOnly dateOfBirth, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("dbs.update_service");
        activity?.SetTag("dbs.certificate.length", certificateNumber.Length); // clean precision-about
        try
        {
            var status = await updateService.StatusAsync(certificateNumber, surname, dateOfBirth, cancellationToken);
            activity?.SetTag("dbs.status", status.Status); // clean precision-about
            activity?.SetTag("dbs.current", status.IsCurrent); // clean precision-about
            logger.LogInformation("Update Service answered {@Status}", status); // leak TC1001 logging-objects
            LogCertificateChecked(logger, certificateNumber, status.Status); // clean direct
            return Ok(status.Status);
        }
        catch (CertificateMismatchException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("error.code", ex.Code); // clean exceptions
            logger.LogWarning("Certificate check failed: {Reason}", ex.Message); // leak TC1001 exceptions
            return NotFound();
        }
    }

    private static string OutwardCode(string postcode) => postcode.Split(' ')[0];

    [LoggerMessage(Level = LogLevel.Information, Message = "DBS application {Reference} submitted at level {Level}")]
    private static partial void LogSubmitted(ILogger logger, string reference, string level);

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate {CertificateNumber} checked: {Status}")]
    private static partial void LogCertificateChecked(ILogger logger, [PrivateData] string certificateNumber, string status);
}
