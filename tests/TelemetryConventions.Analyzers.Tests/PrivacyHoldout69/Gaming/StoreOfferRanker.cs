namespace PrivacyHoldout69.Gaming;

public sealed record StoreVisit(Guid PlayerId, string PlatformAccountId, string Platform, string Region, int WalletGems);

public sealed record RankedOffer(string Sku, double Score, int PriceGems);

/// <summary>The offer ranker's typed client: one POST per player, the player in the path.</summary>
public sealed class OfferRankingClient(HttpClient http)
{
    public async Task<IReadOnlyList<RankedOffer>> RankAsync(Guid playerId, IReadOnlyDictionary<string, double?> features, CancellationToken ct)
    {
        using var response = await http.PostAsync($"v1/players/{playerId:D}/offers:rank", JsonContent(features), ct);
        response.EnsureSuccessStatusCode();
        return await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<List<RankedOffer>>(response.Content, ct) ?? [];
    }

    private static HttpContent JsonContent(IReadOnlyDictionary<string, double?> features) =>
        System.Net.Http.Json.JsonContent.Create(features);
}

/// <summary>
/// Ranks the store front for a player: the player's spend and play features from the feature store,
/// the ranker under an A/B test, a popularity fallback when it is slow, and the slot bandit that
/// decides which offer gets the hero tile.
/// </summary>
public sealed class StoreOfferRanker(
    IOnlineFeatureStore features,
    OfferRankingClient ranking,
    IContextualBandit bandit,
    ShardKey shardKey,
    Pseudonymizer pseudonymizer,
    ILogger<StoreOfferRanker> logger)
{
    private static readonly ActivitySource Source = new("Game.Store.Ranking");
    private static readonly Meter Meter = new("Game.Store.Ranking");
    private static readonly Counter<long> Impressions = Meter.CreateCounter<long>("store.hero.impressions");
    private static readonly RankedOffer[] Popular = [new("bundle.starter", 1, 500), new("skin.neon", 0.9, 1200), new("pass.s14", 0.8, 950)];

    public async Task<IReadOnlyList<RankedOffer>> RankAsync(StoreVisit visit, CancellationToken ct)
    {
        using var span = Source.StartIntegrityScore("offer-ranker-12").SetIntegrityQueue("store-front"); // clean precision-names
        span.SetIntegrityPlayerId(pseudonymizer.PseudonymizeIntegrityPlayerId(visit.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("store.platform", visit.Platform); // clean precision-about
        span.Activity?.SetTag("store.wallet_gems", visit.WalletGems);
        span.Activity?.AddEvent(new ActivityEvent("store.visit", tags: new ActivityTagsCollection { ["platform"] = visit.Platform, ["platform.account"] = visit.PlatformAccountId })); // leak TC1001 direct

        var arm = shardKey.Bucket("ranker-ab:" + visit.PlayerId, 100) < 50 ? "ranker" : "popular";
        var legacyArm = Math.Abs(visit.PlayerId.ToString().GetHashCode()) % 100 < 50 ? "ranker" : "popular";
        span.Activity?.SetTag("store.ab_arm", arm); // clean hashes
        span.Activity?.SetTag("store.ab_arm_legacy", legacyArm); // leak TC1002 hashes

        var row = await features.GetOnlineFeaturesAsync("player_spend_v4", visit.PlayerId.ToString("D"), ct);
        logger.LogDebug("Spend features {Values}", row.Values); // clean logging-objects
        span.Activity?.SetTag("store.feature_view", row.FeatureView); // clean cross-member
        logger.LogDebug("Spend features for {EntityKey} are {AgeSeconds:0}s old", row.EntityKey, row.Age(DateTimeOffset.UtcNow).TotalSeconds); // leak TC1001 cross-member

        IReadOnlyList<RankedOffer> offers;
        if (arm == "popular")
        {
            offers = Popular;
        }
        else
        {
            try
            {
                offers = await ranking.RankAsync(visit.PlayerId, row.Values, ct);
                span.SetIntegrityOutcome("ranked"); // clean generated-api
            }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
            {
                // HttpClient.Timeout elapsed: the message names the timeout, not the request.
                logger.LogWarning(ex, "Offer ranker timed out; popular offers served"); // clean exceptions
                span.SetIntegrityOutcome("fallback:popular"); // clean generated-api
                offers = Popular;
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("Offer ranker failed ({Status}) on POST v1/players/{PlayerId}/offers:rank", ex.StatusCode, visit.PlayerId); // leak TC1001 direct
                offers = Popular;
            }
        }

        var hero = bandit.Choose("store-hero-slot", new Dictionary<string, double> { ["wallet_gems"] = visit.WalletGems, ["top_score"] = offers[0].Score });
        Impressions.Add(1, new KeyValuePair<string, object?>("arm", hero.Arm), new KeyValuePair<string, object?>("region", visit.Region)); // clean precision-about
        Impressions.Add(1, new KeyValuePair<string, object?>("platform_account", visit.PlatformAccountId)); // leak TC1003 direct
        logger.LogInformation("Hero slot {Arm} (p={Propensity:0.00}) over {Offers}", hero.Arm, hero.Propensity, offers.Select(o => o.Sku)); // clean precision-about
        return offers;
    }
}
