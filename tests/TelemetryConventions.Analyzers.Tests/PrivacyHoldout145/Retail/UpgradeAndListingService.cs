namespace PrivacyHoldout145.Retail;

/// <summary>
/// Handset upgrades with a trade-in of the old phone, and the directory listing choice the customer makes when
/// the contract changes. A phone a customer trades in is theirs until it is graded; models, grades, SKUs and
/// quotes are things.
/// </summary>
public sealed partial class UpgradeAndListingService(
    IDeviceRegister devices,
    Func<DirectoryListing, CancellationToken, Task> publishListing,
    Pseudonymizer pseudonymizer,
    ILogger<UpgradeAndListingService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Retailer.Mobile.Upgrades");

    private readonly Counter<long> _tradeIns = meter.CreateCounter<long>("mobile.tradeins", "{handset}");

    public async Task<TradeInQuote?> TradeInAsync(UpgradeOrder order, TradeIn tradeIn, string store, CancellationToken ct)
    {
        using var span = Source.StartMvnoOperation(store, "mvno.upgrade");
        span.SetMvnoSubscriberId(pseudonymizer.PseudonymizeMvnoSubscriberId(order.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("mvno.upgrade.order_id", order.OrderId); // clean precision-names
        if (await devices.IsBlockedAsync(tradeIn.Imei, ct))
        {
            var blocked = new ImeiBlockedException(tradeIn.Imei);
            logger.LogMvnoOperationFailedEvent(store, "imei-blocked", pseudonymizer.PseudonymizeMvnoSubscriberId(order.AccountNumber), blocked.Message); // leak TC1001 exceptions
            return null;
        }

        var quote = await devices.QuoteAsync(tradeIn.Model, tradeIn.Grade, ct);
        logger.LogInformation("Trade-in quote {Quote}", quote); // clean logging-objects
        logger.LogInformation("Trade-in {TradeIn} for order {OrderId}", tradeIn, order.OrderId); // leak TC1001 logging-objects
        LogTradeInGraded(logger, tradeIn.Imei, tradeIn.Grade); // leak TC1001 logging-objects
        _tradeIns.Add(1, new KeyValuePair<string, object?>("model", tradeIn.Model), new KeyValuePair<string, object?>("grade", tradeIn.Grade)); // clean precision-about
        return quote;
    }

    public async Task ChangeListingAsync(Subscriber subscriber, bool listed, string store, CancellationToken ct)
    {
        var listing = new DirectoryListing($"{subscriber.FirstName[0]} {subscriber.LastName}", subscriber.Msisdn, subscriber.Postcode, !listed);
        await publishListing(listing, ct);
        Activity.Current?.SetTag("mvno.directory.ex_directory", listing.ExDirectory); // clean precision-about
        logger.LogInformation("Directory listing changed {Listing}", listing); // leak TC1001 logging-objects
        logger.LogInformation("Directory listing for {Subscriber} now {State}", pseudonymizer.ComputeMvnoSubscriberId(subscriber.AccountNumber), listed ? "listed" : "ex-directory"); // clean precision-pseudonym
        logger.LogInformation("Directory listing published in {District}", subscriber.Postcode.Split(' ')[0]); // clean precision-about
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Traded-in handset {Imei} graded {Grade}")]
    private static partial void LogTradeInGraded(ILogger logger, string imei, string grade);
}
