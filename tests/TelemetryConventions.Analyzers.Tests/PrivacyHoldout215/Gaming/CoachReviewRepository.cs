namespace PrivacyHoldout215.Gaming;

/// <summary>Reviews players leave for coaches, and the weekly replay export.</summary>
public sealed class CoachReviewRepository(IMarketplaceStore store, ILogger<CoachReviewRepository> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Gaming.Reviews");

    private readonly Histogram<int> _stars = meter.CreateHistogram<int>("coaching.review.stars");

    public async Task SaveAsync(TutorReview review, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("review.save");
        activity?.SetTag("review.id", review.ReviewId); // clean precision-names
        activity?.SetTag("review.stars", review.Stars); // clean precision-about
        activity?.SetTag("review.comment_length", review.Comment.Length); // clean precision-about
        activity?.SetTag("review.comment", review.Comment); // leak TC1001 direct
        activity?.SetTag("review.coach", review.TutorId); // leak TC1001 direct
        _stars.Record(review.Stars, new KeyValuePair<string, object?>("stars_band", review.Stars >= 4 ? "high" : "low")); // clean precision-about
        _stars.Record(review.Stars, new KeyValuePair<string, object?>("reviewer", review.ReviewerName)); // leak TC1003 direct

        try
        {
            await store.SaveReviewAsync(review, cancellationToken);
            logger.LogInformation("Review {ReviewId} saved with {Stars} stars", review.ReviewId, review.Stars); // clean precision-names
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Review {ReviewId} not saved", review.ReviewId); // clean exceptions
            logger.LogError("Review by {Reviewer} not saved: {Comment}", review.ReviewerName, review.Comment); // leak TC1001 direct
        }
    }

    public void ExportReplays(IReadOnlyList<CoachingReplay> replays, IReadOnlyList<TutorReview> reviews)
    {
        using var activity = Source.StartActivity("replay.export");
        activity?.SetTag("replay.count", replays.Count); // clean precision-about
        logger.LogInformation("Replays {@Replays}", replays); // clean logging-objects
        var titles = string.Join(";", replays.Select(r => r.Title).Distinct());
        activity?.SetTag("replay.titles", titles); // clean strings
        var reviewers = string.Join(";", reviews.Select(r => r.ReviewerName));
        activity?.SetTag("review.reviewers", reviewers); // leak TC1001 strings
        logger.LogInformation("Reviews exported {Reviews}", reviews); // leak TC1001 logging-objects
        var top = reviews.OrderByDescending(r => r.Stars).Select(r => new { r.ReviewId, r.Stars }).Take(5).ToList();
        logger.LogInformation("Top reviews {@Top}", top); // clean logging-objects
    }
}
