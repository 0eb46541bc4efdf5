namespace PrivacyHoldout126.Retail;

/// <summary>Product Q&A: customers ask, other customers and the brand answer, the asker is emailed.</summary>
public sealed record AnswerNotification(string QuestionId, string Sku, string AskerEmail, string AskerFirstName, string AnswerPreview);

public sealed partial class ProductQuestionService(
    IReviewPlatform platform,
    ContentSafetyClient safety,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ProductQuestionService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Questions");

    public async Task<Question> AskAsync(string sku, string customerNumber, string nickname, string text, CancellationToken cancellationToken)
    {
        using var span = Source.StartProdrevSubmit("new-question").SetProdrevProduct(sku); // clean precision-names
        span.Activity?.SetTag("prodrev.question.length", text.Length); // clean precision-about
        span.Activity?.SetTag("prodrev.question.ends_with_question_mark", text.TrimEnd().EndsWith('?')); // clean precision-about
        span.SetProdrevNote(text); // leak TC1001 generated-api
        var question = await platform.AskAsync(sku, customerNumber, nickname, text, cancellationToken);
        span.SetProdrevReviewId(question.Id).SetProdrevAuthorId(pseudonymizer.PseudonymizeProdrevAuthorId(customerNumber)); // clean precision-pseudonym
        logger.LogInformation("Question {QuestionId} on {Sku}", question.Id, question.SubjectId); // clean precision-names
        logger.LogDebug("Question {@Question}", question); // leak TC1001 logging-objects
        return question;
    }

    public async Task AnswerAsync(Question question, string answererNumber, string answererNickname, string text, bool brand, CancellationToken cancellationToken)
    {
        using var span = Source.StartProdrevModerate(question.Id);
        var analysis = await safety.AnalyzeTextAsync(new AnalyzeTextOptions(text), cancellationToken);
        logger.LogInformation("Answer safety {@Categories}", analysis.CategoriesAnalysis); // clean logging-objects
        var answer = await platform.AnswerAsync(question.Id, answererNumber, answererNickname, text, brand, cancellationToken);
        span.SetProdrevVerdict(brand ? "brand-answer" : "community-answer"); // clean generated-api
        span.Activity?.SetTag("prodrev.answerer", brand ? "brand" : answererNickname); // leak TC1001 direct
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(answererNumber))[0] % 4;
        span.Activity?.SetTag("prodrev.lane", lane); // clean hashes
        var answererKey = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(answererNumber)));
        logger.LogDebug("Answer {AnswerId} answerer key {Key}", answer.Id, answererKey); // leak TC1002 hashes
    }

    public void OnAnswerEmailed(AnswerNotification notification, bool delivered)
    {
        using var activity = Source.StartActivity("prodrev.answer.notify");
        activity?.SetTag("prodrev.question", notification.QuestionId); // clean precision-names
        activity?.SetTag("prodrev.notify.delivered", delivered); // clean precision-about
        activity?.SetTag("prodrev.notify.to", notification.AskerEmail); // leak TC1001 direct
        logger.LogInformation("Answer notification {Notification}", notification); // leak TC1001 logging-objects
        logger.LogInformation("Emailed asker on {Sku}, preview {Length} chars", notification.Sku, notification.AnswerPreview.Length); // clean precision-about
        LogNotified(logger, notification.QuestionId, notification.AskerFirstName); // leak TC1001 direct
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notified asker of {QuestionId}, {FirstName}")]
    private static partial void LogNotified(ILogger logger, string questionId, string firstName);
}
