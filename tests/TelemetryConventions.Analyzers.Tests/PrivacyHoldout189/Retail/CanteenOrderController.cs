namespace PrivacyHoldout189.Retail;

public sealed record CanteenOrder(string OrderId, string PrisonNumber, string PrisonerName, string Wing, IReadOnlyList<string> Skus, decimal Total);

public sealed record CanteenBasketSummary(string OrderId, string Establishment, int Lines, decimal Total);

public sealed record PropertyParcel(string ParcelId, string PrisonNumber, string SenderName, string SenderAddress, string Contents, int Weight);

public sealed record PrivateCashDeposit(string DepositId, string PrisonNumber, string SenderName, string SenderEmail, decimal Amount, string CardLastFour);

[ApiController]
[Route("api/canteen")]
public sealed partial class CanteenOrderController(
    IPrisonerMoneyLedger ledger,
    IPrisonerIndex prisoners,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    EstablishmentOptions options,
    Meter meter,
    ILogger<CanteenOrderController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout189.Retail.Canteen");
    private readonly Counter<long> _orders = meter.CreateCounter<long>("canteenline.orders");
    private readonly Histogram<double> _spend = meter.CreateHistogram<double>("canteenline.order.total");
    private readonly Dictionary<string, int> _parcelsBySender = new();

    [HttpPost("orders")]
    public async Task<ActionResult> PlaceOrder([FromBody] CanteenOrder order, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("canteenline.order");
        activity?.SetTag("canteenline.order.id", order.OrderId); // clean precision-names
        activity?.SetTag("canteenline.order.lines", order.Skus.Count); // clean precision-about
        activity?.SetTag("canteenline.order.total", order.Total); // clean precision-about
        activity?.SetTag("canteenline.order.skus", string.Join(",", order.Skus)); // clean strings
        activity?.SetTag("canteenline.wing", order.Wing); // clean precision-about
        activity?.SetTag("canteenline.prisoner", order.PrisonerName); // leak TC1001 direct
        activity?.SetTag("canteenline.customer.id", order.PrisonNumber); // leak TC1001 direct
        activity?.SetTag("canteenline.prisoner.id", pseudonymizer.PseudonymizeCanteenlinePrisonerId(order.PrisonNumber)); // clean precision-pseudonym
        activity?.AddBaggage("canteenline.prisoner", pseudonymizer.ComputeCanteenlinePrisonerId(order.PrisonNumber)); // clean precision-pseudonym
        activity?.AddBaggage("canteenline.prison_number", order.PrisonNumber); // leak TC1001 direct

        var balance = await ledger.BalanceAsync(order.PrisonNumber, cancellationToken);
        if (balance < order.Total)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"insufficient spends for {order.PrisonNumber}"); // leak TC1001 strings
            activity?.SetStatus(ActivityStatusCode.Error, $"insufficient spends for order {order.OrderId}"); // clean strings
            logger.LogWarning("Order {OrderId} short by {Shortfall}", order.OrderId, order.Total - balance); // clean precision-about
            return BadRequest("insufficient spends");
        }

        if (order.Total > options.WeeklySpendsLimit)
        {
            logger.LogWarning("Order over weekly limit: {Order}", order); // leak TC1001 logging-objects
            logger.LogWarning("Order over weekly limit: {@Summary}", new CanteenBasketSummary(order.OrderId, options.EstablishmentCode, order.Skus.Count, order.Total)); // clean logging-objects
        }

        logger.LogInformation("Order placed {@Order}", new { order.OrderId, order.Wing, Lines = order.Skus.Count }); // clean logging-objects
        logger.LogInformation("Order placed {@Order}", new { order.OrderId, order.PrisonerName }); // leak TC1001 logging-objects
        LogOrderPlaced(logger, order.OrderId, order.PrisonNumber, order.PrisonerName); // clean precision-names
        using (logger.BeginScope(new Dictionary<string, object> { ["OrderId"] = order.OrderId, ["Wing"] = order.Wing })) // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["PrisonNumber"] = order.PrisonNumber })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Debiting spends"); // clean precision-names
        }

        _orders.Add(1, new KeyValuePair<string, object?>("wing", order.Wing)); // clean precision-names
        _orders.Add(1, new KeyValuePair<string, object?>("prison_number", order.PrisonNumber)); // leak TC1003 direct
        _spend.Record((double)order.Total, new KeyValuePair<string, object?>("establishment", options.EstablishmentCode)); // clean precision-names
        _spend.Record((double)order.Total, new KeyValuePair<string, object?>("prisoner", pseudonymizer.PseudonymizeCanteenlinePrisonerId(order.PrisonNumber).Value)); // leak TC1003 precision-pseudonym

        using var span = Source.StartCanteenlineOperation(options.EstablishmentCode);
        span.SetCanteenlinePrisonerId(pseudonymizer.PseudonymizeCanteenlinePrisonerId(order.PrisonNumber)); // clean generated-api
        span.SetCanteenlineKind("order"); // clean generated-api
        span.SetCanteenlineItems(order.Skus.Count); // clean generated-api
        span.SetCanteenlineNote($"order {order.OrderId} for {order.PrisonerName}"); // leak TC1001 generated-api
        span.SetCanteenlineOutcome("approved"); // clean generated-api
        meter.CreateCanteenlineOperationsCounter().Add(1, options.EstablishmentCode, "approved"); // clean generated-api
        meter.CreateCanteenlineOperationDurationHistogram().Record(0.05, options.EstablishmentCode); // clean generated-api
        return Ok(order.OrderId);
    }

    [HttpPost("deposits")]
    public ActionResult Deposit([FromBody] PrivateCashDeposit deposit)
    {
        using var activity = Source.StartActivity("canteenline.deposit");
        activity?.SetTag("canteenline.deposit.id", deposit.DepositId); // clean precision-names
        activity?.SetTag("canteenline.deposit.amount", deposit.Amount); // clean precision-about
        activity?.SetTag("canteenline.deposit.card_last_four", deposit.CardLastFour); // clean precision-about
        activity?.SetTag("canteenline.sender.email_domain", deposit.SenderEmail[(deposit.SenderEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("canteenline.sender.email", deposit.SenderEmail); // leak TC1001 direct
        activity?.SetTag(CanteenlineAttributes.Contact, deposit.SenderEmail); // leak TC1001 generated-api
        logger.LogInformation("Deposit {DepositId} from {Sender}", deposit.DepositId, deposit.SenderName); // leak TC1001 direct
        logger.LogInformation("Deposit {@Deposit}", deposit); // leak TC1001 logging-objects
        var senderKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deposit.SenderEmail.ToLowerInvariant())));
        activity?.SetTag("canteenline.sender.key", senderKey); // leak TC1002 hashes
        var senderShard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(deposit.SenderEmail)))[..4];
        activity?.SetTag("canteenline.sender.shard", senderShard); // clean hashes
        return Ok();
    }

    [HttpPost("parcels")]
    public async Task<ActionResult> ReceiveParcel([FromBody] PropertyParcel parcel, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("canteenline.parcel");
        activity?.SetTag("canteenline.parcel.id", parcel.ParcelId); // clean precision-names
        activity?.SetTag("canteenline.parcel.weight", parcel.Weight); // clean precision-about
        activity?.SetTag("canteenline.parcel.sender", parcel.SenderName); // leak TC1001 direct
        _parcelsBySender[parcel.SenderName] = _parcelsBySender.GetValueOrDefault(parcel.SenderName) + 1;

        try
        {
            var prisoner = await prisoners.FindAsync(parcel.PrisonNumber, cancellationToken) ?? throw new PrisonerNotFoundException(parcel.PrisonNumber);
            activity?.SetTag("canteenline.parcel.wing", prisoner.Wing); // clean precision-about
            logger.LogInformation("Parcel {@Parcel}", parcel); // leak TC1001 logging-objects
            return Ok();
        }
        catch (PrisonerNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogCanteenlineOperationFailedEvent(options.EstablishmentCode, "refused", default, "parcel returned: " + ex.Message); // leak TC1001 exceptions
            logger.LogError(ex.GetType().Name + " for parcel " + parcel.ParcelId); // clean exceptions
            return NotFound();
        }
        catch (PropertyLimitExceededException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Parcel over volumetric control"); // clean exceptions
            return BadRequest(ex.Message);
        }
    }

    [HttpGet("parcels/senders")]
    public ActionResult FrequentSenders()
    {
        using var activity = Source.StartActivity("canteenline.parcel.senders");
        activity?.SetTag("canteenline.senders.count", _parcelsBySender.Count); // clean cross-member
        activity?.SetTag("canteenline.senders.parcels", _parcelsBySender.Values.Sum()); // clean cross-member
        logger.LogInformation("Frequent senders {Senders}", _parcelsBySender.Where(p => p.Value > 3).Select(p => p.Key)); // leak TC1001 cross-member
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} placed for {PrisonNumber} {PrisonerName}")]
    private static partial void LogOrderPlaced(ILogger logger, string orderId, [PrivateData] string prisonNumber, [PrivateData] string prisonerName);
}
