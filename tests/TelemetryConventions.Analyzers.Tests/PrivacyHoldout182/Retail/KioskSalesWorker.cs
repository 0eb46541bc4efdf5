namespace PrivacyHoldout182.Retail;

/// <summary>Consumes phone sales from the buy-back kiosks (the topic is keyed by IMEI) and settles redemptions and forfeitures.</summary>
public sealed partial class KioskSalesWorker(
    IConsumer<string, KioskPhoneSale> consumer,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<KioskSalesWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Pawn.Kiosks");
    private static readonly Meter KioskMeter = new("Pawn.Kiosks");
    private static readonly Counter<long> PhonesBought = KioskMeter.CreateCounter<long>("pawn.kiosk.phones");
    private readonly PawncounterOperationsCounter operations = KioskMeter.CreatePawncounterOperationsCounter();
    private readonly PawncounterOperationDurationHistogram duration = KioskMeter.CreatePawncounterOperationDurationHistogram();
    private string lastLicence = "";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var sale = result.Message.Value;
            using var activity = Source.StartActivity("pawn.kiosk.sale");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("pawn.kiosk.id", sale.KioskId); // clean precision-names
            activity?.SetTag("pawn.phone.tac", sale.Imei[..8]); // clean precision-about
            activity?.SetTag("pawn.phone.imei", sale.Imei); // leak TC1001 direct
            activity?.SetTag("pawn.seller.thumbprint", Convert.ToBase64String(sale.Thumbprint)); // leak TC1001 direct
            activity?.SetTag("pawn.seller.thumbprint.bytes", sale.Thumbprint.Length); // clean precision-about
            lastLicence = sale.LicenceNumber;
            Baggage.SetBaggage("pawn.kiosk", sale.KioskId); // clean precision-names
            Baggage.SetBaggage("pawn.seller.licence", lastLicence); // leak TC1001 cross-member
            using (logger.BeginScope("Kiosk {KioskId} sale of {Imei}", sale.KioskId, sale.Imei)) // leak TC1001 direct
            {
                logger.LogInformation("Kiosk offered {Offer} for a phone", sale.Offer); // clean precision-about
            }

            using (logger.BeginScope(new Dictionary<string, object> { ["KioskId"] = sale.KioskId, ["Offer"] = sale.Offer })) // clean logging-objects
            {
                logger.LogInformation("Kiosk sale {Sale}", sale with { Imei = "", LicenceNumber = "", Thumbprint = [] }); // clean logging-objects
                logger.LogInformation("Kiosk sale {Sale}", sale with { Thumbprint = [] }); // leak TC1001 logging-objects
            }

            PhonesBought.Add(1, new KeyValuePair<string, object?>("kiosk", sale.KioskId)); // clean precision-names
            PhonesBought.Add(1, new KeyValuePair<string, object?>("seller", pseudonymizer.ComputePawncounterSellerId(sale.LicenceNumber))); // leak TC1003 precision-pseudonym
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(sale.Imei))[0] % 8;
            PhonesBought.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
            operations.Add(1, sale.KioskId, "accepted"); // clean generated-api
            operations.Add(1, sale.KioskId, sale.Imei); // leak TC1003 generated-api
            duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, sale.KioskId); // clean generated-api
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void Redeem(Redemption redemption, Seller customer)
    {
        using var span = Source.StartPawncounterOperation("online");
        span.SetPawncounterSellerId(pseudonymizer.PseudonymizePawncounterSellerId(redemption.CustomerId)); // clean precision-pseudonym
        span.SetPawncounterSellerId(Pseudonym.FromComputed(redemption.CustomerId)); // leak TC1001 precision-pseudonym
        span.SetPawncounterOutcome("redeemed"); // clean generated-api
        span.SetPawncounterNote($"Redeemed by {customer.FullName} via {redemption.Channel}"); // leak TC1001 generated-api
        span.Activity?.SetTag(PawncounterAttributes.Contact, customer.Email); // leak TC1001 generated-api
        logger.LogInformation("Redemption {Redemption}", redemption); // leak TC1001 logging-objects
        logger.LogInformation("Redemption of {Ticket} paid {Amount} via {Channel}", redemption.TicketNumber, redemption.AmountPaid, redemption.Channel); // clean precision-names
        logger.LogInformation("Receipt sent to domain {Domain}", customer.Email[(customer.Email.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Receipt sent to {Mobile}", customer.Mobile); // leak TC1001 direct
        logger.LogInformation("Customer born {DateOfBirth}", customer.DateOfBirth); // leak TC1001 direct
        RedemptionTexted(logger, redemption.TicketNumber, customer.Mobile); // clean precision-names
    }

    public void Forfeit(Forfeiture forfeiture, Pledge lapsed)
    {
        using var activity = Source.StartActivity("pawn.forfeit");
        activity?.SetTag("pawn.stock.number", forfeiture.StockNumber); // clean precision-names
        activity?.AddEvent(new ActivityEvent("pawn.forfeited", tags: new ActivityTagsCollection { ["ticket"] = forfeiture.TicketNumber, ["category"] = forfeiture.Category })); // clean precision-names
        logger.LogInformation("Forfeited {Forfeiture}", forfeiture); // clean logging-objects
        logger.LogInformation("Forfeited pledge of {Customer}", lapsed.CustomerName); // leak TC1001 direct
        var reminder = new StringBuilder("Final notice sent to ").Append(lapsed.CustomerId).Append(" for ").Append(forfeiture.TicketNumber).ToString();
        activity?.SetTag("pawn.notice", reminder); // leak TC1001 strings
        activity?.SetTag("pawn.notice.ticket", string.Concat("ticket-", forfeiture.TicketNumber)); // clean strings
        activity?.SetTag("pawn.customer.hash", lapsed.CustomerId.GetHashCode()); // leak TC1002 hashes
    }

    public void BuyGold(GoldPurchase purchase)
    {
        Activity.Current?.SetTag("pawn.gold.carat", purchase.Carat); // clean precision-about
        Activity.Current?.SetTag("pawn.gold.grams", (double)purchase.WeightGrams); // clean precision-about
        Activity.Current?.SetTag("pawn.gold.customer", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(purchase.CustomerId)))); // leak TC1002 hashes
        Activity.Current?.SetTag("pawn.gold.customer.key", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(purchase.CustomerId)))); // clean hashes
        logger.LogInformation("Gold purchase {Purchase}", purchase); // leak TC1001 logging-objects
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redemption {TicketNumber} texted to {Mobile}")]
    private static partial void RedemptionTexted(ILogger logger, string ticketNumber, [PrivateData] string mobile);
}
