namespace PrivacyHoldout165.Retail;

/// <summary>The web shop's DNA test kit orders (ancestry and ancestry-plus-health kits, gift packs).</summary>
[ApiController]
[Route("api/kits/orders")]
public sealed class DnaKitOrderController(
    IKitOrders orders,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DnaKitOrderController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Shop.KitOrders");
    private readonly Counter<long> _ordered = meter.CreateCounter<long>("kits.ordered");

    [HttpGet("{orderId}")]
    public async Task<ActionResult> Get(string orderId)
    {
        using var span = Source.StartDnakitOperation("web");
        span.Activity?.SetTag("order.id", orderId); // clean precision-names
        var order = await orders.FindAsync(orderId);
        if (order is null)
        {
            return NotFound();
        }

        span.SetDnakitCustomerId(pseudonymizer.PseudonymizeDnakitCustomerId(order.CustomerNumber)); // clean generated-api
        span.SetDnakitProduct(order.Product); // clean generated-api
        span.SetDnakitKitCount(order.Quantity); // clean generated-api
        span.Activity?.SetTag("order.postcode_district", order.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("order.postcode", order.Postcode); // leak TC1001 direct
        span.Activity?.SetTag("customer.number", order.CustomerNumber); // leak TC1001 direct
        span.Activity?.SetTag("order.summary", string.Format(CultureInfo.InvariantCulture, "{0}x {1} to {2}", order.Quantity, order.Product, order.Email)); // leak TC1001 strings
        span.Activity?.SetTag("customer.email_domain", order.Email[(order.Email.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Order {OrderId} for {Email}", order.OrderId, order.Email); // leak TC1001 direct
        logger.LogInformation("Order {Order}", order); // leak TC1001 logging-objects
        _ordered.Add(order.Quantity, new KeyValuePair<string, object?>("product", order.Product)); // clean precision-about
        _ordered.Add(order.Quantity, new KeyValuePair<string, object?>("customer", order.CustomerNumber)); // leak TC1003 direct
        var cohort = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(order.CustomerNumber))) % 10;
        _ordered.Add(order.Quantity, new KeyValuePair<string, object?>("ab.cohort", cohort)); // clean hashes
        var legacyCohort = BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(order.CustomerNumber)));
        span.Activity?.SetTag("ab.legacy", legacyCohort); // leak TC1002 hashes
        return Ok(order.OrderId);
    }

    [HttpPost("{orderId}/gift")]
    public async Task<ActionResult> Gift(string orderId, string recipientName, string giftMessage)
    {
        using var activity = Source.StartActivity("kits.gift");
        activity?.SetTag("gift.message_length", giftMessage.Length); // clean precision-about
        activity?.SetTag("gift.message", giftMessage); // leak TC1001 direct
        activity?.SetTag("gift.card", $"For {recipientName}: {giftMessage}"); // leak TC1001 strings
        try
        {
            var order = await orders.FindAsync(orderId) ?? throw new KitOutOfStockException("DNA-GIFT-01");
            return Ok(order.OrderId);
        }
        catch (KitOutOfStockException ex)
        {
            activity?.AddException(ex); // clean exceptions
            return BadRequest(ex.Message);
        }
    }
}
