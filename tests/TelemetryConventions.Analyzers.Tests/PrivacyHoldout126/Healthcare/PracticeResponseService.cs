namespace PrivacyHoldout126.Healthcare;

/// <summary>A practice manager answering a review or a question on the practice's page.</summary>
public sealed record PracticeResponse(string ReviewId, string OdsCode, string ManagerStaffId, string ManagerEmail, string Text);

public sealed class ReplyNamesPatientException(string reviewId, string patientName)
    : Exception($"Reply to {reviewId} names the patient '{patientName}'; replies must not confirm anyone is a patient");

public sealed partial class PracticeResponseService(
    IReviewPlatform platform,
    TextAnalyticsClient pii,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PracticeResponseService> logger)
{
    private static readonly ActivitySource Source = new("Practice.Responses");

    public async Task RespondAsync(PracticeResponse response, CancellationToken cancellationToken)
    {
        var review = await platform.GetReviewAsync(response.ReviewId, cancellationToken);
        if (review is null)
        {
            logger.LogWarning("Review {ReviewId} not found for practice {OdsCode}", response.ReviewId, response.OdsCode); // clean precision-names
            return;
        }

        using var span = Source.StartPracticerevModerate(review.Id)
            .SetPracticerevModeratorId(pseudonymizer.PseudonymizePracticerevModeratorId(response.ManagerStaffId)) // clean precision-pseudonym
            .SetPracticerevAuthorId(pseudonymizer.PseudonymizePracticerevAuthorId(review.AuthorId)); // clean precision-pseudonym

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReviewId"] = review.Id, ["Manager"] = response.ManagerEmail }); // leak TC1001 logging-objects
        logger.LogInformation("Responding to {Stars}-star review from {Reviewer}", review.Rating, review.AuthorNickname); // leak TC1001 direct

        var entities = await pii.RecognizePiiEntitiesAsync(response.Text, "en", cancellationToken);
        var names = entities.Where(e => e.Category == PiiEntityCategory.Person).ToList();
        try
        {
            if (names.Count > 0)
            {
                throw new ReplyNamesPatientException(review.Id, names[0].Text);
            }

            await platform.AnswerAsync(review.Id, response.ManagerStaffId, "Practice team", response.Text, asBrand: true, cancellationToken);
            span.SetPracticerevVerdict("answered"); // clean generated-api
            span.Activity?.AddEvent(new ActivityEvent("practicerev.reply", tags: new ActivityTagsCollection { ["reply.length"] = response.Text.Length, ["reply.by"] = "practice" })); // clean precision-about
        }
        catch (ReplyNamesPatientException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Reply blocked: {Type}", ex.GetType().Name); // clean exceptions
            span.SetPracticerevNote($"reply blocked, {names.Count} person entities"); // clean generated-api
        }

        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(review.AuthorId))[0] % 8;
        span.Activity?.SetTag("practicerev.lane", lane); // clean hashes
        var legacyRef = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(review.AuthorId)))[..12];
        logger.LogDebug("Legacy feedback ref {Ref}", legacyRef); // leak TC1002 hashes
        LogResponse(logger, review.Id, response.ManagerEmail); // clean logging-objects
    }

    public async Task AnswerQuestionAsync(Question question, string managerStaffId, string text, CancellationToken cancellationToken)
    {
        using var span = Source.StartPracticerevModerate(question.Id);
        logger.LogInformation("Question {QuestionId} on {OdsCode}: {Question}", question.Id, question.SubjectId, question.QuestionText); // leak TC1001 direct
        span.SetPracticerevNote($"question asked {question.AskedAt:yyyy-MM-dd} by {question.AuthorNickname}"); // leak TC1001 generated-api
        span.Activity?.SetTag("practicerev.question.age_days", (DateTimeOffset.UtcNow - question.AskedAt).Days); // clean precision-about
        var answer = await platform.AnswerAsync(question.Id, managerStaffId, "Practice team", text, asBrand: true, cancellationToken);
        logger.LogInformation("Answer {AnswerId} posted as brand {IsBrand}", answer.Id, answer.IsBrandAnswer); // clean precision-names
        logger.LogDebug("Answer posted {@Answer}", answer); // leak TC1001 logging-objects
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Response to {ReviewId} by {ManagerEmail}")]
    private static partial void LogResponse(ILogger logger, string reviewId, [PrivateData] string managerEmail);
}
