using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Retail;

/// <summary>A customer buying a sofa or a washing machine asks the crew to take the old one away.</summary>
public sealed record TakeBackOrder(string OrderId, string CustomerId, string CustomerName, string Email, string Mobile, string DeliveryAddress, string Postcode, string ItemType, int Quantity, string Store);

/// <summary>A crew's run: no customer in it.</summary>
public sealed record CrewRun(string RunId, string Depot, string VanId, int Drops, int TakeBacks);

/// <summary>A take-back the crew could not do: the message quotes the delivery address.</summary>
public sealed class TakeBackRefusedException(string address, string reason) : Exception($"Take-back refused at {address}: {reason}");

/// <summary>The WEEE compliance scheme's API failed: the message quotes its status code.</summary>
public sealed class ComplianceSchemeException(int status) : Exception($"WEEE scheme returned {status}");

[ApiController]
[Route("api/takeback")]
public sealed partial class TakeBackController(
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TakeBackController> logger) : ControllerBase
{
    private static readonly Counter<long> TakeBacks = new Meter("Retailer.TakeBack").CreateCounter<long>("takeback.items");
    private readonly Queue<TakeBackOrder> _refused = new();

    [HttpPost]
    public ActionResult Schedule([FromBody] TakeBackOrder order)
    {
        using var span = source.StartTakebackOperation(order.Store);
        span.SetTakebackResidentId(pseudonymizer.PseudonymizeTakebackResidentId(order.CustomerId)); // clean generated-api
        span.SetTakebackItems(order.Quantity); // clean generated-api
        span.SetTakebackKind(order.ItemType); // clean generated-api
        span.SetTakebackNote($"take back {order.Quantity} x {order.ItemType} on order {order.OrderId}"); // clean generated-api
        span.SetTakebackNote($"ring {order.Mobile} on arrival"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("order.id", order.OrderId); // clean precision-names
        activity?.SetTag("customer.id", order.CustomerId); // leak TC1001 direct
        activity?.SetTag("customer.tier", "standard"); // clean precision-names
        activity?.SetTag("customer.mobile", order.Mobile); // leak TC1001 direct
        activity?.SetTag("customer.email.domain", order.Email.Split('@').Last()); // clean precision-about
        activity?.SetTag("delivery.postcode.outward", order.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("delivery.address", order.DeliveryAddress); // leak TC1001 direct
        activity?.SetTag("takeback.item_type", order.ItemType); // clean precision-names
        activity?.SetTag("user_agent", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : null); // clean precision-names
        activity?.SetTag("enduser.id", HttpContext.User.SubjectId); // leak TC1001 direct
        activity?.SetTag("enduser.email", HttpContext.User.Email); // leak TC1001 direct
        TakeBacks.Add(order.Quantity, new KeyValuePair<string, object?>("store", order.Store), new KeyValuePair<string, object?>("item", order.ItemType)); // clean precision-names
        TakeBacks.Add(order.Quantity, new KeyValuePair<string, object?>("postcode", order.Postcode)); // leak TC1003 direct
        meter.CreateTakebackOperationsCounter().Add(1, order.Store, "scheduled"); // clean generated-api

        Scheduled(logger, order.OrderId, order.CustomerName, order.ItemType); // clean logging-objects
        logger.LogInformation("Take-back {@Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Take-back {Order}", order with { Mobile = "", Email = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Take-back {Order}", new { order.OrderId, order.ItemType, order.Quantity, order.Store }); // clean logging-objects
        logger.LogInformation("Take-back for " + order.CustomerName + " on " + order.OrderId); // leak TC1001 strings
        logger.LogInformation("Take-back for order " + order.OrderId + " of " + order.Quantity + " items"); // clean strings
        using (logger.BeginScope(new Dictionary<string, object> { ["OrderId"] = order.OrderId, ["Store"] = order.Store })) // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["Customer"] = order.CustomerId })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Crew notified"); // clean precision-names
        }

        return Ok(order.OrderId);
    }

    [HttpPost("refused")]
    public ActionResult Refused([FromBody] TakeBackOrder order, string reason)
    {
        _refused.Enqueue(order);
        var ex = new TakeBackRefusedException(order.DeliveryAddress, reason);
        using var span = source.StartTakebackOperation(order.Store);
        span.SetTakebackOutcome("refused"); // clean generated-api
        span.SetTakebackNote(ex.Message); // leak TC1001 generated-api
        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        Activity.Current?.SetStatus(ActivityStatusCode.Error, "take-back refused"); // clean exceptions
        logger.LogTakebackOperationFailedEvent(order.Store, "refused", pseudonymizer.PseudonymizeTakebackResidentId(order.CustomerId), reason); // clean generated-api
        return BadRequest("refused");
    }

    [HttpGet("refused")]
    public ActionResult RefusedList()
    {
        Activity.Current?.SetTag("takeback.refused.next", _refused.Peek().CustomerName); // leak TC1001 cross-member
        Activity.Current?.SetTag("takeback.refused.count", _refused.Count); // clean cross-member
        return Ok();
    }

    public void Report(int status, CrewRun run)
    {
        var ex = new ComplianceSchemeException(status);
        logger.LogError(ex, "WEEE return failed for run {@Run}", run); // clean exceptions
        Activity.Current?.AddException(ex); // clean exceptions
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Take-back on {OrderId} for {CustomerName}: {ItemType}")]
    private static partial void Scheduled(ILogger logger, string orderId, [PrivateData] string customerName, string itemType);
}
