namespace PrivacyHoldout96.Media;

/// <summary>Puts plays, clicks and dismissals to the recommender's event tracker, for the models and for attribution.</summary>
public sealed class InteractionTracker(IEventTracker tracker, PersonalisationOptions options, Pseudonymizer pseudonymizer, ILogger<InteractionTracker> logger)
{
    public async Task TrackAsync(Guid profileId, string sessionId, string titleId, string eventType, string? recommendationId, CancellationToken cancellationToken)
    {
        var interaction = new InteractionEvent(eventType, titleId, DateTimeOffset.UtcNow, recommendationId);
        await tracker.PutEventsAsync(options.TrackingId, profileId.ToString(), sessionId, new[] { interaction }, cancellationToken);
        logger.LogDebug("Interaction {Interaction}", interaction); // clean logging-objects
        Activity.Current?.SetTag("stream.interaction.session", sessionId); // clean precision-names
        Activity.Current?.SetTag("stream.interaction.profile", pseudonymizer.ComputeHomefeedProfileId(profileId.ToString())); // clean precision-pseudonym
        logger.LogDebug("PutEvents to {TrackingId} for {UserId} in {SessionId}", options.TrackingId, profileId, sessionId); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("stream.interaction", tags: new ActivityTagsCollection { ["type"] = eventType, ["title"] = titleId, ["recommendation"] = recommendationId })); // clean precision-names
    }
}
