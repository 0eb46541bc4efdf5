namespace PrivacyHoldout205.Retail;

public sealed record TaxiCallRequest(string LoyaltyNumber, string CustomerName, string Mobile, string DropAddress, int Bags);

/// <summary>A retailer's free phone to the local taxi firm: bookings for customers, ride receipts and complaints.</summary>
[ApiController]
[Route("api/stores/{storeId}/taxi")]
public sealed partial class StoreTaxiController(
    IBookingClient bookings,
    IComplaintStore complaints,
    IReceiptMailer mailer,
    Pseudonymizer pseudonymizer,
    LicensingOptions options,
    ILogger<StoreTaxiController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Shopwell.StoreTaxi");
    private static readonly Meter Meter = new("Shopwell.StoreTaxi");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("store.taxi.calls");

    private string? _lastMobile;
    private string? _lastBookingRef;

    [HttpPost("calls")]
    public async Task<ActionResult> Call(string storeId, [FromBody] TaxiCallRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartStorecabOperation(storeId);
        span.SetStorecabClientId(pseudonymizer.PseudonymizeStorecabClientId(request.LoyaltyNumber)); // clean precision-pseudonym
        span.SetStorecabItems(request.Bags); // clean generated-api
        span.SetStorecabKind("freephone"); // clean generated-api
        span.SetStorecabNote($"drop at {request.DropAddress}"); // leak TC1001 generated-api
        span.SetStorecabNote($"{request.Bags} bags, drop postcode district {request.DropAddress.Split(' ')[^2]}"); // clean generated-api
        Activity.Current?.SetTag("store.id", storeId); // clean precision-names
        Activity.Current?.SetTag("store.customer.loyalty", request.LoyaltyNumber); // leak TC1001 direct
        Activity.Current?.SetTag("store.customer.mobile", request.Mobile); // leak TC1001 direct
        Activity.Current?.SetTag("store.customer.name", request.CustomerName); // leak TC1001 direct
        Activity.Current?.SetTag("store.customer.tier", "gold"); // clean precision-names
        Activity.Current?.SetTag("store.customer.signed_in", HttpContext.User.IsAuthenticated); // clean precision-about
        Activity.Current?.SetTag("store.customer.subject", HttpContext.User.SubjectId); // leak TC1001 direct
        Activity.Current?.SetTag("http.user_agent", HttpContext.RequestHeaders["User-Agent"]); // clean precision-names
        _lastMobile = request.Mobile;
        logger.LogInformation("Taxi call {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Taxi call {@Request}", request with { Mobile = "***" }); // leak TC1001 logging-objects
        logger.LogInformation("Taxi call {@Request}", new { storeId, request.Bags }); // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["Store"] = storeId, ["Bags"] = request.Bags })) // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["Store"] = storeId, ["Mobile"] = request.Mobile })) // leak TC1001 logging-objects
        {
            var booking = await bookings.BookAsync(request.LoyaltyNumber, request.DropAddress, cancellationToken);
            _lastBookingRef = booking.BookingRef;
            logger.LogInformation("Taxi booked {BookingRef} with firm {FirmCode}", booking.BookingRef, booking.FirmCode); // clean precision-names
            logger.LogInformation("Taxi booked {Booking}", booking); // leak TC1001 logging-objects
            Log.TaxiBooked(logger, request.Mobile, booking.BookingRef); // clean logging-objects
            Log.TaxiBookedFor(logger, request.CustomerName, booking.BookingRef); // leak TC1001 logging-objects
        }

        Calls.Add(1, new KeyValuePair<string, object?>("store.id", storeId)); // clean precision-names
        Calls.Add(1, new KeyValuePair<string, object?>("store.customer", pseudonymizer.PseudonymizeStorecabClientId(request.LoyaltyNumber))); // leak TC1003 precision-pseudonym
        Calls.Add(1, new KeyValuePair<string, object?>("store.customer.mobile", request.Mobile)); // leak TC1003 direct
        Meter.CreateStorecabOperationsCounter().Add(1, storeId, "booked"); // clean generated-api
        return Ok();
    }

    [HttpPost("receipts")]
    public async Task<ActionResult> EmailReceipt(string storeId, [FromBody] RideReceipt receipt, string email, CancellationToken cancellationToken)
    {
        try
        {
            await mailer.SendAsync(email, receipt, cancellationToken);
            Activity.Current?.SetTag("store.receipt", receipt.ReceiptNumber); // clean precision-names
            Activity.Current?.SetTag("store.receipt.card_last4", receipt.CardLast4); // clean precision-about
            Activity.Current?.SetTag("store.receipt.fare", (double)receipt.Fare); // clean precision-about
            Activity.Current?.SetTag("store.receipt.email", email); // leak TC1001 direct
            logger.LogInformation("Receipt mailed {@Receipt}", receipt); // clean logging-objects
            logger.LogInformation($"Receipt {receipt.ReceiptNumber} mailed to {email}"); // leak TC1001 strings
            logger.LogInformation($"Receipt {receipt.ReceiptNumber} mailed for trip {receipt.TripRef}"); // clean strings
            return Ok();
        }
        catch (PassengerNotFoundException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogStorecabOperationFailedEvent(storeId, "failed", storecabNote: ex.GetType().Name); // clean generated-api
            logger.LogWarning(ex, "Receipt not mailed for {ReceiptNumber}", receipt.ReceiptNumber); // leak TC1001 exceptions
            return NotFound();
        }
        catch (ReceiptNotFoundException ex)
        {
            logger.LogWarning(ex, "Receipt missing"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return NotFound();
        }
    }

    [HttpGet("callback")]
    public ActionResult Callback(string storeId)
    {
        Activity.Current?.SetTag("store.callback.mobile", _lastMobile); // leak TC1001 cross-member
        Activity.Current?.SetTag("store.callback.booking", _lastBookingRef); // clean cross-member
        var hash = (_lastMobile ?? string.Empty).GetHashCode();
        Activity.Current?.SetTag("store.callback.key", hash); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(_lastMobile ?? string.Empty))[0] % options.Shards;
        Activity.Current?.SetTag("store.callback.shard", shard); // clean hashes
        return Ok(storeId);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2056, Level = LogLevel.Information, Message = "Taxi booked for {Mobile}: {BookingRef}")]
        public static partial void TaxiBooked(ILogger logger, [PrivateData] string mobile, string bookingRef);

        [LoggerMessage(EventId = 2057, Level = LogLevel.Information, Message = "Taxi booked for {CustomerName}: {BookingRef}")]
        public static partial void TaxiBookedFor(ILogger logger, string customerName, string bookingRef);
    }
}
