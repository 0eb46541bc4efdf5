namespace PrivacyHoldout96.Energy;

/// <summary>A supply account as the recommendation service reads it.</summary>
public sealed record Household(string AccountNumber, string Mpan, string MeterSerial, string Postcode, string HolderEmail, string Region);

/// <summary>Ranks the open tariffs for a household from its smart meter usage, under the EV tariff nudge experiment.</summary>
public sealed partial class TariffRecommendationService(
    IFeatureStore features,
    IRanker ranker,
    IExperimentClient experiments,
    IExposureSink exposures,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<TariffRecommendationService> logger)
{
    private static readonly ActivitySource Source = new("Supply.TariffRecs");
    private readonly TariffrecRecommendationsCounter _recommendations = meter.CreateTariffrecRecommendationsCounter();
    private readonly Histogram<double> _saving = meter.CreateHistogram<double>("supply.tariff_recs.saving", "GBP");

    public async Task<IReadOnlyList<RankedItem>> RecommendAsync(Household household, IReadOnlyList<Candidate> tariffs, CancellationToken cancellationToken)
    {
        using var span = Source.StartTariffrecRecommend();
        span.SetTariffrecAccountId(pseudonymizer.PseudonymizeTariffrecAccountId(household.AccountNumber)); // clean precision-pseudonym
        span.SetTariffrecRegion(household.Region); // clean precision-names
        span.SetTariffrecCandidateCount(tariffs.Count);
        span.Activity?.SetTag("supply.meter.model", household.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("supply.postcode.district", household.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("supply.meter.serial", household.MeterSerial); // leak TC1001 direct

        var variation = experiments.Decide("ev-tariff-nudge", new ExperimentUser(household.AccountNumber));
        var exposure = new ExposureRecord(variation.ExperimentKey, variation.VariationKey, household.AccountNumber, "supply_account", DateTimeOffset.UtcNow);
        exposures.Record(exposure);
        span.SetTariffrecExperiment(variation.ExperimentKey); // clean precision-names
        span.SetTariffrecVariant(variation.VariationKey);
        span.Activity?.AddEvent(new ActivityEvent("exposure", tags: new ActivityTagsCollection { ["unit"] = exposure.UnitId, ["variant"] = exposure.VariationKey })); // leak TC1001 cross-member
        logger.LogDebug("Exposure to {Experiment}: {Variant}, in experiment {InExperiment}", variation.ExperimentKey, variation.VariationKey, variation.InExperiment); // clean precision-names

        PersonFeatures usage;
        try
        {
            usage = await features.GetAsync("household_usage_v4", household.MeterSerial, cancellationToken);
        }
        catch (FeatureRowMissingException ex)
        {
            logger.LogWarning(ex, "No usage row; falling back to the region's averages"); // leak TC1001 exceptions
            _recommendations.Add(1, tariffrecOutcome: "no_usage"); // clean generated-api
            return Array.Empty<RankedItem>();
        }
        logger.LogDebug("Usage features for region {Region}: {Features}", household.Region, string.Join(", ", usage.Values.Select(kv => $"{kv.Key}={kv.Value:0.##}"))); // clean strings

        var context = new Dictionary<string, string>
        {
            ["region"] = household.Region,
            ["ev"] = usage.Values.GetValueOrDefault("ev_flag") > 0 ? "yes" : "no",
        };
        span.Activity?.SetTag("supply.recs.cache_key", $"recs:{household.Mpan}:{DateTime.UtcNow:yyyyMMdd}"); // leak TC1001 strings
        span.Activity?.SetTag("supply.recs.prior_key", $"prior:{household.Region}:{variation.VariationKey}:{context["ev"]}"); // clean strings
        var ranked = await ranker.RerankAsync(new RerankRequest(ranker.ModelName, context, tariffs), cancellationToken);
        var top = ranked[0];
        var saving = tariffs.First(t => t.ItemId == top.ItemId).Features["saving"];
        span.SetTariffrecTariff(top.ItemId); // clean precision-names
        span.SetTariffrecSaving(saving); // clean precision-about
        span.SetTariffrecResultCount(ranked.Count);
        _saving.Record(saving, new KeyValuePair<string, object?>("tariff", top.ItemId), new KeyValuePair<string, object?>("region", household.Region)); // clean precision-names
        _recommendations.Add(1, top.ItemId, variation.VariationKey, "ok"); // clean generated-api
        _saving.Record(saving, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeTariffrecAccountId(household.AccountNumber))); // leak TC1003 precision-pseudonym
        span.SetTariffrecNote($"top {top.ItemId} saves £{saving:0} at {household.Postcode}"); // leak TC1001 generated-api
        span.Activity?.SetTag(TariffrecAttributes.HolderContact, pseudonymizer.Compute("holder.email", household.HolderEmail)); // leak TC1001 precision-pseudonym
        LogRecommended(logger, household.AccountNumber, top.ItemId, saving); // leak TC1001 logging-objects
        LogRecommendedRedacted(logger, household.AccountNumber, top.ItemId, saving); // clean logging-objects
        return ranked;
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Recommended {Tariff} to account {AccountNumber}, saving {Saving:0}")]
    private static partial void LogRecommended(ILogger logger, string accountNumber, string tariff, double saving);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Recommended {Tariff} to account {AccountNumber}, saving {Saving:0}")]
    private static partial void LogRecommendedRedacted(ILogger logger, [PrivateData] string accountNumber, string tariff, double saving);
}
