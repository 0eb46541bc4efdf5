namespace PrivacyHoldout175.Media;

/// <summary>Applications for tickets to the studio audience of the broadcaster's live concert series.</summary>
[ApiController]
[Route("api/audience")]
public sealed partial class StudioAudienceController(ILogger<StudioAudienceController> logger, Pseudonymizer pseudonymizer, IEventMessenger messenger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcaster.Audience");
    private static readonly Meter Meter = new("Broadcaster.Audience");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("audience.applications");

    [HttpPost("applications")]
    public async Task<ActionResult> Apply([FromBody] AudienceApplication application)
    {
        using var activity = Source.StartActivity("audience.apply");
        activity?.SetTag("applicant.email.domain", application.Email[(application.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("applicant.phone.prefix", application.Phone[..3]); // clean precision-about
        activity?.SetTag("applicant.phone", application.Phone); // leak TC1001 direct
        activity?.SetTag("applicant.story.length", application.Story.Length); // clean precision-about
        activity?.SetTag("applicant.story", application.Story); // leak TC1001 direct
        if (activity is not null) activity.DisplayName = $"apply {application.ApplicantName}"; // leak TC1001 strings

        Applied(logger, application.Email); // clean logging-objects
        logger.LogInformation("Application from {Applicant}", application.ApplicantName); // leak TC1001 direct
        logger.LogInformation("Application received: {@Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Application received with a story of {Words} words", application.Story.Split(' ').Length); // clean precision-about

        var applicant = pseudonymizer.PseudonymizeLivebroadcastHolderId(application.Email);
        using var span = Source.StartLivebroadcastOperation("studio-1").SetLivebroadcastHolderId(applicant); // clean generated-api
        span.SetLivebroadcastNote(application.Story[..Math.Min(200, application.Story.Length)]); // leak TC1001 generated-api
        Activity.Current?.SetTag(LivebroadcastAttributes.Contact, applicant.Value); // leak TC1001 precision-pseudonym
        Applications.Add(1, new KeyValuePair<string, object?>("studio", "studio-1")); // clean precision-names
        await messenger.SendAsync(application.Email, "tpl-audience-received");
        logger.LogInformation("Acknowledgement sent with template {TemplateId}", "tpl-audience-received"); // clean precision-names
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audience application from {Email}")]
    private static partial void Applied(ILogger logger, [PrivateData] string email);
}
