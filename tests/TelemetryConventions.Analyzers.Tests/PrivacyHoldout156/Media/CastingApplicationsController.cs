namespace PrivacyHoldout156.Media;

/// <summary>Takes applications to appear on the makeover show and shortlists them for episodes.</summary>
[ApiController]
[Route("api/casting")]
public sealed class CastingApplicationsController(
    ICastingDesk desk,
    IClientMessenger messenger,
    Pseudonymizer pseudonymizer,
    SalonOptions options,
    ILogger<CastingApplicationsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcaster.Casting");
    private static readonly Meter Meter = new("Broadcaster.Casting");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("casting.applications");

    private readonly List<CastingApplication> _withdrawn = new();

    [HttpPost("")]
    public async Task<ActionResult> Apply([FromBody] CastingApplication application, EpisodeSlot episode)
    {
        using var activity = Source.StartActivity("casting.apply");
        activity?.SetTag("casting.application.id", application.ApplicationId); // clean direct
        activity?.SetTag("casting.town", application.Town); // clean precision-about
        activity?.SetTag("casting.episode", episode.EpisodeId); // clean direct
        activity?.SetTag("casting.story.length", application.Story.Length); // clean precision-about
        activity?.SetTag("casting.story", application.Story); // leak TC1001 direct
        Applications.Add(1, new KeyValuePair<string, object?>("series", episode.Series), new KeyValuePair<string, object?>("age", application.Age / 10 * 10)); // clean precision-about
        logger.LogInformation("Application {@Episode}", episode); // clean logging-objects
        logger.LogInformation("Application from {ApplicantName}, {Email}", application.ApplicantName, application.Email); // leak TC1001 direct
        logger.LogInformation("Casting template {CastingTemplateId}", options.CastingTemplateId); // clean precision-names

        await messenger.EmailAsync(application.Email, options.CastingTemplateId, new Dictionary<string, string> { ["name"] = application.ApplicantName });
        using var span = Source.StartMakeoverOperation(episode.Series).SetMakeoverApplicantId(pseudonymizer.PseudonymizeMakeoverApplicantId(application.ApplicationId)).SetMakeoverService("casting"); // clean generated-api
        span.SetMakeoverNote(Pitch(application)); // leak TC1001 generated-api
        span.SetMakeoverNote($"Applied for {episode.Series} episode {episode.Episode}"); // clean generated-api
        activity?.SetTag(MakeoverAttributes.Contact, application.Mobile); // leak TC1001 generated-api

        var shortlist = await desk.ShortlistAsync(application.ApplicationId, episode.EpisodeId);
        activity?.SetTag("casting.shortlist.id", shortlist); // clean direct
        return Ok(shortlist);
    }

    [HttpPost("{applicationId}/withdraw")]
    public ActionResult Withdraw(string applicationId, [FromBody] CastingApplication application)
    {
        _withdrawn.Add(application);
        var ex = new ApplicantWithdrawnException(application.ApplicantName);
        logger.LogInformation(ex, "Application {ApplicationId} withdrawn", applicationId); // leak TC1001 exceptions
        Activity.Current?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
        return Ok();
    }

    public void ReportWeek()
    {
        Activity.Current?.SetTag("casting.withdrawn", _withdrawn.Count); // clean cross-member
        Activity.Current?.SetTag("casting.withdrawn.emails", string.Join(",", _withdrawn.Select(a => a.Email))); // leak TC1001 cross-member
    }

    private static string Pitch(CastingApplication application) =>
        $"{application.ApplicantName}, {application.Age}, from {application.Town}: {application.Story}";
}
