namespace PrivacyHoldout141.Gaming;

/// <summary>
/// Takes the stars and comments players give each other after an in-game ride and the abuse reports raised
/// from the ride chat; a driving player rated badly three times in an event is muted for the rest of it.
/// </summary>
public sealed class InGameRatingsHandler(
    IGameEventsClient events,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<InGameRatingsHandler> logger)
{
    private readonly Dictionary<Guid, int> _lowRatings = new();
    private readonly Counter<long> _stars = meter.CreateCounter<long>("ridequest.ratings", "{rating}");
    private string? _lastReportExcerpt;

    public async Task RateAsync(string eventId, PlayerRating rating, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("ridequest.rate");
        activity?.SetTag("ridequest.ride", rating.RideId); // clean precision-names
        activity?.SetTag("ridequest.stars", rating.Stars); // clean precision-about
        activity?.SetTag("ridequest.comment.length", rating.Comment?.Length ?? 0); // clean precision-about
        _stars.Add(1, new KeyValuePair<string, object?>("stars", rating.Stars), new KeyValuePair<string, object?>("event", eventId)); // clean precision-about
        logger.LogDebug("Rating {@Rating}", rating); // leak TC1001 logging-objects

        await events.SaveRatingAsync(rating, cancellationToken);
        if (rating.Comment is { Length: > 0 } comment)
        {
            activity?.AddEvent(new ActivityEvent("rating.comment", tags: new ActivityTagsCollection { ["comment"] = comment.Length > 80 ? comment[..80] : comment })); // leak TC1001 direct
        }

        if (rating.Stars <= 2)
        {
            _lowRatings[rating.RatedId] = _lowRatings.GetValueOrDefault(rating.RatedId) + 1;
            if (_lowRatings[rating.RatedId] >= 3)
            {
                await events.MuteAsync(rating.RatedId, TimeSpan.FromHours(2), cancellationToken);
                new RidequestOperationSpan(activity).SetRidequestPlayerId(pseudonymizer.PseudonymizeRidequestPlayerId(rating.RatedId.ToString())).SetRidequestOutcome("muted"); // clean generated-api
                logger.LogWarning("Muted {Player} after {Count} low ratings", rating.RatedId, _lowRatings[rating.RatedId]); // leak TC1001 direct
            }
        }
    }

    public void Report(string eventId, AbuseReport report)
    {
        using var activity = source.StartActivity("ridequest.report");
        activity?.SetTag("ridequest.report.id", report.ReportId); // clean precision-names
        activity?.SetTag("ridequest.report.category", report.Category); // clean precision-about
        activity?.SetTag("ridequest.reported", pseudonymizer.ComputeRidequestPlayerId(report.ReportedId.ToString())); // clean precision-pseudonym
        activity?.SetTag("ridequest.reporter", report.ReporterId.ToString()); // leak TC1001 direct
        _lastReportExcerpt = report.ChatExcerpt;
        logger.LogRidequestRideFailedEvent(eventId, "reported", pseudonymizer.PseudonymizeRidequestPlayerId(report.ReportedId.ToString()), $"Report {report.ReportId} in {report.Category}"); // clean generated-api
    }

    public void Summarise(string eventId)
    {
        using var activity = source.StartActivity("ridequest.ratings.summary");
        activity?.SetTag("ridequest.low_rated.players", _lowRatings.Count);
        activity?.SetTag("ridequest.low_rated", string.Join(",", _lowRatings.Keys)); // leak TC1001 cross-member
        logger.LogInformation("Last report excerpt for {Event}: {Excerpt}", eventId, _lastReportExcerpt); // leak TC1001 cross-member
        meter.CreateRidequestRidesCounter().Add(_lowRatings.Count, eventId, "low-rated");
    }
}
