namespace PrivacyHoldout96.Gaming;

/// <summary>A player as the store sees them.</summary>
public sealed record PlayerProfile(Guid PlayerId, string Gamertag, string Platform, string Country, int SpendBand, int DaysSinceInstall);

/// <summary>An offer that can fill a store slot.</summary>
public sealed record Offer(string OfferId, string Sku, decimal Price, string Slot);

/// <summary>Orders the store's offers for a player with the personalised ranking campaign, under the store ranker experiment.</summary>
public sealed partial class StoreOfferPersonalisation(
    IPersonalizeRuntime personalize,
    IExperimentClient experiments,
    IExposureSink exposures,
    PersonalisationOptions options,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<StoreOfferPersonalisation> logger)
{
    private static readonly ActivitySource Source = new("Arena.StoreOffers");
    private readonly ArenarecOffersShownCounter _shown = meter.CreateArenarecOffersShownCounter();
    private readonly Histogram<int> _spendBand = meter.CreateHistogram<int>("arena.offers.spend_band");

    public async Task<IReadOnlyList<string>> RankAsync(PlayerProfile player, string slot, IReadOnlyList<Offer> offers, CancellationToken cancellationToken)
    {
        using var span = Source.StartArenarecOffers(slot);
        var playerPseudonym = pseudonymizer.PseudonymizeArenarecPlayerId(player.PlayerId.ToString());
        span.SetArenarecPlayerId(playerPseudonym); // clean precision-pseudonym

        var user = new ExperimentUser(player.PlayerId.ToString());
        user.Attributes["country"] = player.Country;
        user.Attributes["spend_band"] = player.SpendBand;
        var variation = experiments.Decide("store-ranker-v5", user);
        exposures.Record(new ExposureRecord(variation.ExperimentKey, variation.VariationKey, player.PlayerId.ToString(), "player", DateTimeOffset.UtcNow));
        span.SetArenarecExperiment(variation.ExperimentKey).SetArenarecVariant(variation.VariationKey); // clean precision-names
        logger.LogArenarecExposureEvent(variation.ExperimentKey, variation.VariationKey, playerPseudonym, slot); // clean generated-api
        logger.LogInformation("Experiment user {@User}", user); // leak TC1001 logging-objects
        logger.LogDebug("Targeting attributes {Attributes}", user.Attributes); // clean logging-objects

        var request = new GetPersonalizedRankingRequest
        {
            CampaignArn = options.CampaignArn,
            UserId = player.PlayerId.ToString(),
            InputList = offers.Select(o => o.OfferId).ToList(),
        };
        request.Context["PLATFORM"] = player.Platform;
        try
        {
            var ranking = await personalize.GetPersonalizedRankingAsync(request, cancellationToken);
            var ordered = ranking.PersonalizedRanking.Select(p => p.ItemId).ToList();
            span.SetArenarecResultCount(ordered.Count);
            span.SetArenarecOfferId(ordered[0]); // clean precision-names
            span.SetArenarecModel("personalized-ranking-v2");
            _shown.Add(ordered.Count, slot, variation.VariationKey, player.Platform); // clean generated-api
            _spendBand.Record(player.SpendBand, new KeyValuePair<string, object?>("country", player.Country)); // clean precision-about
            logger.LogDebug("Ranking {RecommendationId} for {Gamertag}: {Offers}", ranking.RecommendationId, player.Gamertag, ordered); // leak TC1001 direct
            logger.LogDebug("Ranked items {Items}", ranking.PersonalizedRanking); // clean logging-objects
            LogRanked(logger, playerPseudonym, slot, ordered.Count); // clean precision-pseudonym
            return ordered;
        }
        catch (InvalidInputException ex)
        {
            logger.LogError("Ranking refused: {Error}", ex.Message); // leak TC1001 exceptions
            span.SetArenarecOutcome("invalid_input"); // clean generated-api
            return offers.Select(o => o.OfferId).ToList();
        }
        catch (ThrottlingException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.Activity?.AddException(ex); // clean exceptions
            return offers.Select(o => o.OfferId).ToList();
        }
    }

    public void OnPurchase(PlayerProfile player, string offerId, string recommendationId)
    {
        Activity.Current?.SetTag("arena.purchase.attribution", $"{recommendationId}/{offerId}"); // clean strings
        Activity.Current?.SetTag("arena.purchase.by", $"{player.Gamertag}#{player.Platform}"); // leak TC1001 strings
        Activity.Current?.SetTag("arena.purchase.tenure_days", player.DaysSinceInstall); // clean precision-about
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ranked {Count} offers in {Slot} for {Player}")]
    private static partial void LogRanked(ILogger logger, Pseudonym player, string slot, int count);
}
