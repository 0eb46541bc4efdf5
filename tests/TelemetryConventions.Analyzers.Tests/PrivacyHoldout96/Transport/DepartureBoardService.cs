namespace PrivacyHoldout96.Transport;

/// <summary>A rider's account.</summary>
public sealed record Rider(Guid RiderId, string Email, string FirstName, string CardNumber);

/// <summary>The app's departure board, ordered for the rider: their usual departures first under the commute-first experiment.</summary>
public sealed class DepartureBoardService(
    IRanker ranker,
    IFeatureStore features,
    IExperimentClient experiments,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<DepartureBoardService> logger)
{
    private static readonly ActivitySource Source = new("Transit.Board");
    private readonly TripfindBoardDurationHistogram _duration = meter.CreateTripfindBoardDurationHistogram();
    private string? _lastMissingCard;

    public async Task<IReadOnlyList<RankedItem>> BuildAsync(Rider rider, IReadOnlyList<Candidate> departures, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTripfindBoard();
        span.SetTripfindRiderId(pseudonymizer.PseudonymizeTripfindRiderId(rider.RiderId.ToString())); // clean precision-pseudonym
        var variation = experiments.Decide("board-commute-first", new ExperimentUser(rider.RiderId.ToString()));
        span.SetTripfindExperiment(variation.ExperimentKey); // clean precision-names
        span.SetTripfindVariant(variation.VariationKey);

        PersonFeatures travel;
        try
        {
            travel = await features.GetAsync("rider_travel_pattern_v3", rider.CardNumber, cancellationToken);
        }
        catch (FeatureRowMissingException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            _lastMissingCard = rider.CardNumber;
            travel = new PersonFeatures("rider_travel_pattern_v3", rider.CardNumber, new Dictionary<string, double>(), TimeSpan.Zero);
        }
        span.Activity?.SetTag("tripfind.card.last4", rider.CardNumber[^4..]); // clean precision-about
        span.Activity?.SetTag("tripfind.card", rider.CardNumber); // leak TC1001 direct
        span.Activity?.SetTag("tripfind.pattern.trips_28d", travel.Values.GetValueOrDefault("trips_28d")); // clean precision-about

        var context = new Dictionary<string, string> { ["variant"] = variation.VariationKey, ["hour"] = DateTime.UtcNow.Hour.ToString(CultureInfo.InvariantCulture) };
        var ranked = await ranker.RerankAsync(new RerankRequest(ranker.ModelName, context, departures), cancellationToken);
        span.SetTripfindStopId(ranked[0].ItemId.Split(':')[0]); // clean precision-names
        span.SetTripfindRoute(ranked[0].ItemId.Split(':')[1]); // clean precision-names
        span.SetTripfindResultCount(ranked.Count);
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, variation.VariationKey); // clean generated-api
        logger.LogDebug("Board for {Rider}: {Ranked}", rider, ranked); // leak TC1001 logging-objects
        logger.LogDebug("Board ranked {Ranked}", ranked); // clean logging-objects
        span.Activity?.SetTag(TripfindAttributes.RiderContact, rider.Email); // leak TC1001 generated-api
        span.Activity?.SetTag("tripfind.board.title", $"{rider.FirstName}'s departures"); // leak TC1001 strings
        span.Activity?.SetTag("tripfind.board.heading", $"Departures in the next {departures.Count} minutes"); // clean strings
        Activity.Current?.SetBaggage("rider.id", pseudonymizer.ComputeTripfindRiderId(rider.RiderId.ToString())); // clean precision-pseudonym
        return ranked;
    }

    public void ReportFeatureGaps() =>
        logger.LogWarning("Travel pattern rows are missing; last card without one {Card}", _lastMissingCard); // leak TC1001 cross-member
}
