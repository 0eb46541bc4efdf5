namespace PrivacyHoldout162.Gaming;

[ApiController]
[Route("api/arena/orders")]
public sealed partial class ArenaSeatDeliveryController(Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<ArenaSeatDeliveryController> logger) : ControllerBase
{
    private static readonly Counter<long> SeatOrders = new Meter("Arena.Food").CreateCounter<long>("arena.seat.orders");

    [HttpPost("")]
    public ActionResult Place([FromBody] ArenaOrder order)
    {
        using var span = source.StartArenafoodOperation(order.Block);
        span.SetArenafoodPlayerId(pseudonymizer.PseudonymizeArenafoodPlayerId(order.PlayerId.ToString())); // clean precision-pseudonym
        span.SetArenafoodItemCount(order.Items); // clean precision-about
        span.SetArenafoodNote($"Seat {order.Block}-{order.Seat}, {order.Items} items"); // clean generated-api
        span.SetArenafoodNote($"Bring to {order.Gamertag} at {order.Seat}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("arena.order.id", order.OrderId); // clean precision-names
        Activity.Current?.SetTag("arena.seat", $"{order.Block}-{order.Seat}"); // clean strings
        Activity.Current?.SetTag("arena.gamertag", order.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("arena.player.id", order.PlayerId); // leak TC1001 direct
        Activity.Current?.SetBaggage("arena.player", pseudonymizer.ComputeArenafoodPlayerId(order.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetBaggage("arena.gamertag", order.Gamertag); // leak TC1001 direct
        SeatOrders.Add(1, new KeyValuePair<string, object?>("arena.block", order.Block)); // clean precision-about
        SeatOrders.Add(1, new KeyValuePair<string, object?>("arena.gamertag", order.Gamertag)); // leak TC1003 direct
        LogSeatOrder(logger, order.OrderId, order.Gamertag); // leak TC1001 logging-objects
        LogSeatOrderPrivate(logger, order.OrderId, order.Gamertag); // clean logging-objects
        logger.LogInformation("Arena order {@Order}", order); // leak TC1001 logging-objects
        meter.CreateArenafoodOrdersCounter().Add(1, order.Block, "placed"); // clean generated-api
        meter.CreateArenafoodOrdersCounter().Add(1, order.Block, order.Gamertag); // leak TC1003 generated-api
        return new OkResult(order.OrderId);
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Seat order {OrderId} for {Gamertag}")]
    private static partial void LogSeatOrder(ILogger logger, string orderId, string gamertag);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Seat order {OrderId} for {Gamertag}")]
    private static partial void LogSeatOrderPrivate(ILogger logger, string orderId, [PrivateData] string gamertag);
}
