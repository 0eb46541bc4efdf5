namespace PrivacyHoldout209.Retail;

public sealed record KitOrderRequest(string MemberRef, string ShirtName, int ShirtNumber, string Size, string ParentEmail, string ParentPhone, IReadOnlyList<KitLine> Lines);

/// <summary>A sports retailer's club kit shop: junior kit orders with a printed name and number.</summary>
[ApiController]
[Route("api/club-kit")]
public sealed partial class ClubKitOrdersController(
    IKitSupplier supplier,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    KitShopOptions options,
    ILogger<ClubKitOrdersController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout209.Retail.ClubKit");
    private static readonly Meter Meter = new("PrivacyHoldout209.Retail.ClubKit");
    private static readonly Counter<long> ShirtsPrinted = Meter.CreateCounter<long>("kit.shirts.printed");

    private readonly List<string> _rejectedPrintNames = new();

    [HttpPost("orders")]
    public async Task<ActionResult> PlaceOrder([FromBody] KitOrderRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartKitroomOperation(options.Store);
        span.SetKitroomKind("shirt"); // clean generated-api
        span.SetKitroomCount(request.Lines.Sum(l => l.Quantity)); // clean generated-api
        span.SetKitroomMemberId(pseudonymizer.PseudonymizeKitroomMemberId(request.MemberRef)); // clean precision-pseudonym
        span.Activity?.SetTag("kit.shirt_number", request.ShirtNumber); // clean precision-about
        span.Activity?.SetTag("kit.size", request.Size); // clean precision-about
        span.Activity?.SetTag("kit.print_name", request.ShirtName); // leak TC1001 direct
        span.Activity?.SetTag("kit.print_name_length", request.ShirtName.Length); // clean precision-about
        span.Activity?.SetTag("kit.print_name_too_long", request.ShirtName.Length > options.MaxPrintedNameLength); // clean precision-about
        span.Activity?.SetTag(KitroomAttributes.Contact, request.ParentPhone); // leak TC1001 generated-api
        span.Activity?.SetTag(KitroomAttributes.Contact, pseudonymizer.ComputeKitroomMemberId(request.ParentEmail)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("kit.parent_phone_given", !string.IsNullOrEmpty(request.ParentPhone)); // clean precision-about
        span.Activity?.SetTag("kit.member_ref", request.MemberRef); // leak TC1001 direct
        span.Activity?.SetTag("kit.skus", string.Join(",", request.Lines.Select(l => l.Sku))); // clean strings

        var label = $"{request.ShirtName.ToUpperInvariant()} #{request.ShirtNumber}";
        span.SetKitroomNote(label); // leak TC1001 generated-api
        span.SetKitroomNote($"#{request.ShirtNumber} size {request.Size}"); // clean generated-api

        foreach (var line in request.Lines)
        {
            logger.LogInformation("Kit line {@Line}", line); // clean logging-objects
        }

        if (request.ShirtName.Length > options.MaxPrintedNameLength)
        {
            _rejectedPrintNames.Add(request.ShirtName);
            span.SetKitroomOutcome("rejected"); // clean generated-api
            return BadRequest("Name too long to print");
        }

        var order = new KitOrder(Guid.NewGuid().ToString("N"), request.MemberRef, request.ShirtName, request.ShirtNumber, request.Size, request.ParentEmail);
        try
        {
            var supplierRef = await supplier.PlaceAsync(order, cancellationToken);
            span.Activity?.SetTag("kit.supplier_ref", supplierRef); // clean precision-names
            span.Activity?.SetTag("kit.order_id", order.OrderId); // clean precision-names
            logger.LogInformation("Order placed {Order}", order); // leak TC1001 logging-objects
            logger.LogInformation("Order placed {@Order}", order with { MemberRef = "", ShirtName = "", ParentEmail = "" }); // clean logging-objects
            logger.LogInformation("Order placed {@Order}", order with { ShirtName = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Order {OrderId} for {ParentEmailDomain}", order.OrderId, order.ParentEmail.Split('@')[1]); // clean precision-about
            LogPrinted(logger, order.OrderId, order.ShirtName); // clean logging-objects
            LogPrintedPlain(logger, order.OrderId, order.ShirtName); // leak TC1001 logging-objects
            ShirtsPrinted.Add(1, new KeyValuePair<string, object?>("size", order.Size)); // clean precision-about
            ShirtsPrinted.Add(1, new KeyValuePair<string, object?>("print_name", order.ShirtName)); // leak TC1003 direct
            Meter.CreateKitroomOperationsCounter().Add(1, options.Store, "accepted"); // clean generated-api
            Meter.CreateKitroomOperationsCounter().Add(1, options.Store, order.MemberRef); // leak TC1003 generated-api
            return Ok(new { order.OrderId });
        }
        catch (KitOutOfStockException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Out of stock"); // clean exceptions
            logger.LogKitroomOperationFailedEvent(options.Store, "rejected", pseudonymizer.PseudonymizeKitroomMemberId(request.MemberRef), ex.Message); // clean exceptions
            return BadRequest(ex.Message);
        }
        catch (PaymentDeclinedException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.Activity?.SetStatus(ActivityStatusCode.Error, "payment declined"); // clean exceptions
            logger.LogError("Payment declined: {Message}", ex.Message); // leak TC1001 exceptions
            return BadRequest("Payment declined");
        }
    }

    [HttpGet("rejected-names")]
    public ActionResult RejectedNames()
    {
        Activity.Current?.SetTag("kit.rejected_names.count", _rejectedPrintNames.Count); // clean cross-member
        Activity.Current?.SetTag("kit.rejected_names", string.Join("|", _rejectedPrintNames)); // leak TC1001 cross-member
        return Ok(_rejectedPrintNames.Count);
    }

    [HttpGet("orders/{orderId}/track")]
    public ActionResult Track(string orderId, string memberRef)
    {
        using var activity = Source.StartActivity("kit.track");
        activity?.SetTag("kit.order_id", orderId); // clean precision-names
        var bucket = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(memberRef)))[..6];
        activity?.SetTag("kit.member_bucket", bucket); // clean hashes
        var weak = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(memberRef)));
        activity?.SetTag("kit.member_sha1", weak); // leak TC1002 hashes
        activity?.SetTag("kit.member_code", memberRef.GetHashCode() & 0xFFFF); // leak TC1002 hashes
        using (logger.BeginScope(new Dictionary<string, object?> { ["OrderId"] = orderId, ["MemberRef"] = memberRef })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Tracking requested"); // clean logging-objects
        }

        Meter.CreateKitroomOperationDurationHistogram().Record(0.05, options.Store); // clean generated-api
        return Ok(orderId);
    }

    [LoggerMessage(EventId = 9601, Level = LogLevel.Information, Message = "Order {OrderId} printed with {ShirtName}")]
    private static partial void LogPrinted(ILogger logger, string orderId, [PrivateData] string shirtName);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Information, Message = "Order {OrderId} printed with {ShirtName}")]
    private static partial void LogPrintedPlain(ILogger logger, string orderId, string shirtName);
}
