namespace PrivacyHoldout182.Energy;

/// <summary>Consumes scrap yards' reports of cable and meters offered to them (the topic is keyed by delivery id) for the network's metal-theft desk.</summary>
public sealed partial class ScrapYardReportsConsumer(
    IConsumer<string, ScrapDelivery> deliveries,
    IPoliceNotifier police,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ScrapYardReportsConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Network.MetalTheft");
    private static readonly Meter TheftMeter = new("Network.MetalTheft");
    private static readonly Counter<double> Kilograms = TheftMeter.CreateCounter<double>("metaltheft.scrap.kg");
    private readonly ScrapdeskOperationsCounter operations = TheftMeter.CreateScrapdeskOperationsCounter();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = deliveries.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var delivery = result.Message.Value;
            using var span = Source.StartScrapdeskOperation("north-yards");
            span.SetScrapdeskItemCategory(delivery.Metal); // clean generated-api
            span.SetScrapdeskSellerId(pseudonymizer.PseudonymizeScrapdeskSellerId(delivery.SellerName)); // clean precision-pseudonym
            span.SetScrapdeskNote($"Van {delivery.VehicleRegistration} delivered {delivery.WeightKg} kg"); // leak TC1001 generated-api
            span.SetScrapdeskNote($"{delivery.WeightKg} kg of {delivery.Metal}, marking {delivery.CableMarking}"); // clean generated-api
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            span.Activity?.SetTag("metaltheft.cable.marking", delivery.CableMarking); // clean precision-names
            span.Activity?.SetTag("metaltheft.seller.address", delivery.SellerAddress); // leak TC1001 direct
            span.Activity?.SetTag("metaltheft.vehicle.registration", delivery.VehicleRegistration); // leak TC1001 direct
            span.Activity?.SetTag("metaltheft.vehicle.prefix", delivery.VehicleRegistration[..2]); // clean precision-about
            Kilograms.Add((double)delivery.WeightKg, new KeyValuePair<string, object?>("metal", delivery.Metal)); // clean precision-names
            Kilograms.Add((double)delivery.WeightKg, new KeyValuePair<string, object?>("vehicle", delivery.VehicleRegistration)); // leak TC1003 direct

            if (delivery.CableMarking.StartsWith("NET-", StringComparison.Ordinal))
            {
                var notification = new PoliceNotification(delivery.DeliveryId, "BTP", "metal.theft@btp.police.uk", "", delivery.SellerName, delivery.CableMarking);
                await police.SendAsync(notification, stoppingToken);
                span.SetScrapdeskOutcome("reported"); // clean generated-api
                logger.LogWarning("Network cable at a yard; delivery {DeliveryId}, marking {Marking}", delivery.DeliveryId, delivery.CableMarking); // clean precision-names
                logger.LogWarning("Network cable sold by {Seller} at {Address}", delivery.SellerName, delivery.SellerAddress); // leak TC1001 direct
                CableReported(logger, delivery.DeliveryId, delivery.SellerName); // clean precision-names
                CableReportedPlain(logger, delivery.DeliveryId, delivery.SellerName); // leak TC1001 direct
                operations.Add(1, "north-yards", "reported"); // clean generated-api
            }

            logger.LogInformation("Delivery {Delivery}", delivery); // leak TC1001 logging-objects
            logger.LogInformation("Delivery {Delivery}", delivery with { SellerName = "", SellerAddress = "", VehicleRegistration = "" }); // clean logging-objects
            deliveries.Commit(result);
        }
    }

    public void MeterRecovered(RecoveredMeter meter, Exception? lookupFailure)
    {
        using var activity = Source.StartActivity("metaltheft.meter.recovered");
        activity?.SetTag("metaltheft.yard", meter.Yard); // clean precision-names
        activity?.SetTag("metaltheft.meter.model", meter.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("metaltheft.meter.serial", meter.MeterSerial); // leak TC1001 direct
        activity?.SetTag("metaltheft.account.b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(meter.AccountNumber))); // leak TC1001 hashes
        activity?.SetTag("metaltheft.account.hash", HashCode.Combine(meter.AccountNumber, meter.MeterSerial)); // leak TC1002 hashes
        activity?.SetTag("metaltheft.account.shard", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(meter.AccountNumber)))[..2]); // clean hashes
        Activity.Current?.SetBaggage("metaltheft.account", pseudonymizer.ComputeScrapdeskSellerId(meter.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("metaltheft.meter", meter.MeterSerial); // leak TC1001 direct
        logger.LogInformation("Meter recovered {@Meter}", meter); // leak TC1001 logging-objects
        if (lookupFailure is not null)
        {
            var missing = new SellerNotFoundException(meter.AccountNumber);
            logger.LogError(missing, "Account lookup failed for a recovered meter"); // leak TC1001 exceptions
            logger.LogError("Account lookup failed: {Error}", new RegisterUnavailableException("meter-registry", 503).Message); // clean exceptions
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} reported; seller {SellerName}")]
    private static partial void CableReported(ILogger logger, string deliveryId, [PrivateData] string sellerName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} reported to police; seller {SellerName}")]
    private static partial void CableReportedPlain(ILogger logger, string deliveryId, string sellerName);
}
