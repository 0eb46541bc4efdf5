namespace PrivacyHoldout182.Transport;

/// <summary>The station cycle hubs' bike buy-back and the lost property office's disposals to a dealer.</summary>
public static partial class CycleHubEndpoints
{
    private static readonly ActivitySource Source = new("Rail.CycleHub");
    private static readonly Meter HubMeter = new("Rail.CycleHub");
    private static readonly Counter<long> Bikes = HubMeter.CreateCounter<long>("cyclehub.bikes.bought");
    private static readonly Counter<long> Disposals = HubMeter.CreateCounter<long>("lostproperty.disposals");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/bikes", (BikeBuyBack bike, IStolenGoodsRegister register, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<BikeBuyBack> logger) => BuyBike(bike, register, pseudonymizer, secrets, logger));
        routes.MapPost("/lost-property/disposals", (IReadOnlyList<LostPropertyDisposal> items, ILogger<LostPropertyDisposal> logger) => Dispose(items, logger));
    }

    private static async Task<ActionResult> BuyBike(BikeBuyBack bike, IStolenGoodsRegister register, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger logger)
    {
        using var span = Source.StartCyclehubOperation("leeds");
        span.SetCyclehubSellerId(pseudonymizer.PseudonymizeCyclehubSellerId(bike.SellerId)); // clean precision-pseudonym
        span.SetCyclehubItemCategory("bicycle"); // clean generated-api
        span.SetCyclehubNote($"{bike.Make} offered {bike.Offer:C}"); // clean generated-api
        span.SetCyclehubNote("Frame " + bike.FrameNumber); // leak TC1001 generated-api
        span.Activity?.SetTag("cyclehub.bike.make", bike.Make); // clean precision-names
        span.Activity?.SetTag("cyclehub.bike.frame_number", bike.FrameNumber); // leak TC1001 direct
        span.Activity?.SetTag("cyclehub.seller.name", bike.SellerName); // leak TC1001 direct
        span.Activity?.SetTag("cyclehub.seller.id", bike.SellerId); // leak TC1001 direct
        span.Activity?.SetTag("cyclehub.seller.ref", pseudonymizer.ComputeCyclehubSellerId(bike.SellerId)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("cyclehub.seller", pseudonymizer.ComputeCyclehubSellerId(bike.SellerId)); // clean precision-pseudonym
        Baggage.SetBaggage("cyclehub.frame", bike.FrameNumber); // leak TC1001 direct

        var result = await register.CheckAsync(new RegisterCheck(Guid.NewGuid().ToString("N"), bike.FrameNumber, "bikeregister"));
        span.Activity?.SetTag("cyclehub.register.outcome", result.Outcome); // clean precision-names
        if (result.Matches > 0)
        {
            var flagged = new StolenItemFlaggedException(bike.FrameNumber);
            span.Activity?.AddException(flagged); // leak TC1001 exceptions
            span.Activity?.SetTag("error.type", nameof(StolenItemFlaggedException)); // clean exceptions
            Bikes.Add(1, new KeyValuePair<string, object?>("frame", bike.FrameNumber)); // leak TC1003 direct
            return new OkResult("held");
        }

        Bikes.Add(1, new KeyValuePair<string, object?>("make", bike.Make), new KeyValuePair<string, object?>("station", "leeds")); // clean precision-names
        Bikes.Add(1, new KeyValuePair<string, object?>("seller", pseudonymizer.PseudonymizeCyclehubSellerId(bike.SellerId).Value)); // leak TC1003 precision-pseudonym
        Bikes.Add(1, new KeyValuePair<string, object?>("bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(bike.FrameNumber))[0] % 10)); // clean hashes
        logger.LogInformation("Bike bought {Bike}", bike); // leak TC1001 logging-objects
        logger.LogInformation("Bike bought {Bike}", bike with { SellerId = "", SellerName = "", FrameNumber = "" }); // clean logging-objects
        logger.LogInformation("Bike bought for {Offer}, frame number of {Length} characters", bike.Offer, bike.FrameNumber.Length); // clean precision-about
        logger.LogInformation("Bike bought, frame {Digest}", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(bike.FrameNumber)))); // leak TC1002 hashes
        BikeBought(logger, "leeds", bike.SellerName); // clean precision-names
        return new OkResult(result.Outcome);
    }

    private static ActionResult Dispose(IReadOnlyList<LostPropertyDisposal> items, ILogger logger)
    {
        using var activity = Source.StartActivity("lostproperty.dispose");
        activity?.SetTag("lostproperty.lots", items.Select(i => i.Lot).Distinct().ToArray()); // clean precision-names
        activity?.SetTag("lostproperty.count", items.Count); // clean precision-about
        activity?.SetTag("lostproperty.serials", string.Join(",", items.Select(i => i.Serial))); // leak TC1001 direct
        foreach (var item in items)
        {
            activity?.AddEvent(new ActivityEvent("lostproperty.item", tags: new ActivityTagsCollection { ["item"] = item.ItemId, ["category"] = item.Category })); // clean precision-names
            Disposals.Add(1, new KeyValuePair<string, object?>("category", item.Category)); // clean precision-names
            if (item.OwnerEmail is { } email)
            {
                logger.LogInformation("Disposing of an item whose owner was emailed at {Email}", email); // leak TC1001 direct
                logger.LogInformation("Disposing of an item whose owner was known: {Known}", email.Length > 0); // clean precision-about
            }

            logger.LogDebug("Disposal {Item}", item); // leak TC1001 logging-objects
            logger.LogDebug("Disposal {Item}", item with { OwnerEmail = null, Serial = "" }); // clean logging-objects
        }

        return new OkResult(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bike bought at {Station} from {SellerName}")]
    private static partial void BikeBought(ILogger logger, string station, [PrivateData] string sellerName);
}
