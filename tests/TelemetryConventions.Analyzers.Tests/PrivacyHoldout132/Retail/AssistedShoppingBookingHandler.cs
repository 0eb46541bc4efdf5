namespace PrivacyHoldout132.Retail;

public sealed record AssistedShoppingRequest(string CustomerNumber, string FirstName, string Email, string Mobile, string StoreCode, DateTimeOffset Slot, IReadOnlyList<string> Needs, bool BringsCarer, string? AccessNotes);

/// <summary>Books a colleague to shop with a customer who asked for help (sight loss, mobility, a hidden disability), at a quiet hour if they want one.</summary>
public sealed partial class AssistedShoppingBookingHandler(
    IAssistancePlatform platform,
    Pseudonymizer pseudonymizer,
    ILogger<AssistedShoppingBookingHandler> logger)
{
    private static readonly ActivitySource Source = new("Retail.AssistedShopping");
    private static readonly Meter Meter = new("Retail.AssistedShopping");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("assisted_shopping.bookings");
    private readonly ShopaccessAssistsCounter _assists = Meter.CreateShopaccessAssistsCounter();
    private readonly ShopaccessAssistDurationHistogram _duration = Meter.CreateShopaccessAssistDurationHistogram();

    public async Task<string?> HandleAsync(AssistedShoppingRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartShopaccessAssist(request.StoreCode);
        span.SetShopaccessPersonId(pseudonymizer.PseudonymizeShopaccessPersonId(request.CustomerNumber)); // clean precision-pseudonym
        span.SetShopaccessNeedCount(request.Needs.Count); // clean precision-about
        span.SetShopaccessCompanions(request.BringsCarer ? 1 : 0); // clean precision-about
        span.Activity?.SetTag("assist.quiet_hour", request.Slot.Hour < 9); // clean precision-about
        span.Activity?.SetTag("assist.has_notes", request.AccessNotes is not null); // clean precision-about
        span.Activity?.SetTag(ShopaccessAttributes.Contact, request.Email); // leak TC1001 generated-api
        span.Activity?.SetTag("assist.needs", $"{request.CustomerNumber}:{string.Join("+", request.Needs)}"); // leak TC1001 strings
        Baggage.SetBaggage("customer.number", request.CustomerNumber); // leak TC1001 direct
        span.Activity?.SetTag("assist.customer_store_key", HashCode.Combine(request.CustomerNumber, request.StoreCode)); // leak TC1002 hashes

        var booking = new AssistanceBooking($"AS-{Guid.NewGuid():N}"[..12], request.CustomerNumber, request.FirstName, request.Mobile, request.StoreCode, request.StoreCode, request.Slot, request.Needs, request.BringsCarer ? 1 : 0, request.AccessNotes);
        var created = await platform.CreateAsync(booking, cancellationToken);
        span.SetShopaccessBookingId(created.BookingRef); // clean precision-names

        var colleague = await platform.AssignAsync(created.BookingRef, "customer-assistant", cancellationToken);
        if (colleague is null)
        {
            span.SetShopaccessOutcome("unassigned"); // clean precision-names
            _assists.Add(1, request.StoreCode, shopaccessOutcome: "unassigned:" + pseudonymizer.ComputeShopaccessPersonId(request.CustomerNumber)); // leak TC1003 precision-pseudonym
            logger.LogShopaccessAssistFailedEvent(request.StoreCode, "unassigned", shopaccessPersonId: pseudonymizer.PseudonymizeShopaccessPersonId(request.CustomerNumber), shopaccessNote: request.AccessNotes); // leak TC1001 generated-api
            return created.BookingRef;
        }

        span.SetShopaccessStaffId(pseudonymizer.PseudonymizeShopaccessStaffId(colleague.StaffNumber)); // clean precision-pseudonym
        LogAssigned(logger, colleague.StaffName, created.BookingRef); // leak TC1001 logging-objects
        logger.LogInformation("Colleague assigned: {Post} at {At}", colleague.Post, colleague.At); // clean precision-names
        logger.LogInformation("Text to {FirstName}: your assistant will meet you at the customer service desk", request.FirstName); // leak TC1001 direct
        foreach (var need in request.Needs)
        {
            Bookings.Add(1, new KeyValuePair<string, object?>("need", need), new("store", request.StoreCode)); // clean precision-about
        }
        _assists.Add(1, request.StoreCode, shopaccessOutcome: "assigned"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.StoreCode, shopaccessNeed: request.Needs.FirstOrDefault()); // clean generated-api
        return created.BookingRef;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Colleague} assigned to assisted shop {BookingRef}")]
    private static partial void LogAssigned(ILogger logger, string colleague, string bookingRef);
}
