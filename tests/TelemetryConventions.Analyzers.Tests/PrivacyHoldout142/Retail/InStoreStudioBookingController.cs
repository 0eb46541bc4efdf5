namespace PrivacyHoldout142.Retail;

/// <summary>The in-store studios' booking API: loyalty members book classes at the till or in the app, and give shoppers guest passes.</summary>
[ApiController]
[Route("api/studio/{store}/bookings")]
public sealed class InStoreStudioBookingController(
    IBookingEngine bookings,
    IGuestPassService guests,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<InStoreStudioBookingController> logger) : ControllerBase
{
    private readonly Counter<long> _bookings = meter.CreateCounter<long>("storefit.studio.bookings", "{booking}");
    private readonly List<string> _lateCancellers = [];

    [HttpPost("{classId}")]
    public async Task<ActionResult> BookAsync(string store, string classId, [FromBody] string loyaltyCardNumber)
    {
        using var span = source.StartStorefitOperation(store);
        span.SetStorefitCustomerId(pseudonymizer.PseudonymizeStorefitCustomerId(loyaltyCardNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("storefit.loyalty.last4", loyaltyCardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("storefit.loyalty.card", loyaltyCardNumber); // leak TC1001 direct
        var fitnessClass = await bookings.GetClassAsync(classId);
        span.SetStorefitStudio(fitnessClass.Studio); // clean generated-api
        try
        {
            var booking = await bookings.BookAsync(classId, loyaltyCardNumber);
            logger.LogInformation("Studio booking {BookingId} for class {Code} at {StartsAt}", booking.BookingId, fitnessClass.Code, fitnessClass.StartsAt); // clean precision-names
            _bookings.Add(1, new KeyValuePair<string, object?>("store", store), new("class", fitnessClass.Code)); // clean precision-names
            _bookings.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.PseudonymizeStorefitCustomerId(loyaltyCardNumber))); // leak TC1003 precision-pseudonym
            meter.CreateStorefitVisitsCounter().Add(1, storefitStore: store, storefitOutcome: "booked"); // clean generated-api
            return Ok(booking.BookingId);
        }
        catch (AlreadyBookedException ex)
        {
            logger.LogWarning(ex, "Duplicate studio booking"); // leak TC1001 exceptions
            logger.LogStorefitOperationFailedEvent(store, "already-booked", storefitNote: $"class {ex.ClassId}"); // clean generated-api
            return BadRequest();
        }
        catch (ClassFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return BadRequest(ex.Message);
        }
    }

    [HttpPost("{bookingId}/cancel")]
    public async Task<ActionResult> CancelAsync(string store, string bookingId, [FromBody] string loyaltyCardNumber)
    {
        try
        {
            await bookings.CancelAsync(bookingId);
            logger.LogInformation("Booking {BookingId} cancelled at store {Store}", bookingId, store); // clean precision-names
        }
        catch (LateCancellationException ex)
        {
            _lateCancellers.Add(loyaltyCardNumber);
            logger.LogInformation(ex, "Late cancellation of {BookingId}", ex.BookingId); // clean exceptions
        }

        return Ok();
    }

    [HttpPost("guest-pass")]
    public async Task<ActionResult> GuestPassAsync(string store, string hostCardNumber, string guestName, string guestEmail)
    {
        var policy = await guests.PolicyAsync(store);
        logger.LogInformation("Guest pass policy {Policy}", policy); // clean logging-objects
        var pass = await guests.IssueAsync(hostCardNumber, guestName, guestEmail, DateOnly.FromDateTime(DateTime.Today));
        Activity.Current?.SetTag("storefit.guest.id", pseudonymizer.ComputeStorefitGuestId(guestEmail)); // clean precision-pseudonym
        logger.LogInformation("Guest pass issued {Pass}", pass); // leak TC1001 logging-objects
        StudioLog.GuestPassIssued(logger, guestEmail, pass.ValidOn); // clean logging-objects
        return Ok(pass.PassId);
    }

    public void ReportLateCancellers()
    {
        Activity.Current?.SetTag("storefit.late.cancellers", string.Join(",", _lateCancellers)); // leak TC1001 cross-member
        Activity.Current?.SetTag("storefit.late.cancellers.count", _lateCancellers.Count); // clean precision-names
    }
}

internal static partial class StudioLog
{
    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Guest pass for {GuestEmail} valid on {ValidOn}")]
    public static partial void GuestPassIssued(ILogger logger, [PrivateData] string guestEmail, DateOnly validOn);

    [LoggerMessage(EventId = 8302, Level = LogLevel.Warning, Message = "Collection failed for account holder {AccountHolder}")]
    public static partial void CollectionFailed(ILogger logger, string accountHolder);
}
