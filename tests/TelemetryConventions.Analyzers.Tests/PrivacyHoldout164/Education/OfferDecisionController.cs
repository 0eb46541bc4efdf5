namespace PrivacyHoldout164.Education;

public sealed record OfferDecisionRequest(Guid ApplicationId, string Conditions, string OfficerStaffNumber);

/// <summary>Admissions tutors record offer decisions; the applicant is emailed the offer letter.</summary>
[ApiController]
[Route("api/admissions/offers")]
public sealed partial class OfferDecisionController(
    IAdmissionsStore store,
    ICampusMailer mailer,
    CampusOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<OfferDecisionController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Campus.Admissions.Offers");
    private static readonly Meter Meter = new("Campus.Admissions.Offers");
    private readonly AdmissionsRequestsCounter _requests = Meter.CreateAdmissionsRequestsCounter();
    private static readonly Counter<long> OffersMade = Meter.CreateCounter<long>("admissions.offers.made");

    [HttpPost]
    public async Task<ActionResult> Decide([FromBody] OfferDecisionRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartAdmissionsOperation("fac-social-sciences");
        span.SetAdmissionsStaffId(pseudonymizer.PseudonymizeAdmissionsStaffId(request.OfficerStaffNumber)); // clean generated-api
        Activity.Current?.SetTag("admissions.application_id", request.ApplicationId); // clean precision-names
        Activity.Current?.SetTag("admissions.officer", request.OfficerStaffNumber); // leak TC1001 direct

        var application = await store.ApplicationAsync(request.ApplicationId, cancellationToken);
        if (application is null)
        {
            logger.LogWarning("Application {ApplicationId} not found", request.ApplicationId); // clean precision-names
            return new NotFoundResult("application");
        }

        try
        {
            var offer = await store.MakeOfferAsync(application.ApplicationId, request.Conditions, cancellationToken);
            var applicant = await store.ApplicantAsync(application.UcasPersonalId, cancellationToken);
            span.SetAdmissionsStudentId(pseudonymizer.PseudonymizeAdmissionsStudentId(applicant.UcasPersonalId)); // clean generated-api
            span.SetAdmissionsProgramme(offer.CourseCode); // clean generated-api
            logger.LogInformation("Offer made {@Offer}", offer); // clean logging-objects
            logger.LogInformation("Offer made to {@Applicant}", applicant); // leak TC1001 logging-objects
            LogOfferMade(logger, applicant.UcasPersonalId, offer.CourseCode); // leak TC1001 direct
            LogOfferEmailed(logger, applicant.Email, options.OfferTemplateId); // clean direct
            await mailer.SendAsync(applicant.Email, options.OfferTemplateId, new Dictionary<string, string> { ["name"] = applicant.FullName }, cancellationToken);
            var domain = applicant.Email[(applicant.Email.IndexOf('@') + 1)..];
            Activity.Current?.SetTag("admissions.email_domain", domain); // clean precision-about
            OffersMade.Add(1, new KeyValuePair<string, object?>("course", offer.CourseCode), new KeyValuePair<string, object?>("unconditional", offer.Unconditional)); // clean precision-about
            _requests.Add(1, "fac-social-sciences", offer.Unconditional ? "unconditional" : "conditional"); // clean generated-api
            return new OkResult(offer.OfferId);
        }
        catch (CourseFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Course full for application {ApplicationId}", application.ApplicationId); // clean exceptions
            _requests.Add(1, "fac-social-sciences", "course-full"); // clean generated-api
            return new BadRequestResult("full");
        }
        catch (ApplicationWithdrawnException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            _requests.Add(1, "fac-social-sciences", $"withdrawn:{application.UcasPersonalId}"); // leak TC1003 generated-api
            return new BadRequestResult("withdrawn");
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Offer made to {UcasPersonalId} for {CourseCode}")]
    private static partial void LogOfferMade(ILogger logger, string ucasPersonalId, string courseCode);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Offer letter sent to {Email} using {TemplateId}")]
    private static partial void LogOfferEmailed(ILogger logger, [PrivateData] string email, string templateId);
}
