namespace PrivacyHoldout146.Retail;

/// <summary>Records guests' purchases from gift lists (the topic is keyed by purchase id) and books deliveries.</summary>
public sealed partial class GiftPurchaseConsumer(
    IConsumer<string, GiftPurchase> consumer,
    IGiftListStore lists,
    IGiftDelivery delivery,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<GiftPurchaseConsumer> logger) : BackgroundService
{
    private static readonly Meter PurchaseMeter = new("Store.GiftLists.Purchases");
    private static readonly Histogram<double> Spend = PurchaseMeter.CreateHistogram<double>("giftlist.purchase.amount");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (consumer.Consume(stoppingToken) is not { } result)
            {
                continue;
            }

            var purchase = result.Message.Value;
            using var span = source.StartGiftlistOperation("web");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            span.SetGiftlistGuestId(pseudonymizer.PseudonymizeGiftlistGuestId(purchase.GuestCustomerNumber)).SetGiftlistCategory("wedding"); // clean precision-pseudonym
            LogPurchase(logger, purchase.PurchaseId, purchase.Sku, purchase.Amount); // clean logging-objects
            LogGiftMessage(logger, purchase.GiftMessage); // clean logging-objects
            LogGiftMessageForSupport(logger, purchase.GiftMessage); // leak TC1001 logging-objects
            LogGuest(logger, purchase.GuestName, purchase.ListNumber); // leak TC1001 logging-objects
            Activity.Current?.SetTag("giftlist.guest_bucket", HashCode.Combine(purchase.GuestCustomerNumber, purchase.ListNumber) & 0xFF); // leak TC1002 hashes
            Activity.Current?.SetTag("giftlist.guest_shard", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(purchase.GuestCustomerNumber))) % 64); // clean hashes
            Spend.Record((double)purchase.Amount, new KeyValuePair<string, object?>("has_message", purchase.GiftMessage.Length > 0)); // clean precision-about
            Spend.Record((double)purchase.Amount, new KeyValuePair<string, object?>("guest", pseudonymizer.ComputeGiftlistGuestId(purchase.GuestCustomerNumber))); // leak TC1003 precision-pseudonym
            try
            {
                await lists.RecordPurchaseAsync(purchase, stoppingToken);
                var booking = await delivery.BookAsync(purchase.ListNumber, DateOnly.FromDateTime(DateTime.UtcNow), stoppingToken);
                logger.LogInformation("Delivery booked {Booking}", booking); // clean logging-objects
                meter.CreateGiftlistPurchasesCounter().Add(1, giftlistStore: "web", giftlistOutcome: "recorded"); // clean generated-api
                meter.CreateGiftlistFulfilmentDurationHistogram().Record(0, giftlistStore: booking.Depot); // clean generated-api
            }
            catch (ItemFullyBoughtException ex)
            {
                logger.LogWarning(ex, "Purchase {PurchaseId} over the list", purchase.PurchaseId); // clean exceptions
            }
            catch (GiftCardDeclinedException ex)
            {
                span.SetGiftlistOutcome(ex.ReasonCode).SetGiftlistNote(ex.Message); // clean exceptions
            }
            catch (GuestBlockedException ex)
            {
                span.SetGiftlistNote(ex.Message); // leak TC1001 exceptions
            }

            consumer.Commit(result);
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Purchase {PurchaseId}: {Sku} for {Amount}")]
    private static partial void LogPurchase(ILogger logger, string purchaseId, string sku, decimal amount);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Debug, Message = "Gift message: {GiftMessage}")]
    private static partial void LogGiftMessage(ILogger logger, [PrivateData] string giftMessage);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Debug, Message = "Gift message (support): {GiftMessage}")]
    private static partial void LogGiftMessageForSupport(ILogger logger, string giftMessage);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "Guest {GuestName} bought from list {ListNumber}")]
    private static partial void LogGuest(ILogger logger, string guestName, string listNumber);
}
