namespace PrivacyHoldout176.Education;

/// <summary>Issues transcripts of record to learners and to universities that ask for them.</summary>
[ApiController]
[Route("api/transcripts")]
public sealed class TranscriptController(ILearnerStore store, Pseudonymizer pseudonymizer, ILogger<TranscriptController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("LanguageSchool.Transcripts");

    [HttpGet("{learnerId}")]
    public async Task<ActionResult> GetAsync(string learnerId, CancellationToken cancellationToken)
    {
        using var span = Source.StartLangschoolOperation("transcripts");
        span.SetLangschoolLearnerId(pseudonymizer.PseudonymizeLangschoolLearnerId(learnerId)); // clean generated-api
        span.SetLangschoolNote("Transcript for " + learnerId); // leak TC1001 generated-api
        var requester = HttpContext.User.Email;
        Activity.Current?.SetTag("requester.email", requester); // leak TC1001 direct
        Activity.Current?.SetTag("requester.authenticated", HttpContext.User.IsAuthenticated); // clean precision-about

        var transcript = await store.TranscriptAsync(learnerId, cancellationToken);
        if (transcript is null)
        {
            logger.LogWarning("No transcript for learner {Learner}", learnerId); // leak TC1001 direct
            logger.LogLangschoolOperationFailedEvent("transcripts", "not-found", pseudonymizer.PseudonymizeLangschoolLearnerId(learnerId)); // clean generated-api
            return NotFound();
        }

        span.SetLangschoolItemCount(transcript.Grades.Count); // clean generated-api
        logger.LogInformation("Issued {Transcript}", transcript); // leak TC1001 logging-objects
        logger.LogInformation("Issued transcript with grades {Grades}", transcript.Grades); // clean logging-objects
        foreach (var grade in transcript.Grades)
        {
            Activity.Current?.AddEvent(new ActivityEvent("transcript.grade", tags: new ActivityTagsCollection { ["course"] = grade.CourseCode, ["grade"] = grade.Grade })); // clean precision-about
        }

        var header = $"{transcript.LearnerName} ({transcript.LearnerId})";
        Activity.Current?.AddEvent(new ActivityEvent("transcript.rendered", tags: new ActivityTagsCollection { ["header"] = header })); // leak TC1001 strings
        if (Activity.Current is { } current)
        {
            current.DisplayName = $"Transcript {transcript.Grades.Count} grades"; // clean strings
        }
        return Ok(transcript);
    }

    [HttpPost("{learnerId}/send")]
    public ActionResult Send(string learnerId, [FromBody] string universityEmail)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["LearnerId"] = learnerId, ["Recipient"] = universityEmail }); // leak TC1001 direct
        logger.LogInformation("Sending transcript to {RecipientDomain}", universityEmail.Split('@')[1]); // clean precision-about
        return Ok();
    }
}
