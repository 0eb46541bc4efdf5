namespace PrivacyHoldout126.Education;

/// <summary>A course forum's Q&A: students ask, teaching assistants and students answer, the best answers earn badges.</summary>
public sealed class AnswerAcceptedException(string questionId, string studentNumber)
    : Exception($"Question {questionId} already has an accepted answer by {studentNumber}");

public sealed partial class CourseQuestionsService(
    IReviewPlatform platform,
    ContentSafetyClient safety,
    Pseudonymizer pseudonymizer,
    ILogger<CourseQuestionsService> logger)
{
    private static readonly ActivitySource Source = new("Uni.CourseQuestions");
    private static readonly Meter Meter = new("Uni.CourseQuestions");
    private static readonly Counter<long> BadgesAwarded = Meter.CreateCounter<long>("course.badges.awarded");

    public async Task<Question> AskAsync(string moduleCode, string studentNumber, string displayName, string text, CancellationToken cancellationToken)
    {
        using var span = Source.StartCoursefbSubmit("new-question").SetCoursefbModule(moduleCode); // clean precision-names
        var analysis = await safety.AnalyzeTextAsync(new AnalyzeTextOptions(text), cancellationToken);
        span.Activity?.SetTag("coursefb.safety.max", analysis.CategoriesAnalysis.Max(c => c.Severity ?? 0)); // clean precision-about
        logger.LogInformation("{Student} asked on {Module}: {Text}", displayName, moduleCode, text); // leak TC1001 direct
        var question = await platform.AskAsync(moduleCode, studentNumber, displayName, text, cancellationToken);
        span.SetCoursefbReviewId(question.Id); // clean precision-names
        Activity.Current?.SetBaggage("coursefb.asker", pseudonymizer.ComputeCoursefbAuthorId(studentNumber)); // clean precision-pseudonym
        LogAsked(logger, question.Id, studentNumber); // leak TC1001 direct
        return question;
    }

    public async Task AcceptAsync(Question question, Answer answer, CancellationToken cancellationToken)
    {
        using var span = Source.StartCoursefbModerate(answer.Id).SetCoursefbVerdict("accepted"); // clean generated-api
        try
        {
            if (answer.IsBrandAnswer)
            {
                span.Activity?.SetTag("coursefb.answered_by", "teaching-team"); // clean precision-names
            }
            else
            {
                await platform.AwardBadgeAsync(answer.AuthorId, new Badge("helpful-answer", "Helpful answer", 1), cancellationToken);
                BadgesAwarded.Add(1, new KeyValuePair<string, object?>("badge", "helpful-answer")); // clean precision-names
                BadgesAwarded.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeCoursefbAuthorId(answer.AuthorId))); // leak TC1003 precision-pseudonym
                span.Activity?.AddEvent(new ActivityEvent("badge.awarded", tags: new ActivityTagsCollection { ["badge"] = "helpful-answer", ["to"] = answer.AuthorNickname })); // leak TC1001 direct
            }
        }
        catch (AnswerAcceptedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Accept refused for {QuestionId}: {Reason}", question.Id, nameof(AnswerAcceptedException)); // clean exceptions
        }
        catch (ReviewApiException ex) when (ex.Status == 409)
        {
            logger.LogWarning(ex, "Platform conflict {Code} on field {Field}", ex.Code, ex.Field); // clean exceptions
        }

        var thread = new { question.Id, question.SubjectId, Asker = question.AuthorNickname, AnsweredBy = answer.AuthorNickname };
        logger.LogInformation("Thread resolved {Thread}", thread); // leak TC1001 logging-objects
        logger.LogInformation("Thread {QuestionId} resolved after {Hours:0} h", question.Id, (DateTimeOffset.UtcNow - question.AskedAt).TotalHours); // clean precision-about
    }

    public void ReportBoard(IReadOnlyList<ReviewerProfile> topAnswerers)
    {
        logger.LogInformation("Top answerers this term: {Names}", string.Join(", ", topAnswerers.Select(p => $"{p.Nickname} ({p.HelpfulVotes})"))); // leak TC1001 strings
        logger.LogInformation("Top answerers' helpful votes: {Votes}", topAnswerers.Select(p => p.HelpfulVotes).ToArray()); // clean precision-about
        logger.LogInformation("Badge tiers held: {Tiers}", topAnswerers.SelectMany(p => p.Badges).GroupBy(b => b.Code).ToDictionary(g => g.Key, g => g.Count())); // clean precision-names
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Question {QuestionId} asked by {StudentNumber}")]
    private static partial void LogAsked(ILogger logger, string questionId, string studentNumber);
}
