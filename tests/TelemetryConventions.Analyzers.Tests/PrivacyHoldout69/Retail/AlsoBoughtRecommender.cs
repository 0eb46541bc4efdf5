namespace PrivacyHoldout69.Retail;

public sealed record ShopCustomer(string CustomerNumber, string Tier, IReadOnlyList<string> RecentSearches, IReadOnlyList<string> BasketSkus);

public sealed record SkuScore(string Sku, double Score);

public interface ISkuRanker
{
    Task<IReadOnlyList<SkuScore>> RankAsync(string deployment, IReadOnlyDictionary<string, object?> inputs, CancellationToken cancellationToken);
}

/// <summary>Experiment tags the shop's services put on their spans (written once, used by every recommender).</summary>
public static class ExperimentTags
{
    public static void Annotate(Activity? activity, Assignment assignment)
    {
        activity?.SetTag("experiment.name", assignment.Experiment);
        activity?.SetTag("experiment.arm", assignment.Arm); // clean cross-member
        activity?.SetTag("experiment.unit", assignment.Unit); // leak TC1001 cross-member
    }
}

/// <summary>
/// "Customers also bought" on the basket page: the customer's affinity features from the feature
/// store, recent searches as text features, the two-tower ranker against the co-purchase baseline.
/// </summary>
public sealed class AlsoBoughtRecommender(
    IOnlineFeatureStore features,
    ISkuRanker ranker,
    IExperimentClient experiments,
    Pseudonymizer pseudonymizer,
    ILogger<AlsoBoughtRecommender> logger)
{
    private static readonly ActivitySource Source = new("Shop.Basket.AlsoBought");
    private static readonly Meter Meter = new("Shop.Basket.AlsoBought");
    private static readonly Counter<long> Served = Meter.CreateCounter<long>("recs.also_bought.served");

    public async Task<IReadOnlyList<SkuScore>> RecommendAsync(ShopCustomer customer, CancellationToken ct)
    {
        using var activity = Source.StartActivity("alsobought.rank");
        var assignment = experiments.Assign("also-bought-two-tower", customer.CustomerNumber);
        ExperimentTags.Annotate(activity, assignment); // leak TC1001 cross-member
        activity?.SetTag("shop.customer_tier", customer.Tier); // clean precision-names
        activity?.SetTag("shop.customer.ref", pseudonymizer.ComputeFraudCustomerId(customer.CustomerNumber)); // clean precision-pseudonym

        FeatureVector? affinity = null;
        try
        {
            affinity = await features.GetOnlineFeaturesAsync("customer_affinity_v6", customer.CustomerNumber, ct);
        }
        catch (FeatureRowMissingException ex)
        {
            logger.LogInformation("Cold start: {Reason}", ex.Message); // leak TC1001 exceptions
        }
        catch (FeatureStoreUnavailableException ex)
        {
            logger.LogWarning("Affinity features unavailable: {Reason}", ex.Message); // clean exceptions
        }

        var inputs = new Dictionary<string, object?>
        {
            ["basket_skus"] = customer.BasketSkus,
            ["recent_searches"] = string.Join(" | ", customer.RecentSearches),
            ["tier"] = customer.Tier,
        };
        foreach (var (name, value) in affinity?.Values ?? new Dictionary<string, double?>())
        {
            inputs[name] = value;
        }

        activity?.SetTag("recs.basket_skus", string.Join(",", customer.BasketSkus)); // clean precision-about
        activity?.SetTag("recs.search_terms", inputs["recent_searches"]); // leak TC1001 strings
        activity?.SetTag("recs.search_count", customer.RecentSearches.Count); // clean precision-about

        var deployment = assignment.Arm == "two-tower" ? "alsobought-2t" : "alsobought-copurchase";
        var ranked = await ranker.RankAsync(deployment, inputs, ct);
        logger.LogInformation("Also-bought for {CustomerNumber} via {Deployment}: {Skus}", customer.CustomerNumber, deployment, ranked.Select(r => r.Sku)); // leak TC1001 direct
        logger.LogInformation("Also-bought via {Deployment}: {Skus}", deployment, ranked.Select(r => r.Sku)); // clean precision-about
        Served.Add(1, new KeyValuePair<string, object?>("arm", assignment.Arm), new KeyValuePair<string, object?>("tier", customer.Tier)); // clean precision-about
        Served.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeFraudCustomerId(customer.CustomerNumber))); // leak TC1003 precision-pseudonym
        return ranked;
    }
}
