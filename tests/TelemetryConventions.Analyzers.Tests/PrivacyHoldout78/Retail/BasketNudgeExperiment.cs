namespace PrivacyHoldout78.Retail;

public sealed record AbandonedBasket(string BasketId, string CustomerNumber, string FirstName, string Email, string TopItemName, int Items, decimal Value, string Currency, string Culture);

/// <summary>
/// The abandoned-basket nudge. Three copy variants: the item ("You left Trail Runner 3 in your
/// basket"), the person ("Ana, still thinking it over?") and the discount.
/// </summary>
public sealed class BasketNudgeExperiment(
    ICopyExperiments experiments,
    IStringLocalizer<BasketNudgeExperiment> localizer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<BasketNudgeExperiment> logger)
{
    private const string Experiment = "basket-nudge-copy";
    private static readonly ActivitySource Source = new("Shop.Nudges");
    private readonly Counter<long> _nudges = meter.CreateCounter<long>("shopcopy.nudges", "{nudge}");

    public string Compose(AbandonedBasket basket)
    {
        using var activity = Source.StartActivity("nudge.compose");
        var variant = experiments.Assign(Experiment, basket.CustomerNumber);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(basket.Culture);
        var text = variant.Variant switch
        {
            "item" => localizer["Nudge.Item", basket.TopItemName, basket.Items - 1].Value,
            "person" => localizer["Nudge.Person", basket.FirstName].Value,
            _ => localizer["Nudge.Discount", 10].Value,
        };

        activity?.SetTag("nudge.basket", basket.BasketId); // clean precision-about
        activity?.SetTag("nudge.variant", variant.Variant); // clean precision-about
        logger.LogDebug("Nudge variant {@Variant}", variant); // clean logging-objects
        _nudges.Add(1, new KeyValuePair<string, object?>("variant", variant.Variant), new KeyValuePair<string, object?>("currency", basket.Currency)); // clean precision-about
        if (variant.Variant == "item")
        {
            activity?.SetTag("nudge.text", text); // clean strings
        }
        else if (variant.Variant == "person")
        {
            activity?.SetTag("nudge.text", text); // leak TC1001 strings
        }

        logger.LogInformation("Nudge composed for {@Basket}", basket); // leak TC1001 logging-objects
        var exposure = new CopyExposure(Experiment, variant.Variant, basket.CustomerNumber, DateTimeOffset.UtcNow);
        activity?.AddEvent(new ActivityEvent("copy.exposure", tags: new ActivityTagsCollection { ["exposure"] = exposure.ToString() })); // leak TC1001 logging-objects

        var analyticsKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(basket.CustomerNumber));
        activity?.SetTag("nudge.analytics_key", analyticsKey); // leak TC1001 hashes
        var sha = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(basket.CustomerNumber)))[..12];
        logger.LogDebug("Nudge dedupe key {DedupeKey}", sha); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var lane = hmac.ComputeHash(Encoding.UTF8.GetBytes(basket.CustomerNumber))[0] % 8;
        _nudges.Add(0, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        activity?.SetTag("nudge.customer", Pseudonym.FromComputed(basket.CustomerNumber).Value); // leak TC1001 precision-pseudonym
        return text;
    }
}
