namespace PrivacyHoldout125.Media;

/// <summary>
/// Interviewers submit feedback for newsroom roles from the hiring app; the debrief gathers it, and
/// the equal-opportunities monitoring for the role is reported in aggregate only.
/// </summary>
[ApiController]
[Route("api/interviews")]
public sealed class InterviewFeedbackController(
    IAtsClient ats,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<InterviewFeedbackController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Broadcaster.Talent.Interviews");
    private static readonly Meter Meter = new("Broadcaster.Talent.Interviews");
    private static readonly NewsjobsApplicationsCounter Decisions = Meter.CreateNewsjobsApplicationsCounter();

    public sealed record FeedbackForm(long ApplicationId, string Interview, IReadOnlyDictionary<string, int> Ratings, string Recommendation, string? Notes);

    [HttpPost("feedback")]
    public ActionResult Submit([FromBody] FeedbackForm form)
    {
        var interviewer = HttpContext.User;
        using var span = Source.StartNewsjobsApplication(form.ApplicationId.ToString(CultureInfo.InvariantCulture), "unknown");
        span.SetNewsjobsStage("interview").SetNewsjobsOutcome(form.Recommendation); // clean generated-api
        span.SetNewsjobsInterviewerId(pseudonymizer.PseudonymizeNewsjobsInterviewerId(interviewer.SubjectId ?? "anonymous")); // clean precision-pseudonym
        span.Activity?.SetTag("newsjobs.interviewer.email", interviewer.Email); // leak TC1001 direct
        span.Activity?.SetTag("newsjobs.feedback.summary", $"{interviewer.Email} recommends {form.Recommendation}"); // leak TC1001 strings
        span.Activity?.SetTag("newsjobs.feedback.ratings", form.Ratings.Count); // clean precision-about
        span.Activity?.SetTag("newsjobs.feedback.has_notes", !string.IsNullOrWhiteSpace(form.Notes)); // clean precision-about
        logger.LogInformation("Feedback {@Form}", form); // leak TC1001 logging-objects
        logger.LogInformation("Ratings for {Interview}: {@Ratings}", form.Interview, form.Ratings); // clean logging-objects
        span.SetNewsjobsNote(form.Notes ?? string.Empty); // leak TC1001 generated-api
        Decisions.Add(1, "interview", newsjobsOutcome: form.Recommendation); // clean generated-api
        return Ok();
    }

    [HttpGet("{applicationId}/debrief")]
    public async Task<ActionResult> DebriefAsync(long applicationId, CancellationToken cancellationToken)
    {
        var application = await ats.GetApplicationAsync(applicationId, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }
        var cards = await ats.GetScorecardsAsync(applicationId, cancellationToken);
        using var activity = Source.StartActivity("newsjobs.debrief");
        activity?.SetTag("newsjobs.application.status", application.Status); // clean precision-names
        activity?.SetTag("newsjobs.debrief.strong_yes", cards.Count(c => c.OverallRecommendation == "strong_yes")); // clean precision-about
        logger.LogInformation("Debrief for {Application}: {@Scorecards}", applicationId, cards); // leak TC1001 logging-objects
        var shard = HMACSHA256.HashData(secrets.ShardKey, BitConverter.GetBytes(application.CandidateId))[0] % 16;
        activity?.SetTag("newsjobs.debrief.shard", shard); // clean hashes
        activity?.SetTag("newsjobs.debrief.candidate_hash", Convert.ToHexString(SHA1.HashData(BitConverter.GetBytes(application.CandidateId)))[..12]); // leak TC1002 hashes
        return Ok(cards.Count);
    }

    [HttpGet("monitoring/{jobId}")]
    public ActionResult Monitoring(long jobId, IReadOnlyList<DemographicAnswers> answers)
    {
        using var activity = Source.StartActivity("newsjobs.monitoring");
        activity?.SetTag("newsjobs.monitoring.responses", answers.Count); // clean precision-about
        activity?.SetTag("newsjobs.monitoring.disability_declared", answers.Count(a => a.Disability == true)); // clean precision-about
        logger.LogInformation("Monitoring bands for {Job}: {@Bands}", jobId, answers.GroupBy(a => a.AgeBand).ToDictionary(g => g.Key ?? "not given", g => g.Count())); // clean logging-objects
        return Ok();
    }
}
