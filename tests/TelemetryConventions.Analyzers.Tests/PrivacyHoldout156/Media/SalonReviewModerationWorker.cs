namespace PrivacyHoldout156.Media;

/// <summary>Moderates reviews of salons and barbers on the listings site before they are published.</summary>
public sealed partial class SalonReviewModerationWorker(
    IQueueReceiver<SalonReview> reviews,
    ICastingDesk desk,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SalonReviewModerationWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Listings.Reviews");

    private readonly Counter<long> _published = meter.CreateCounter<long>("reviews.published");
    private string? _lastRejectedText;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var review = await reviews.ReceiveAsync(stoppingToken);
            if (review is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("review.moderate");
            activity?.SetTag("review.id", review.ReviewId); // clean direct
            activity?.SetTag("review.salon", review.SalonId); // clean direct
            activity?.SetTag("review.stars", review.Stars); // clean direct
            activity?.SetTag("review.reviewer", review.ReviewerHandle); // leak TC1001 direct
            activity?.SetTag("review.text", review.Text); // leak TC1001 direct
            activity?.SetTag("review.reviewer.key", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(review.ReviewerHandle)))); // leak TC1002 hashes
            activity?.SetTag("review.reviewer.sample", IsSampled(review.ReviewerHandle)); // clean hashes
            LogReviewReceived(logger, review.ReviewId, review.ReviewerHandle); // clean logging-objects
            _published.Add(1, new KeyValuePair<string, object?>("reviewer", pseudonymizer.PseudonymizeMakeoverReviewerId(review.ReviewerHandle).Value)); // leak TC1003 precision-pseudonym

            if (review.Text.Contains("http", StringComparison.OrdinalIgnoreCase))
            {
                _lastRejectedText = review.Text;
                var rejected = new ReviewRejectedException(review.ReviewId, "link");
                logger.LogWarning(rejected, "Review rejected"); // clean exceptions
                logger.LogMakeoverOperationFailedEvent(review.SalonId, "rejected", makeoverNote: $"Review text: {review.Text}"); // leak TC1001 generated-api
                continue;
            }

            await desk.PublishReviewAsync(review, stoppingToken);
            _published.Add(1, new KeyValuePair<string, object?>("stars", review.Stars)); // clean direct
            Source.StartMakeoverOperation(review.SalonId).SetMakeoverReviewerId(pseudonymizer.PseudonymizeMakeoverReviewerId(review.ReviewerHandle)).Dispose(); // clean generated-api
        }
    }

    public void ReportRejected()
    {
        logger.LogInformation("Last rejected review: {Text}", _lastRejectedText); // leak TC1001 cross-member
        logger.LogInformation("Last rejected review had {Length} characters", _lastRejectedText?.Length ?? 0); // clean cross-member
    }

    private bool IsSampled(string handle) =>
        HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(handle))[0] < 13;

    [LoggerMessage(EventId = 8201, Level = LogLevel.Debug, Message = "Review {ReviewId} by {ReviewerHandle} received")]
    private static partial void LogReviewReceived(ILogger logger, string reviewId, [PrivateData] string reviewerHandle);
}
