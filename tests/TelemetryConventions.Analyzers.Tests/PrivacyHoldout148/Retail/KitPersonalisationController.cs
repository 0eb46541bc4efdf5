namespace PrivacyHoldout148.Retail;

/// <summary>Takes personalised kit orders (a printed name and number on a replica shirt) in the club shop.</summary>
[ApiController]
[Route("api/kit/personalise")]
public sealed class KitPersonalisationController(
    IPrintShop printShop,
    Pseudonymizer pseudonymizer,
    LeagueOptions options,
    Meter meter,
    ILogger<KitPersonalisationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("ClubShop.Kit.Personalisation");
    private readonly Counter<long> _orders = meter.CreateCounter<long>("kitshop.personalised.orders");

    [HttpPost]
    public async Task<ActionResult> Personalise([FromBody] KitOrder order, CancellationToken cancellationToken)
    {
        using var span = Source.StartKitshopOperation("web");
        span.SetKitshopCustomerId(pseudonymizer.PseudonymizeKitshopCustomerId(order.CustomerId)); // clean generated-api
        span.SetKitshopItemCount(1); // clean generated-api
        Activity.Current?.SetTag("kit.order", order.OrderId); // clean precision-about
        Activity.Current?.SetTag("kit.sku", order.ProductSku); // clean precision-names
        Activity.Current?.SetTag("kit.size", order.Size); // clean precision-about
        Activity.Current?.SetTag("kit.print.number", order.PrintNumber); // clean precision-about
        Activity.Current?.SetTag("kit.print.name", order.PrintName); // leak TC1001 direct
        Activity.Current?.SetTag("kit.print.name_length", order.PrintName.Length); // clean precision-about
        Activity.Current?.SetTag("kit.print.name_too_long", order.PrintName.Length > options.MaxPrintNameLength); // clean precision-about

        try
        {
            if (order.PrintName.Contains("**", StringComparison.Ordinal))
            {
                throw new ProfanityRejectedException(order.PrintName);
            }
            if (order.Size == "XXXS")
            {
                throw new SizeOutOfStockException(order.ProductSku, order.Size);
            }
            await printShop.QueueAsync(order.OrderId, order.PrintName, order.PrintNumber, cancellationToken);
        }
        catch (ProfanityRejectedException ex)
        {
            logger.LogWarning(ex, "Print name refused for order {OrderId}", order.OrderId); // leak TC1001 exceptions
            span.SetKitshopOutcome("profanity"); // clean generated-api
            logger.LogKitshopOperationFailedEvent("web", "profanity", kitshopNote: ex.Message); // leak TC1001 generated-api
            return BadRequest("print-name");
        }
        catch (SizeOutOfStockException ex)
        {
            logger.LogWarning(ex, "Out of stock for order {OrderId}", order.OrderId); // clean exceptions
            span.SetKitshopNote(ex.Message); // clean exceptions
            return BadRequest("size");
        }

        _orders.Add(1, new KeyValuePair<string, object?>("sku", order.ProductSku), new KeyValuePair<string, object?>("size", order.Size)); // clean precision-names
        _orders.Add(1, new KeyValuePair<string, object?>("customer", order.CustomerId)); // leak TC1003 direct
        logger.LogInformation("Kit order {@Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Kit order for {Customer}", order.CustomerEmail); // leak TC1001 direct
        logger.LogInformation("Kit order {OrderId} for customer {Customer}", order.OrderId, pseudonymizer.ComputeKitshopCustomerId(order.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag(KitshopAttributes.Contact, order.CustomerEmail); // leak TC1001 generated-api
        return Ok(order.OrderId);
    }
}
