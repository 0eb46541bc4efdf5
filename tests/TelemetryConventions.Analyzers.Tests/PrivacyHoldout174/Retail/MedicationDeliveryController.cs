namespace PrivacyHoldout174.Retail;

/// <summary>The pharmacy delivers clients' medication to their homes; drivers let themselves in with the key safe when the client cannot come to the door.</summary>
[ApiController]
[Route("api/pharmacy/deliveries")]
public sealed class MedicationDeliveryController(ILogger<MedicationDeliveryController> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets) : ControllerBase
{
    private static readonly ActivitySource Source = new("Pharmacy.Deliveries");
    private static readonly Meter Meter = new("Pharmacy.Deliveries");
    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("pharmacy.deliveries");

    [HttpPost("")]
    public ActionResult Schedule([FromBody] MedicationDelivery delivery)
    {
        using var span = Source.StartCarepharmacyOperation("store-0412");
        span.SetCarepharmacyClientId(pseudonymizer.PseudonymizeCarepharmacyClientId(delivery.CustomerNumber)); // clean precision-pseudonym
        span.SetCarepharmacyItemCount(delivery.Items); // clean generated-api
        span.SetCarepharmacyNote(delivery.Address); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("delivery.id", delivery.DeliveryId); // clean precision-about
        activity?.SetTag("delivery.customer", delivery.CustomerNumber); // leak TC1001 direct
        activity?.SetTag("delivery.driver", delivery.DriverId); // leak TC1001 direct
        activity?.SetTag("delivery.key_safe", delivery.KeySafeCode is null ? "none" : "provided"); // clean precision-about

        var route = BuildRouteLabel(delivery);
        logger.LogInformation("Delivery routed as {Route}", route); // leak TC1001 cross-member
        logger.LogInformation("Delivery {DeliveryId} of {Items} items scheduled", delivery.DeliveryId, delivery.Items); // clean precision-about
        logger.LogDebug("Delivery {Delivery}", delivery); // leak TC1001 logging-objects

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var wave = hmac.ComputeHash(Encoding.UTF8.GetBytes(delivery.CustomerNumber))[0] % 4;
        Deliveries.Add(1, new KeyValuePair<string, object?>("wave", wave)); // clean hashes
        activity?.SetTag("delivery.customer_hash", HashCode.Combine(delivery.CustomerNumber)); // leak TC1002 hashes
        return Ok(delivery.DeliveryId);
    }

    private static string BuildRouteLabel(MedicationDelivery delivery) => $"{delivery.Address.Split(',')[0]}/{delivery.DeliveryId}";
}
