namespace PrivacyHoldout138.Healthcare;

/// <summary>An enquiry from a journalist to the trust's press office.</summary>
public sealed record PressEnquiry(string EnquiryId, string JournalistName, string JournalistEmail, string Outlet, string Topic, DateTimeOffset Deadline, string? PatientNhsNumber);

[ApiController]
[Route("api/press/enquiries")]
public sealed class PressEnquiryController(ITipVault vault, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<PressEnquiryController> logger) : ControllerBase
{
    private static readonly Meter PressMeter = new("Trust.PressOffice");
    private static readonly Counter<long> Enquiries = PressMeter.CreateCounter<long>("press.enquiries", "{enquiry}");
    private static readonly Histogram<double> HoursToDeadline = PressMeter.CreateHistogram<double>("press.enquiry.deadline", "h");

    [HttpPost]
    public async Task<ActionResult> Log([FromBody] PressEnquiry enquiry, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("press.enquiry.id", enquiry.EnquiryId); // clean precision-names
        activity?.SetTag("press.outlet", enquiry.Outlet); // clean precision-names
        activity?.SetTag("press.journalist", enquiry.JournalistEmail); // leak TC1001 direct
        Enquiries.Add(1, new TagList { { "outlet", enquiry.Outlet }, { "topic", enquiry.Topic } }); // clean precision-names
        Enquiries.Add(1, new TagList { { "journalist", enquiry.JournalistName } }); // leak TC1003 direct
        HoursToDeadline.Record((enquiry.Deadline - DateTimeOffset.UtcNow).TotalHours, new KeyValuePair<string, object?>("outlet", enquiry.Outlet)); // clean precision-about

        logger.LogInformation("Press enquiry {@Enquiry} received", enquiry); // leak TC1001 logging-objects

        if (enquiry.PatientNhsNumber is { } nhsNumber)
        {
            activity?.SetTag("press.about_patient", true); // clean precision-about
            activity?.SetTag(CarestoryAttributes.PatientId, pseudonymizer.ComputeCarestoryPatientId(nhsNumber)); // clean precision-pseudonym
            logger.LogWarning("Enquiry {EnquiryId} names a patient: {Summary}", enquiry.EnquiryId, $"{enquiry.Outlet} asks about {nhsNumber}"); // leak TC1001 strings
        }

        try
        {
            var tipId = await vault.StoreAsync(new TipSubmission(enquiry.EnquiryId, enquiry.Outlet, enquiry.JournalistEmail, enquiry.Topic, "press", DateTimeOffset.UtcNow, false), cancellationToken);
            logger.LogInformation("Enquiry {EnquiryId} filed as {TipId}", enquiry.EnquiryId, tipId); // clean precision-names
            return new OkResult(tipId);
        }
        catch (TipContactInvalidException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Enquiry {EnquiryId} has an unusable contact field {Field}", enquiry.EnquiryId, ex.Field); // clean exceptions
            return new BadRequestResult(ex.Field);
        }
    }

    [HttpGet("{enquiryId}")]
    public ActionResult Get(string enquiryId)
    {
        using var span = source.StartCarestoryRelease(enquiryId).SetCarestoryChannel("press");
        var signedIn = HttpContext.User;
        span.Activity?.SetTag("press.officer.signed_in", signedIn.IsAuthenticated); // clean precision-about
        span.Activity?.SetTag("press.officer", signedIn.Email); // leak TC1001 direct
        span.Activity?.SetTag(CarestoryAttributes.Contact, signedIn.Email); // leak TC1001 generated-api
        return new OkResult(enquiryId);
    }
}
