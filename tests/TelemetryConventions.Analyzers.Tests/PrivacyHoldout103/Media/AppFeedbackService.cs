namespace PrivacyHoldout103.Media;

/// <summary>
/// Takes feedback typed into the streaming app's feedback sheet and pulls the stores' reviews for the
/// support team's inbox. The app fills <c>AccountId</c> with the subscriber's id and <c>Screen</c> with
/// the screen's name (<c>player</c>, <c>downloads</c>, <c>profile-picker</c>).
/// </summary>
public sealed partial class AppFeedbackService(IStoreReviewsClient reviews, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<AppFeedbackService> logger)
{
    private readonly Counter<long> _feedback = meter.CreateCounter<long>("watchapp.feedback", "{submission}");

    public void Submit(FeedbackSubmission feedback)
    {
        using var span = source.StartWatchappAppIngest("feedback");
        span.SetWatchappPlatform(feedback.Platform).SetWatchappAppVersion(feedback.AppVersion); // clean direct
        span.SetWatchappInstallationId(pseudonymizer.PseudonymizeWatchappInstallationId(feedback.InstallationId)); // clean precision-pseudonym
        if (feedback.AccountId is { } subscriberId)
        {
            span.SetWatchappUserId(pseudonymizer.PseudonymizeWatchappUserId(subscriberId)); // clean precision-pseudonym
            Activity.Current?.SetTag("enduser.id", subscriberId); // leak TC1001 direct
        }
        Activity.Current?.SetTag("feedback.id", feedback.FeedbackId); // clean precision-names
        Activity.Current?.SetTag("feedback.rating", feedback.Rating); // clean precision-about
        Activity.Current?.SetTag("feedback.screen", feedback.Screen); // clean precision-names
        Activity.Current?.SetTag("feedback.text_length", feedback.Text.Length); // clean precision-about
        Activity.Current?.SetTag("feedback.has_contact", feedback.ContactEmail is not null); // clean precision-about
        logger.LogInformation("Feedback {Category} ({Rating}/5): {Text}", feedback.Category, feedback.Rating, feedback.Text); // leak TC1001 direct
        LogContact(logger, feedback.FeedbackId, feedback.ContactEmail); // clean logging-objects
        logger.LogDebug("Feedback submission {Feedback}", feedback); // leak TC1001 logging-objects
        var contactDomain = feedback.ContactEmail?.Split('@').Last();
        logger.LogInformation("Feedback contact domain {Domain}", contactDomain); // clean precision-about
        span.SetWatchappNote(feedback.Text.Length > 80 ? feedback.Text[..80] : feedback.Text); // leak TC1001 generated-api
        _feedback.Add(1, new KeyValuePair<string, object?>("category", feedback.Category), new KeyValuePair<string, object?>("rating", feedback.Rating)); // clean precision-about
        _feedback.Add(0, new KeyValuePair<string, object?>("contact", feedback.ContactEmail)); // leak TC1003 direct
    }

    public async Task PullReviewsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var list = await reviews.ListSinceAsync(since, cancellationToken);
        logger.LogInformation("{Count} store reviews since {Since}", list.Count, since); // clean precision-about
        foreach (var review in list.Where(r => r.StarRating <= 2))
        {
            logger.LogInformation("Low review {ReviewId} {Stars} on {Version} in {Territory}", review.ReviewId, review.StarRating, review.AppVersion, review.Territory); // clean precision-names
            logger.LogInformation("Review by {Author}", review.AuthorName); // leak TC1001 direct
            logger.LogDebug("Review {Review}", review); // leak TC1001 logging-objects
            Activity.Current?.AddEvent(new ActivityEvent("review.low", tags: new ActivityTagsCollection { ["review.id"] = review.ReviewId, ["review.stars"] = review.StarRating })); // clean precision-names
            Activity.Current?.AddEvent(new ActivityEvent($"review.low: {review.Text}")); // leak TC1001 strings
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback {FeedbackId} left a contact {ContactEmail}")]
    private static partial void LogContact(ILogger logger, Guid feedbackId, [PrivateData] string? contactEmail);
}
