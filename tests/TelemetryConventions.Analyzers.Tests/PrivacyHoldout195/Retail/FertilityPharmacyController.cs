namespace PrivacyHoldout195.Retail;

/// <summary>An online pharmacy's controller for fertility medicines (stimulation drugs, trigger shots, ovulation tests).</summary>
[ApiController]
[Route("api/fertility-orders")]
public sealed class FertilityPharmacyController(
    IPharmacyOrders orders,
    IPatientRegistry patients,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<FertilityPharmacyController> logger) : ControllerBase
{
    private readonly Counter<long> _orders = meter.CreateCounter<long>("pharmacy.fertility.orders");
    private readonly Histogram<int> _items = meter.CreateHistogram<int>("pharmacy.fertility.items");
    private MedicationOrder? _lastOrder;

    private string CustomerOf(MedicationOrder order) => order.CustomerId;

    private string DeliveryLabel => _lastOrder is null ? string.Empty : $"{_lastOrder.CustomerName}, {_lastOrder.DeliveryAddress}";

    [HttpPost]
    public ActionResult Place([FromBody] MedicationOrder order)
    {
        var activity = Activity.Current;
        _lastOrder = order;
        activity?.SetTag("pharmacy.order.id", order.OrderId); // clean precision-names
        activity?.SetTag("pharmacy.prescription.id", order.PrescriptionId); // clean precision-names
        activity?.SetTag("pharmacy.order.items", order.Items.Count); // clean precision-about
        activity?.SetTag("pharmacy.order.skus", string.Join(",", order.Items)); // clean strings
        activity?.SetTag("pharmacy.customer.id", CustomerOf(order)); // leak TC1001 cross-member
        activity?.SetTag("pharmacy.customer.name", order.CustomerName); // leak TC1001 direct
        activity?.SetTag("pharmacy.delivery.postcode", order.Postcode); // leak TC1001 direct
        activity?.SetTag("pharmacy.delivery.district", order.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("pharmacy.delivery.address", order.DeliveryAddress); // leak TC1001 direct
        activity?.SetTag("pharmacy.customer_segment.name", "fertility"); // clean precision-names
        activity?.SetTag("pharmacy.user_agent", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var agent) ? agent : "unknown"); // clean precision-names
        activity?.SetTag("pharmacy.account.email", HttpContext.User.Email); // leak TC1001 direct
        activity?.SetTag("pharmacy.account.subject", HttpContext.User.SubjectId); // leak TC1001 direct
        activity?.SetTag("pharmacy.account.authenticated", HttpContext.User.IsAuthenticated); // clean precision-about
        activity?.SetTag("pharmacy.trace_identifier", HttpContext.TraceIdentifier); // clean precision-names

        var customer = pseudonymizer.PseudonymizePharmacartPatientId(order.CustomerId);
        activity?.SetTag("pharmacy.customer", customer.Value); // clean precision-pseudonym
        Baggage.SetBaggage("pharmacy.customer", customer.Value); // clean precision-pseudonym
        _orders.Add(1, new KeyValuePair<string, object?>("cold_chain", order.Items.Any(i => i.StartsWith("COLD")))); // clean precision-about
        _orders.Add(1, new KeyValuePair<string, object?>("customer", customer.Value)); // leak TC1003 precision-pseudonym
        _orders.Add(1, new KeyValuePair<string, object?>("customer.id", order.CustomerId)); // leak TC1003 direct
        _items.Record(order.Items.Count, new KeyValuePair<string, object?>("postcode", order.Postcode)); // leak TC1003 direct

        using var span = source.StartPharmacartOperation("web-shop");
        span.SetPharmacartPatientId(customer); // clean generated-api
        span.SetPharmacartKind("self-funded"); // clean generated-api
        span.SetPharmacartMinutes(order.Items.Count); // clean generated-api
        span.SetPharmacartNote(DeliveryLabel); // leak TC1001 generated-api
        span.SetPharmacartStage(order.Postcode); // leak TC1001 generated-api
        span.SetPharmacartOutcome("placed"); // clean generated-api

        logger.LogInformation("Order placed {Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Order placed {@Order}", new { order.OrderId, order.PrescriptionId, Items = order.Items.Count }); // clean logging-objects
        logger.LogInformation("Order placed {@Order}", new { order.OrderId, order.CustomerName }); // leak TC1001 logging-objects
        logger.LogInformation("Order line {@Line}", new OrderLine("GONAL-F-900", 1, true)); // clean logging-objects
        logger.LogInformation("Order placed {@Order}", order with { DeliveryAddress = "", Postcode = "" }); // leak TC1001 logging-objects
        PharmacyLog.OrderAddressed(logger, order.OrderId, order.DeliveryAddress); // clean logging-objects
        PharmacyLog.OrderCustomer(logger, order.OrderId, order.CustomerId); // leak TC1001 logging-objects

        var courierNote = string.Format("Deliver to {0} at {1}", order.CustomerName, order.Postcode);
        logger.LogInformation("Courier note: {Note}", courierNote); // leak TC1001 strings
        var packingNote = string.Format("Pack {0} items for {1}", order.Items.Count, order.OrderId);
        logger.LogInformation("Packing note: {Note}", packingNote); // clean strings

        var basketKey = order.CustomerId.GetHashCode().ToString("x8");
        activity?.SetTag("pharmacy.basket.key", basketKey); // leak TC1002 hashes
        var keyedBasket = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(order.CustomerId)))[..8];
        activity?.SetTag("pharmacy.basket.key", keyedBasket); // clean hashes

        try
        {
            var placed = orders.Place(order);
            return Ok(placed.OrderId);
        }
        catch (PatientNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogPharmacartOperationFailedEvent("web-shop", "unknown-patient", customer, "patient record missing"); // clean generated-api
            return NotFound();
        }
        catch (ClinicSystemUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Dispensary unavailable for order {OrderId}", order.OrderId); // clean exceptions
            meter.CreatePharmacartOperationsCounter().Add(1, "web-shop", "unavailable"); // clean generated-api
            return BadRequest(ex.Message);
        }
    }

    [HttpGet("{orderId}/patient/{patientNumber}")]
    public ActionResult LinkToClinic(string orderId, string patientNumber)
    {
        var activity = Activity.Current;
        activity?.SetTag("pharmacy.order.id", orderId); // clean precision-names
        var patient = patients.Find(patientNumber);
        if (patient is null)
        {
            var error = new PatientNotFoundException(patientNumber);
            logger.LogWarning(error, "Prescription link failed for order {OrderId}", orderId); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, $"order {orderId}: no clinic patient"); // clean exceptions
            return NotFound();
        }

        activity?.SetTag("pharmacy.patient.mobile", patient.MobileNumber); // leak TC1001 direct
        activity?.SetTag("pharmacy.patient.mobile_country", patient.MobileNumber[..3]); // clean precision-about
        logger.LogInformation("Linked order {OrderId} to patient {Patient}", orderId, pseudonymizer.ComputePharmacartPatientId(patient.PatientNumber)); // clean precision-pseudonym
        logger.LogInformation("Linked order {OrderId} to {Name}", orderId, patient.FullName); // leak TC1001 direct
        return Ok();
    }
}

internal static partial class PharmacyLog
{
    [LoggerMessage(EventId = 8501, Level = LogLevel.Information, Message = "Order {OrderId} addressed to {DeliveryAddress}")]
    public static partial void OrderAddressed(ILogger logger, string orderId, [PrivateData] string deliveryAddress);

    [LoggerMessage(EventId = 8502, Level = LogLevel.Information, Message = "Order {OrderId} for customer {CustomerId}")]
    public static partial void OrderCustomer(ILogger logger, string orderId, string customerId);
}
