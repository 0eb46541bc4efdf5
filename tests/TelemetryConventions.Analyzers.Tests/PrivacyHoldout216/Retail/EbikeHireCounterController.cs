namespace PrivacyHoldout216.Retail;

public sealed record CounterHire(string LoyaltyCardNumber, string CustomerName, string CustomerEmail, string StoreId, string BikeId, string DepositReference, int Hours);

public sealed record DamageCharge(string IncidentId, string StoreId, string BikeId, string CustomerEmail, string CardLastFour, decimal Amount, string DamageKind);

/// <summary>A retailer's in-store e-bike hire counters: hires, lost bikes and damage charges.</summary>
[ApiController]
[Route("api/stores/{storeId}/bike-hire")]
public sealed partial class EbikeHireCounterController(IFineGateway payments, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<EbikeHireCounterController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout216.Retail.BikeHire");
    private static readonly Meter Meter = new("PrivacyHoldout216.Retail.BikeHire");
    private static readonly Counter<long> Hires = Meter.CreateCounter<long>("store.bike_hires");
    private static readonly Histogram<double> Charges = Meter.CreateHistogram<double>("store.damage_charge", "GBP");

    private CounterHire? _lastHire;

    [HttpPost("")]
    public ActionResult Hire(string storeId, [FromBody] CounterHire hire)
    {
        using var activity = Source.StartActivity("store.bike_hire");
        _lastHire = hire;
        activity?.SetTag("store.id", storeId); // clean precision-names
        activity?.SetTag("hire.bike_id", hire.BikeId); // clean precision-names
        activity?.SetTag("hire.hours", hire.Hours); // clean precision-about
        activity?.SetTag("hire.deposit_reference", hire.DepositReference); // clean precision-names
        activity?.SetTag("customer.loyalty_card", hire.LoyaltyCardNumber); // leak TC1001 direct
        activity?.SetTag("customer.loyalty_card_length", hire.LoyaltyCardNumber.Length); // clean precision-about
        activity?.SetTag("customer.email_domain", hire.CustomerEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("customer.user", HttpContext.User.Email); // leak TC1001 direct
        activity?.SetTag("http.request_id", HttpContext.TraceIdentifier); // clean precision-names
        logger.LogInformation("Counter hire {Hire}", hire); // leak TC1001 logging-objects
        logger.LogInformation("Counter hire {@Hire}", new { hire.StoreId, hire.BikeId, hire.Hours }); // clean logging-objects
        logger.LogInformation("Counter hire for {Customer}", new { hire.CustomerName, hire.BikeId }); // leak TC1001 logging-objects
        logger.LogInformation("Hire at {StoreId}: " + hire.CustomerName, storeId); // leak TC1001 strings
        logger.LogInformation(string.Concat("Hire of ", hire.BikeId, " for ", hire.Hours.ToString(), "h")); // clean strings
        Hires.Add(1, new KeyValuePair<string, object?>("store.id", storeId)); // clean precision-names
        Hires.Add(1, new KeyValuePair<string, object?>("customer.loyalty_card", hire.LoyaltyCardNumber)); // leak TC1003 direct

        var customer = pseudonymizer.Pseudonymize(RideDomains.Rider, hire.LoyaltyCardNumber);
        using var span = Source.StartShoprideOperation(storeId);
        span.SetShoprideClientId(customer); // clean generated-api
        span.SetShoprideVehicleKind("ebike"); // clean generated-api
        span.SetShoprideMinutes(hire.Hours * 60); // clean generated-api
        span.SetShoprideNote(hire.CustomerEmail); // leak TC1001 generated-api
        Meter.CreateShoprideOperationsCounter().Add(1, storeId, "ok"); // clean generated-api
        Meter.CreateShoprideOperationDurationHistogram().Record(0.4, storeId); // clean generated-api
        activity?.SetTag("customer", customer.Value); // clean precision-pseudonym
        logger.LogInformation("Hire for {Customer}", customer); // clean precision-pseudonym
        Hires.Add(1, new KeyValuePair<string, object?>("customer", customer.Value)); // leak TC1003 precision-pseudonym
        return Ok(hire.DepositReference);
    }

    [HttpPost("lost")]
    public ActionResult ReportLost(string storeId, [FromBody] LostVehicleReport report)
    {
        using var activity = Source.StartActivity("store.bike_lost");
        activity?.SetTag("incident.id", report.IncidentId); // clean precision-names
        activity?.SetTag("hire.bike_id", report.VehicleId); // clean precision-names
        activity?.SetTag("lost.last_rider", report.LastRiderId); // leak TC1001 direct
        activity?.SetTag("lost.last_position", string.Join(";", report.LastLatitude, report.LastLongitude)); // leak TC1001 strings
        activity?.SetTag("lost.previous_customer", _lastHire?.CustomerName); // leak TC1001 cross-member
        activity?.SetTag("lost.previous_bike", _lastHire?.BikeId); // clean cross-member
        logger.LogWarning("Bike lost {Report}", report); // leak TC1001 logging-objects
        logger.LogWarning("Bike lost {Report}", report with { LastRiderId = "", LastLatitude = 0, LastLongitude = 0 }); // clean logging-objects
        logger.LogWarning("Bike {BikeId} lost from {StoreId}", report.VehicleId, storeId); // clean logging-objects
        return Ok();
    }

    [HttpPost("damage")]
    public async Task<ActionResult> ChargeDamage(string storeId, [FromBody] DamageCharge charge, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("store.damage_charge");
        activity?.SetTag("incident.id", charge.IncidentId); // clean precision-names
        activity?.SetTag("damage.kind", charge.DamageKind); // clean precision-about
        activity?.SetTag("damage.amount", (double)charge.Amount); // clean precision-about
        activity?.SetTag("payment.card_last_four", charge.CardLastFour); // clean precision-about
        Charges.Record((double)charge.Amount, new KeyValuePair<string, object?>("damage.kind", charge.DamageKind)); // clean precision-about
        logger.LogInformation("Damage charge {Charge}", charge); // leak TC1001 logging-objects
        logger.LogInformation("Damage {IncidentId} of {Kind} costs {Amount}", charge.IncidentId, charge.DamageKind, charge.Amount); // clean logging-objects
        var damage = new DamageReport(charge.IncidentId, charge.BikeId, charge.DamageKind, storeId, 2);
        logger.LogInformation("Damage report {Damage}", damage); // clean logging-objects
        var receiptKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(charge.CustomerEmail)));
        activity?.SetTag("receipt.customer_key", receiptKey); // leak TC1002 hashes
        var keyedCustomer = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(charge.CustomerEmail)));
        activity?.SetTag("receipt.customer_ref", keyedCustomer); // clean hashes
        try
        {
            var fineRef = await payments.IssueAsync(new Fine(charge.IncidentId, string.Empty, charge.CustomerEmail, charge.DamageKind, charge.Amount, charge.IncidentId), cancellationToken);
            activity?.SetTag("payment.reference", fineRef); // clean precision-names
        }
        catch (PaymentProviderException ex)
        {
            activity?.AddException(ex); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogShoprideOperationFailedEvent(storeId, "failed", default, ex.Message); // clean generated-api
        }
        catch (FineDisputedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogShoprideOperationFailedEvent(storeId, "disputed", default, ex.Message); // leak TC1001 exceptions
            LogDispute(logger, charge.IncidentId, charge.CustomerEmail); // clean logging-objects
        }

        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Charge {IncidentId} disputed by {CustomerEmail}")]
    private static partial void LogDispute(ILogger logger, string incidentId, [PrivateData] string customerEmail);
}
