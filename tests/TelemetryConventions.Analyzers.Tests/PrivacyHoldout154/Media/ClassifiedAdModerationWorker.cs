namespace PrivacyHoldout154.Media;

/// <summary>Moderates private sellers' car adverts before they go live in the classifieds.</summary>
public sealed class ClassifiedAdModerationWorker(
    IQueueReceiver<ClassifiedAd> queue,
    IAdStore store,
    ILogger<ClassifiedAdModerationWorker> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter) : BackgroundService
{
    private readonly List<string> _rejectedSellers = new();
    private readonly Dictionary<string, int> _adsPerPhone = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } ad)
        {
            using var span = source.StartMotormagOperation("classifieds").SetMotormagAdCount(1);
            span.SetMotormagSellerId(pseudonymizer.PseudonymizeMotormagSellerId(ad.SellerId)); // clean precision-pseudonym
            Activity.Current?.SetTag("ad.id", ad.AdId); // clean precision-names
            Activity.Current?.SetTag("ad.price", ad.Price); // clean precision-about
            Activity.Current?.SetTag("ad.title", ad.Title); // clean precision-about
            Activity.Current?.SetTag("ad.seller_phone", ad.SellerPhone); // leak TC1001 direct
            Activity.Current?.SetTag("ad.seller_phone_prefix", ad.SellerPhone[..3]); // clean precision-about
            logger.LogInformation("Moderating {Ad}", ad); // leak TC1001 logging-objects
            _adsPerPhone[ad.SellerPhone] = _adsPerPhone.GetValueOrDefault(ad.SellerPhone) + 1;
            try
            {
                if (_adsPerPhone[ad.SellerPhone] > 3)
                {
                    throw new AdRejectedException(ad.AdId, "trader-suspected");
                }

                await store.SaveAsync(ad, stoppingToken);
                meter.CreateMotormagValuationsCounter().Add(1, "classifieds", "live"); // clean generated-api
            }
            catch (AdRejectedException ex)
            {
                _rejectedSellers.Add(ad.SellerId);
                logger.LogWarning(ex, "Ad rejected"); // clean exceptions
                logger.LogMotormagOperationFailedEvent("classifieds", ex.ReasonCode, motormagNote: $"seller {ad.SellerId} has {_adsPerPhone[ad.SellerPhone]} ads"); // leak TC1001 generated-api
                logger.LogMotormagOperationFailedEvent("classifieds", ex.ReasonCode, motormagNote: $"ad {ad.AdId} rejected: {ex.ReasonCode}"); // clean generated-api
            }
        }

        logger.LogInformation("Rejected sellers: {Sellers}", string.Join(",", _rejectedSellers)); // leak TC1001 cross-member
        logger.LogInformation("Phones with several ads: {Count}", _adsPerPhone.Count(kv => kv.Value > 1)); // clean cross-member
    }
}
