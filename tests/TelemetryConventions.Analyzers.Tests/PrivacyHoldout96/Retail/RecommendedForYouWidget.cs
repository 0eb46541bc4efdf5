namespace PrivacyHoldout96.Retail;

/// <summary>Fills the storefront's recommendation widgets (similar items, also bought, for you) under the widget diversity experiment.</summary>
public sealed class RecommendedForYouWidget(
    IPersonalizeRuntime personalize,
    IExperimentClient experiments,
    IExposureSink exposures,
    PersonalisationOptions options,
    Pseudonymizer pseudonymizer,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<RecommendedForYouWidget> logger)
{
    private static readonly ActivitySource Source = new("Shop.Widgets");
    private readonly ShoprankRecommendDurationHistogram _duration = meter.CreateShoprankRecommendDurationHistogram();

    public async Task<IReadOnlyList<string>> FillAsync(string widget, Customer? customer, string? anonymousId, string? sku, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartShoprankRecommend(widget);
        var unit = customer?.CustomerNumber ?? anonymousId ?? "anonymous";
        var variation = experiments.Decide("widget-diversity", new ExperimentUser(unit));
        span.SetShoprankExperiment(variation.ExperimentKey); // clean precision-names
        span.SetShoprankVariant(variation.VariationKey);
        var exposure = new ExposureRecord(variation.ExperimentKey, variation.VariationKey, unit, customer is null ? "anonymous_id" : "customer", DateTimeOffset.UtcNow);
        exposures.Record(exposure);
        logger.LogDebug("Exposure {ExperimentKey}/{VariationKey} for a {UnitType}", exposure.ExperimentKey, exposure.VariationKey, exposure.UnitType); // clean precision-names
        span.Activity?.SetTag("shop.exposure.unit", unit); // leak TC1001 direct
        if (customer is not null)
        {
            span.SetShoprankCustomerId(pseudonymizer.PseudonymizeShoprankCustomerId(customer.CustomerNumber)); // clean precision-pseudonym
        }

        var request = new GetRecommendationsRequest { CampaignArn = options.CampaignArn, UserId = customer?.CustomerNumber ?? anonymousId, ItemId = sku, NumResults = 12 };
        request.Context["TIER"] = customer?.LoyaltyTier ?? "none";
        request.Promotions.Add(new Promotion { Name = "own-brand", PercentPromotedItems = 20, FilterArn = options.FilterArn });
        logger.LogDebug("Widget {Widget} context {Context}", widget, request.Context); // clean logging-objects
        GetRecommendationsResponse response;
        try
        {
            response = await personalize.GetRecommendationsAsync(request, cancellationToken);
        }
        catch (ResourceNotFoundException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Widget {Widget} has no campaign", widget); // clean exceptions
            return Array.Empty<string>();
        }
        catch (InvalidInputException ex)
        {
            logger.LogWarning(string.Concat("Recommendations refused for ", customer?.Email ?? anonymousId, ": ", ex.GetType().Name)); // leak TC1001 strings
            return Array.Empty<string>();
        }
        span.SetShoprankResultCount(response.ItemList.Count);
        logger.LogDebug("Promoted {Promoted}", response.ItemList.Where(i => i.PromotionName is not null).Select(i => i.ItemId)); // clean precision-names
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, widget, variation.VariationKey); // clean generated-api
        span.SetShoprankNote($"for {customer?.FirstName ?? "guest"} near {customer?.Postcode}"); // leak TC1001 generated-api
        span.Activity?.SetTag(ShoprankAttributes.CustomerEmail, customer?.Email); // leak TC1001 generated-api
        span.Activity?.SetTag("shop.widget.legacy_bucket", unit.GetHashCode() % 10); // leak TC1002 hashes
        span.Activity?.SetTag("shop.widget.bucket", KeyedBuckets.Of(secrets, unit, 10)); // clean hashes
        span.Activity?.SetTag("shop.widget.recommendation_id", response.RecommendationId); // clean precision-names
        return response.ItemList.Select(i => i.ItemId).ToList();
    }
}
