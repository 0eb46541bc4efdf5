namespace PrivacyHoldout96.Healthcare;

/// <summary>
/// The patient portal's "For you" feed of leaflets and service pages, ranked by the recommendation campaign for the
/// portal account, under the feed-ranking experiment.
/// </summary>
public sealed class HealthContentFeed(
    IPersonalizeRuntime personalize,
    IExperimentClient experiments,
    IExposureSink exposures,
    IFeatureStore features,
    PersonalisationOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<HealthContentFeed> logger)
{
    private static readonly ActivitySource Source = new("Portal.HealthFeed");
    private static readonly Meter Meter = new("Portal.HealthFeed");
    private static readonly Counter<long> Served = Meter.CreateCounter<long>("portal.feed.items_served");

    public async Task<IReadOnlyList<string>> BuildAsync(string portalAccountId, string hospitalNumber, string surface, CancellationToken cancellationToken)
    {
        using var span = Source.StartPtfindFeed(surface);
        span.SetPtfindPatientId(pseudonymizer.PseudonymizePtfindPatientId(hospitalNumber)); // clean precision-pseudonym

        var user = new ExperimentUser(portalAccountId);
        var variation = experiments.Decide("feed-ranking-v2", user);
        span.SetPtfindExperiment(variation.ExperimentKey); // clean precision-names
        span.SetPtfindVariant(variation.VariationKey);
        span.SetPtfindModelVersion(variation.VariationKey == "treatment" ? "hrnn-meta-2025-01" : "popularity-2024-09"); // clean precision-names
        var exposure = new ExposureRecord(variation.ExperimentKey, variation.VariationKey, portalAccountId, "portal_account", DateTimeOffset.UtcNow);
        exposures.Record(exposure);
        logger.LogInformation("Exposure recorded {Exposure}", exposure); // leak TC1001 logging-objects
        logger.LogDebug("Decision {Variation}", variation); // clean logging-objects
        span.Activity?.SetTag("portal.feed.holdback_cohort", KeyedBuckets.Of(secrets, hospitalNumber, 20)); // clean hashes
        span.Activity?.SetTag("portal.feed.legacy_cohort", BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes("feed:" + hospitalNumber)), 0) % 20); // leak TC1002 hashes

        PersonFeatures row;
        try
        {
            row = await features.GetAsync("patient_engagement_v2", hospitalNumber, cancellationToken);
        }
        catch (FeatureRowMissingException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("No engagement row in {View}; cold start", ex.View); // clean exceptions
            row = new PersonFeatures("patient_engagement_v2", hospitalNumber, new Dictionary<string, double>(), TimeSpan.Zero);
        }
        logger.LogDebug("Engagement features {Features}", row); // leak TC1001 logging-objects
        span.Activity?.SetTag("portal.feed.feature_age_s", row.Age.TotalSeconds); // clean precision-about

        var request = new GetRecommendationsRequest { CampaignArn = options.CampaignArn, UserId = portalAccountId, NumResults = 10, FilterArn = options.FilterArn };
        request.Context["SURFACE"] = surface;
        request.Context["DEVICE"] = "mobile";
        logger.LogDebug("Recommendation context {Context}", request.Context); // clean logging-objects
        try
        {
            var response = await personalize.GetRecommendationsAsync(request, cancellationToken);
            span.SetPtfindResultCount(response.ItemList.Count);
            span.Activity?.SetTag("portal.feed.recommendation_id", response.RecommendationId); // clean precision-names
            logger.LogDebug("Leaflets {Leaflets}", string.Join(",", response.ItemList.Select(i => i.ItemId))); // clean precision-names
            Served.Add(response.ItemList.Count, new KeyValuePair<string, object?>("surface", surface), new KeyValuePair<string, object?>("patient", pseudonymizer.ComputePtfindPatientId(hospitalNumber))); // leak TC1003 precision-pseudonym
            span.SetPtfindOutcome("ok"); // clean generated-api
            return response.ItemList.Select(i => i.ItemId).ToList();
        }
        catch (InvalidInputException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogPtfindSearchFailedEvent("leaflets", "invalid_input", ptfindNote: ex.Message); // leak TC1001 generated-api
            return Array.Empty<string>();
        }
        catch (ResourceNotFoundException ex)
        {
            logger.LogError(ex, "Campaign or filter missing: {Arn}", ex.Arn); // clean exceptions
            span.SetPtfindNote($"missing {ex.Arn}"); // clean generated-api
            return Array.Empty<string>();
        }
    }

    /// <summary>The portal's "not for me" button on a leaflet.</summary>
    public void Dismiss(string portalAccountId, string leafletId, string reason)
    {
        Activity.Current?.SetTag("portal.feed.dismissed", leafletId); // clean precision-names
        Activity.Current?.SetTag(PtfindAttributes.PatientId, Pseudonym.FromComputed(portalAccountId).Value); // leak TC1001 generated-api
        logger.LogInformation("Leaflet {Leaflet} dismissed by {Account}: {Reason}", leafletId, portalAccountId, reason); // leak TC1001 direct
    }
}
