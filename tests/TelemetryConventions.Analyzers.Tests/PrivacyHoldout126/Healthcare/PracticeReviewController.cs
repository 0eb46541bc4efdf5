namespace PrivacyHoldout126.Healthcare;

/// <summary>The patient app's "rate your practice" form: a star rating, a title and a review of the GP practice.</summary>
public sealed record PracticeReviewForm(string OdsCode, int Stars, string Title, string Body, string? Nickname, bool Anonymous);

[ApiController]
[Route("api/practices/{odsCode}/reviews")]
public sealed partial class PracticeReviewController(
    IReviewPlatform platform,
    TextAnalyticsClient pii,
    ContentSafetyClient safety,
    Pseudonymizer pseudonymizer,
    ILogger<PracticeReviewController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Practice.Reviews");
    private static readonly Meter Meter = new("Practice.Reviews");
    private static readonly Counter<long> Submitted = Meter.CreateCounter<long>("practice.reviews.submitted");

    [HttpPost("")]
    public async Task<ActionResult> Submit([FromBody] PracticeReviewForm form)
    {
        var nhsNumber = HttpContext.User.SubjectId!;
        var email = HttpContext.User.Email;
        var nickname = form.Anonymous ? "NHS app user" : form.Nickname ?? "Patient";

        using var span = Source.StartPracticerevSubmit("pending")
            .SetPracticerevPractice(form.OdsCode) // clean precision-names
            .SetPracticerevRating(form.Stars) // clean precision-about
            .SetPracticerevAuthorId(pseudonymizer.PseudonymizePracticerevAuthorId(nhsNumber)); // clean precision-pseudonym

        logger.LogInformation("Review of {OdsCode} from patient {NhsNumber}", form.OdsCode, nhsNumber); // leak TC1001 direct
        logger.LogDebug("Review title {Title}, {Length} characters", form.Title, form.Body.Length); // leak TC1001 direct
        span.Activity?.SetTag("practicerev.body.length", form.Body.Length); // clean precision-about
        span.Activity?.SetTag("practicerev.anonymous", form.Anonymous); // clean precision-about
        span.Activity?.SetTag("practicerev.route", $"/practices/{form.OdsCode}/reviews"); // clean strings
        span.Activity?.SetTag("practicerev.summary", $"{form.OdsCode}:{form.Stars}:{nickname}"); // leak TC1001 strings

        var entities = await pii.RecognizePiiEntitiesAsync(form.Body, "en");
        if (entities.Count > 0)
        {
            span.Activity?.SetTag("practicerev.pii.categories", string.Join(",", entities.Select(e => e.Category.Name).Distinct())); // clean precision-about
            logger.LogInformation("Masked review body {Masked}", entities.RedactedText); // leak TC1001 strings
            logger.LogDebug("PII found in review: {Entities}", entities.Select(e => e.Text).ToList()); // leak TC1001 logging-objects
            span.SetPracticerevNote($"pii entities: {entities.Count}, max confidence {entities.Max(e => e.ConfidenceScore):0.00}"); // clean generated-api
        }

        var analysis = await safety.AnalyzeTextAsync(new AnalyzeTextOptions(form.Body) { BlocklistNames = { "clinical-slurs" } });
        var worst = analysis.CategoriesAnalysis.MaxBy(c => c.Severity ?? 0);
        span.Activity?.SetTag("practicerev.safety.worst", worst?.Category.ToString()); // clean precision-about
        logger.LogInformation("Blocklist hits {@Hits}", analysis.BlocklistsMatch); // clean logging-objects

        Review review;
        try
        {
            review = await platform.SubmitReviewAsync(new ReviewSubmission(form.OdsCode, nhsNumber, nickname, email, form.Stars, form.Title, form.Body));
        }
        catch (ReviewApiException ex)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Review platform refused review for {OdsCode}: {Code}", form.OdsCode, ex.Code); // clean exceptions
            return BadRequest(ex.Code);
        }

        span.SetPracticerevReviewId(review.Id) // clean precision-names
            .SetPracticerevOutcome(review.Status.ToString().ToLowerInvariant()); // clean generated-api
        span.Activity?.SetTag(PracticerevAttributes.AuthorContact, email); // leak TC1001 generated-api
        Activity.Current?.AddBaggage("practice.reviewer", nickname); // leak TC1001 direct
        Submitted.Add(1, new KeyValuePair<string, object?>("practice", form.OdsCode), new("stars", form.Stars)); // clean precision-names
        Submitted.Add(1, new KeyValuePair<string, object?>("reviewer", pseudonymizer.ComputePracticerevAuthorId(nhsNumber))); // leak TC1003 precision-pseudonym
        LogReviewStored(logger, review.Id, nickname); // leak TC1001 direct
        return Ok(new { review.Id, review.Status });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored review {ReviewId} by {Nickname}")]
    private static partial void LogReviewStored(ILogger logger, string reviewId, string nickname);
}
