namespace PrivacyHoldout126.Education;

/// <summary>End-of-module feedback: a rating of the module, a rating of each lecturer, and comments.</summary>
public sealed record ModuleFeedback(string ModuleCode, string Term, int ModuleStars, IReadOnlyDictionary<string, int> LecturerStars, string? Comment);

/// <summary>A lecturer's rating summary for the module leader's dashboard. Prints its members.</summary>
public sealed record LecturerRating(string LecturerStaffId, string LecturerName, double Average, int Responses);

[ApiController]
[Route("api/modules/{moduleCode}/feedback")]
public sealed class ModuleFeedbackController(
    IReviewPlatform platform,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ModuleFeedbackController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Uni.ModuleFeedback");
    private static readonly Meter Meter = new("Uni.ModuleFeedback");
    private static readonly Histogram<int> LecturerStars = Meter.CreateHistogram<int>("module.feedback.lecturer.stars");

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] ModuleFeedback feedback)
    {
        var studentNumber = HttpContext.User.SubjectId!;
        using var span = Source.StartCoursefbSubmit("pending")
            .SetCoursefbModule(feedback.ModuleCode) // clean precision-names
            .SetCoursefbRating(feedback.ModuleStars); // clean precision-about

        span.Activity?.SetTag("coursefb.term", feedback.Term); // clean precision-names
        span.Activity?.SetTag("coursefb.student", studentNumber); // leak TC1001 direct
        span.SetCoursefbAuthorId(pseudonymizer.PseudonymizeCoursefbAuthorId(studentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("coursefb.lecturers.rated", feedback.LecturerStars.Count); // clean precision-about
        logger.LogDebug("Lecturer ratings {Ratings}", feedback.LecturerStars); // leak TC1001 logging-objects
        var feedbackKey = "fb:" + studentNumber + ":" + feedback.ModuleCode;
        logger.LogDebug("Feedback key {Key}", feedbackKey); // leak TC1001 strings
        logger.LogDebug(string.Format(CultureInfo.InvariantCulture, "Feedback for {0} in {1}", feedback.ModuleCode, feedback.Term)); // clean strings

        foreach (var (lecturerId, stars) in feedback.LecturerStars)
        {
            LecturerStars.Record(stars, new KeyValuePair<string, object?>("module", feedback.ModuleCode)); // clean precision-names
            LecturerStars.Record(stars, new KeyValuePair<string, object?>("lecturer", lecturerId)); // leak TC1003 direct
        }

        if (!string.IsNullOrWhiteSpace(feedback.Comment))
        {
            span.Activity?.SetTag("coursefb.comment.words", feedback.Comment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            span.SetCoursefbNote(feedback.Comment.Length > 80 ? feedback.Comment[..80] : feedback.Comment); // leak TC1001 generated-api
        }

        var review = await platform.SubmitReviewAsync(new ReviewSubmission(feedback.ModuleCode, studentNumber, "Student", HttpContext.User.Email, feedback.ModuleStars, feedback.Term, feedback.Comment ?? string.Empty));
        span.SetCoursefbReviewId(review.Id).SetCoursefbOutcome("published"); // clean generated-api
        var bucket = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))) % 10;
        span.Activity?.SetTag("coursefb.sample.bucket", bucket); // clean hashes
        var dedupe = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(studentNumber + feedback.ModuleCode)));
        span.Activity?.SetTag("coursefb.dedupe", dedupe); // leak TC1002 hashes
        return Ok(review.Id);
    }

    [HttpGet("lecturers")]
    public async Task<ActionResult> LecturerSummary(string moduleCode, IReadOnlyList<LecturerRating> ratings)
    {
        using var span = Source.StartActivity("coursefb.lecturer.summary");
        span?.SetTag("coursefb.module", moduleCode); // clean precision-names
        span?.SetTag("coursefb.lecturers", ratings.Count); // clean precision-about
        logger.LogInformation("Lecturer summary {@Ratings}", ratings); // leak TC1001 logging-objects
        var lowest = ratings.MinBy(r => r.Average);
        if (lowest is not null)
        {
            logger.LogInformation("Lowest rated lecturer on {Module}: {Lecturer} at {Average:0.0}", moduleCode, lowest.LecturerName, lowest.Average); // leak TC1001 direct
            span?.SetTag("coursefb.lowest.average", Math.Round(lowest.Average, 1)); // clean precision-about
        }
        await Task.Yield();
        return Ok(ratings);
    }
}
