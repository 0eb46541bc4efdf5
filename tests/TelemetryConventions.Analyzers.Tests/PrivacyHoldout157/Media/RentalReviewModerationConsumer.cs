namespace PrivacyHoldout157.Media;

/// <summary>The travel show's site moderates guests' reviews of short-stay rentals it features (topic <c>reviews.submitted</c>, keyed by review id).</summary>
public sealed class RentalReviewModerationConsumer(
    IConsumer<string, GuestReview> consumer,
    IHostDirectory hosts,
    Pseudonymizer pseudonymizer,
    ILogger<RentalReviewModerationConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Show.Reviews");
    private readonly Histogram<int> _stars = meter.CreateHistogram<int>("reviews.stars");
    private GuestReview? _lastRejected;
    private readonly Dictionary<Guid, int> _rejectionsByAuthor = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var review = result.Message.Value;
            using var span = Source.StartLocationstayOperation("featured-lets");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean direct
            Activity.Current?.SetTag("review.listing_id", review.ListingId); // clean precision-names
            Activity.Current?.SetTag("review.stars", review.Stars); // clean direct
            Activity.Current?.SetTag("review.text.length", review.Text.Length); // clean precision-about
            Activity.Current?.SetTag("review.author", pseudonymizer.Compute("review_author", review.AuthorId.ToString())); // clean precision-pseudonym
            _stars.Record(review.Stars, new KeyValuePair<string, object?>("listing", review.ListingId)); // clean direct

            try
            {
                if (review.Text.Contains("http", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ReviewRejectedException(review.ReviewId, "links");
                }

                logger.LogInformation("Review {ReviewId} by {Author}: {Text}", review.ReviewId, review.AuthorName, review.Text); // leak TC1001 direct
                var listing = await hosts.ListingAsync(review.ListingId, stoppingToken);
                logger.LogInformation("Published on {Title} in {City}", listing.Title, listing.City); // clean precision-about
                span.SetLocationstayNote($"Review for {listing.Title}: \"{review.Text}\""); // leak TC1001 generated-api
            }
            catch (ReviewRejectedException ex)
            {
                _lastRejected = review;
                _rejectionsByAuthor[review.AuthorId] = _rejectionsByAuthor.GetValueOrDefault(review.AuthorId) + 1;
                logger.LogWarning(ex, "Review rejected"); // clean exceptions
                span.SetLocationstayOutcome(ex.Message); // clean generated-api
                logger.LogDebug("Rejected {@Review}", review); // leak TC1001 logging-objects
            }
        }
    }

    public void ReportModeration()
    {
        logger.LogInformation("Last rejected review text: {Text}", _lastRejected?.Text); // leak TC1001 cross-member
        logger.LogInformation("Last rejected review: {ReviewId}, {Stars} stars", _lastRejected?.ReviewId, _lastRejected?.Stars); // clean cross-member
        logger.LogInformation("Authors with rejections: {Authors}", _rejectionsByAuthor.Keys); // leak TC1001 cross-member
        logger.LogInformation("Rejections: {Total}", _rejectionsByAuthor.Values.Sum()); // clean cross-member
    }
}
