namespace PrivacyHoldout197.Retail;

public sealed record AlertSubscription(string SubscriptionId, string CustomerNumber, string Email, string Mobile, string LicenceNumber, string[] Centres, string Category);

public sealed record VoucherPurchase(string OrderNumber, string CustomerNumber, string VoucherCode, int Lessons, decimal Price, string GiftRecipientName, string GiftMessage);

/// <summary>A retailer's lesson vouchers and test cancellation alerts (a paid service that watches for freed test slots).</summary>
[ApiController]
[Route("api/alerts")]
public sealed partial class CancellationAlertController(CandidateNotifier notifier, Pseudonymizer pseudonymizer, TelemetrySecrets secrets,
    Meter meter, ILogger<CancellationAlertController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Shop.CancellationAlerts");
    private static readonly Meter ShopMeter = new("Shop.CancellationAlerts");
    private static readonly Counter<long> Alerts = ShopMeter.CreateCounter<long>("alerts.sent");

    [HttpPost("subscriptions")]
    public ActionResult Subscribe([FromBody] AlertSubscription subscription)
    {
        using var span = Source.StartLplateOperation("web-shop");
        span.SetLplateCandidateId(pseudonymizer.PseudonymizeLplateCandidateId(subscription.LicenceNumber)); // clean generated-api
        span.SetLplateCategory(subscription.Category); // clean generated-api
        span.SetLplateAttempts(subscription.Centres.Length); // clean generated-api
        span.SetLplateNote("subscriber " + subscription.Mobile); // leak TC1001 generated-api
        Activity.Current?.SetTag("alerts.subscription_id", subscription.SubscriptionId); // clean precision-names
        Activity.Current?.SetTag("alerts.centres", string.Join(",", subscription.Centres)); // clean strings
        Activity.Current?.SetTag("alerts.customer_number", subscription.CustomerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("alerts.customer", pseudonymizer.Pseudonymize(Spaces.Candidate, subscription.CustomerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("alerts.email_domain", subscription.Email.Substring(subscription.Email.IndexOf('@') + 1)); // clean precision-about
        logger.LogInformation("Subscribed {@Subscription}", subscription); // leak TC1001 logging-objects
        logger.LogInformation("Subscribed {Subscription} to {Centres} centres", subscription.SubscriptionId, subscription.Centres.Length); // clean precision-names
        Log.Subscribed(logger, subscription.Email, subscription.SubscriptionId); // clean logging-objects
        Log.SubscribedPlain(logger, subscription.Email, subscription.SubscriptionId); // leak TC1001 direct
        meter.CreateLplateOperationsCounter().Add(1, "web-shop", "subscribed"); // clean generated-api
        return Ok(subscription.SubscriptionId);
    }

    [HttpPost("slots")]
    public async Task<ActionResult> SlotFreed([FromBody] SlotCancellation slot, CancellationToken ct)
    {
        using var activity = Source.StartActivity("alerts.slot_freed");
        activity?.SetTag("slot.id", slot.SlotId); // clean precision-names
        activity?.SetTag("slot.centre", slot.CentreCode); // clean precision-names
        activity?.SetTag("slot.reason", slot.Reason); // clean precision-about
        logger.LogInformation("Slot freed {@Slot}", slot); // clean logging-objects
        var watchers = new List<AlertSubscription>();
        foreach (var watcher in watchers)
        {
            await notifier.SendAsync(watcher.Mobile, $"Test slot at {slot.CentreCode} on {slot.Start:f}", ct);
            Alerts.Add(1, new KeyValuePair<string, object?>("centre", slot.CentreCode), new KeyValuePair<string, object?>("category", slot.Category)); // clean precision-names
            Alerts.Add(1, new KeyValuePair<string, object?>("customer", watcher.CustomerNumber)); // leak TC1003 direct
            activity?.AddEvent(new ActivityEvent("alert.sent", tags: new ActivityTagsCollection { ["to"] = watcher.Mobile })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("alert.sent", tags: new ActivityTagsCollection { ["subscription"] = watcher.SubscriptionId })); // clean precision-names
        }

        activity?.SetTag("slot.watchers", watchers.Count); // clean precision-about
        try
        {
            if (slot.Start < DateTime.UtcNow)
            {
                throw new SlotNotAvailableException(slot.CentreCode, slot.Start);
            }
        }
        catch (SlotNotAvailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogLplateOperationFailedEvent("web-shop", "slot-gone", default, ex.Message); // clean generated-api
        }

        meter.CreateLplateOperationDurationHistogram().Record(0.3, "web-shop"); // clean generated-api
        return Ok();
    }

    [HttpPost("vouchers")]
    public ActionResult BuyVoucher([FromBody] VoucherPurchase purchase)
    {
        using var activity = Source.StartActivity("vouchers.buy");
        activity?.SetTag("order.number", purchase.OrderNumber); // clean precision-names
        activity?.SetTag("voucher.lessons", purchase.Lessons); // clean precision-about
        activity?.SetTag("voucher.price", purchase.Price); // clean precision-about
        activity?.SetTag("voucher.gift", !string.IsNullOrEmpty(purchase.GiftRecipientName)); // clean precision-about
        activity?.SetTag("voucher.gift_message", purchase.GiftMessage); // leak TC1001 direct
        activity?.SetTag("voucher.recipient", purchase.GiftRecipientName); // leak TC1001 direct
        activity?.SetTag("voucher.customer_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(purchase.CustomerNumber)))); // leak TC1002 hashes
        activity?.SetTag("voucher.customer_mac", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(purchase.CustomerNumber)))); // clean hashes
        logger.LogInformation("Voucher bought {Purchase}", purchase); // leak TC1001 logging-objects
        logger.LogInformation("Voucher bought {Purchase}", purchase with { GiftRecipientName = string.Empty, GiftMessage = string.Empty, CustomerNumber = string.Empty }); // clean logging-objects
        logger.LogInformation("Voucher code {Code} for order {Order}", purchase.VoucherCode, purchase.OrderNumber); // clean precision-names
        var receipt = new StringBuilder();
        receipt.AppendFormat(CultureInfo.InvariantCulture, "order {0}: {1} lessons for {2}", purchase.OrderNumber, purchase.Lessons, purchase.GiftRecipientName);
        logger.LogInformation(receipt.ToString()); // leak TC1001 strings
        return Ok(purchase.OrderNumber);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Alert subscription {SubscriptionId} for {Email}")]
        public static partial void Subscribed(ILogger logger, [PrivateData] string email, string subscriptionId);

        [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Alert subscription {SubscriptionId} for {Email}")]
        public static partial void SubscribedPlain(ILogger logger, string email, string subscriptionId);
    }
}
