namespace PrivacyHoldout212.Gaming;

/// <summary>A purchase from a baby gift list, made by a friend of the parents through the publisher's store.</summary>
public sealed record GiftPurchase(string PurchaseId, string ListNumber, string BuyerPlayerId, string BuyerGamertag, string GiftMessage, string Sku, decimal Price);

/// <summary>Consumes gift list purchases and tells the parents (by list) what was bought.</summary>
public sealed class GiftListPurchaseWorker(
    IConsumer<string, GiftPurchase> consumer,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<GiftListPurchaseWorker> logger) : BackgroundService
{
    private readonly Counter<long> _purchases = meter.CreateCounter<long>("playnest.gift.purchases");
    private readonly Histogram<double> _prices = meter.CreateHistogram<double>("playnest.gift.price");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var purchase = result.Message.Value;
            Activity.Current?.SetTag("gift.purchase.id", purchase.PurchaseId); // clean precision-names
            Activity.Current?.SetTag("gift.sku", purchase.Sku); // clean precision-about
            Activity.Current?.SetTag("gift.list", purchase.ListNumber); // leak TC1001 direct
            Activity.Current?.SetTag("gift.buyer", purchase.BuyerGamertag); // leak TC1001 direct
            Activity.Current?.SetTag("gift.buyer.pseudonym", pseudonymizer.ComputePlaynestClientId(purchase.BuyerPlayerId)); // clean precision-pseudonym
            Activity.Current?.SetTag("gift.message.length", purchase.GiftMessage.Length); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("gift.message", tags: new ActivityTagsCollection { ["text"] = purchase.GiftMessage })); // leak TC1001 direct
            logger.LogInformation("Gift {@Purchase}", purchase); // leak TC1001 logging-objects
            logger.LogInformation("Gift {Purchase}", new { purchase.PurchaseId, purchase.Sku, purchase.Price }); // clean logging-objects
            _purchases.Add(1, new KeyValuePair<string, object?>("sku", purchase.Sku)); // clean precision-about
            _purchases.Add(1, new KeyValuePair<string, object?>("list", purchase.ListNumber)); // leak TC1003 direct
            _prices.Record((double)purchase.Price, new KeyValuePair<string, object?>("buyer", pseudonymizer.ComputePlaynestClientId(purchase.BuyerPlayerId))); // leak TC1003 precision-pseudonym
            var listShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(purchase.ListNumber))[0] % 16;
            Activity.Current?.SetTag("gift.list.shard", listShard); // clean hashes
            Activity.Current?.SetTag("gift.list.hash", purchase.ListNumber.GetHashCode()); // leak TC1002 hashes
            var note = $"{purchase.BuyerGamertag} bought {purchase.Sku}";
            logger.LogDebug("Notify parents: {Note}", note); // leak TC1001 strings
            logger.LogDebug("Notify parents: {Note}", $"someone bought {purchase.Sku}"); // clean strings
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
