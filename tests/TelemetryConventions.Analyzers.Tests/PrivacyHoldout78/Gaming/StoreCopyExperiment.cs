namespace PrivacyHoldout78.Gaming;

public sealed record StorefrontRequest(Guid PlayerId, string Gamertag, string Culture, string Region, int OwnedItems);

/// <summary>
/// A/B test of the store's banner copy ("Limited time!" against "Back by demand"), with a
/// personalised welcome line for returning players.
/// </summary>
public sealed class StoreCopyExperiment(
    ICopyExperiments experiments,
    IStringLocalizer<StoreCopyExperiment> localizer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<StoreCopyExperiment> logger)
{
    private const string Experiment = "store-banner-2024q3";
    private readonly Counter<long> _exposures = meter.CreateCounter<long>("arenacopy.copy.exposures", "{exposure}");

    public string Banner(StorefrontRequest request)
    {
        using var span = source.StartArenacopyRender("store.banner");
        var subjectKey = request.PlayerId.ToString("N");
        var variant = experiments.Assign(Experiment, subjectKey);
        span.SetArenacopyExperiment(variant.Experiment); // clean precision-about
        span.SetArenacopyVariant(variant.Variant); // clean precision-about
        logger.LogDebug("Copy variant {@Variant}", variant); // clean logging-objects

        var exposure = new CopyExposure(variant.Experiment, variant.Variant, subjectKey, DateTimeOffset.UtcNow);
        logger.LogInformation("Exposure {Exposure}", exposure); // leak TC1001 logging-objects
        _exposures.Add(1, new KeyValuePair<string, object?>("experiment", variant.Experiment), new KeyValuePair<string, object?>("variant", variant.Variant), new KeyValuePair<string, object?>("region", request.Region)); // clean precision-about
        _exposures.Add(0, new KeyValuePair<string, object?>("player", pseudonymizer.ComputeArenacopyPlayerId(subjectKey))); // leak TC1003 precision-pseudonym

        var holdout = MD5.HashData(Encoding.UTF8.GetBytes(Experiment + subjectKey))[0] < 13;
        span.Activity?.SetTag("copy.holdout_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(Experiment + subjectKey)))); // leak TC1002 hashes
        span.Activity?.SetTag("copy.holdout", holdout); // leak TC1002 hashes
        using (var hmac = new HMACSHA256(secrets.ShardKey))
        {
            var arm = hmac.ComputeHash(Encoding.UTF8.GetBytes(Experiment + ":" + subjectKey))[0] % 2 == 0 ? "a" : "b";
            span.Activity?.SetTag("copy.keyed_arm", arm); // clean hashes
        }

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(request.Culture);
        var banner = localizer[variant.ResourceKey].Value;
        span.Activity?.SetTag("copy.banner.text", banner); // clean strings
        if (request.OwnedItems > 0)
        {
            var welcome = localizer["Store.WelcomeBack", request.Gamertag, request.OwnedItems];
            span.Activity?.AddEvent(new ActivityEvent("store.welcome", tags: new ActivityTagsCollection { ["key"] = welcome.Name, ["text"] = welcome.Value })); // leak TC1001 strings
            span.Activity?.SetTag(ArenacopyAttributes.PlayerGamertag, request.Gamertag); // leak TC1001 generated-api
            banner = welcome.Value + " " + banner;
        }
        return banner;
    }
}
