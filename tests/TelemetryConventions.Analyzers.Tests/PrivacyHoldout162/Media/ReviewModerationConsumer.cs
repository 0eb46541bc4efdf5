namespace PrivacyHoldout162.Media;

public sealed class ReviewModerationConsumer(
    IQueueReceiver<Review> receiver,
    IReviewStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ReviewModerationConsumer> logger)
{
    private static readonly ActivitySource Source = new("Reviews.Moderation");
    private static readonly Meter ReviewMeter = new("Reviews.Moderation");
    private static readonly Counter<long> Verdicts = ReviewMeter.CreateCounter<long>("reviews.verdicts");

    private readonly HashSet<string> _blockedHandles = new();
    private Review? _lastRejected;

    public async Task HandleAsync(Review review, CancellationToken cancellationToken)
    {
        using var span = Source.StartDinereviewsOperation(review.RestaurantId);
        span.SetDinereviewsDinerId(pseudonymizer.PseudonymizeDinereviewsDinerId(review.AuthorId.ToString())); // clean precision-pseudonym
        span.SetDinereviewsNote($"{review.Stars} stars, {review.Text.Length} characters"); // clean generated-api
        span.SetDinereviewsNote(review.Text); // leak TC1001 generated-api
        Activity.Current?.SetTag("review.id", review.ReviewId); // clean precision-names
        Activity.Current?.SetTag("review.author", review.AuthorHandle); // leak TC1001 direct
        Activity.Current?.SetTag("review.author.id", review.AuthorId); // leak TC1001 direct
        Activity.Current?.SetTag("review.author.bucket", Bucket(review.AuthorId)); // clean hashes
        Activity.Current?.SetTag("review.author.hash", review.AuthorId.GetHashCode()); // leak TC1002 hashes
        Activity.Current?.SetTag("review.stars", review.Stars); // clean precision-about

        var verdict = Moderate(review);
        logger.LogInformation("Verdict {@Verdict}", verdict); // clean logging-objects
        Verdicts.Add(1, new KeyValuePair<string, object?>("review.published", verdict.Published), new KeyValuePair<string, object?>("review.reason", verdict.ReasonCode)); // clean precision-about
        Verdicts.Add(1, new KeyValuePair<string, object?>("review.author", pseudonymizer.Compute("review.author", review.AuthorHandle))); // leak TC1003 precision-pseudonym
        if (!verdict.Published)
        {
            _lastRejected = review;
            var ex = new ReviewRejectedException(review.ReviewId, verdict.ReasonCode);
            logger.LogWarning(ex, "Review not published"); // clean exceptions
            logger.LogDinereviewsOperationFailedEvent(review.RestaurantId, verdict.ReasonCode, dinereviewsNote: ex.Message); // clean generated-api
        }

        if (_blockedHandles.Contains(review.AuthorHandle))
        {
            var blocked = new ReviewerBlockedException(review.AuthorHandle);
            span.RecordException(blocked, includeMessage: true); // leak TC1001 exceptions
            logger.LogError("Blocked reviewer: {Reason}", blocked.Message); // leak TC1001 exceptions
            return;
        }

        await store.SaveAsync(review, cancellationToken);
        logger.LogInformation("Saved review {Review}", review); // leak TC1001 logging-objects
    }

    public void Block(string handle) => _blockedHandles.Add(handle);

    public void Summarise()
    {
        logger.LogInformation("Blocked reviewers: {Count}", _blockedHandles.Count); // clean cross-member
        logger.LogInformation("Blocked reviewers: {Handles}", _blockedHandles); // leak TC1001 cross-member
        logger.LogInformation("Last rejected review {ReviewId}", _lastRejected?.ReviewId); // clean cross-member
        logger.LogInformation("Last rejected by {Author}", _lastRejected?.AuthorHandle); // leak TC1001 cross-member
    }

    private static ModerationVerdict Moderate(Review review) =>
        new(review.ReviewId, review.Text.Length > 20, review.Text.Length > 20 ? "ok" : "too-short");

    private int Bucket(Guid authorId) => HMACSHA256.HashData(secrets.ShardKey, authorId.ToByteArray())[0] % 32;
}
