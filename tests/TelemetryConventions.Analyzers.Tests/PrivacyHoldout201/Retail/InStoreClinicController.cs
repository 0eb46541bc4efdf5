namespace PrivacyHoldout201.Retail;

public sealed record ClinicBookingRequest(string LoyaltyCard, string CustomerEmail, string PetId, string Store, string Service, string OwnerNote);

public sealed record RepeatPrescriptionRequest(string LoyaltyCard, string PetId, string PrescriptionId, string Drug, int Packs);

public sealed record InsuranceSaleRequest(string LoyaltyCard, string CustomerName, string DateOfBirth, string PetId, string Species, string CoverLevel, string PolicyNumber);

/// <summary>A booking with the customer's card on it.</summary>
public sealed record ClinicBooking(string BookingId, string LoyaltyCard, string PetId, string Store, string Service, DateTimeOffset Slot);

/// <summary>A sale as the till reports it.</summary>
public sealed record PolicySale(string SaleId, string Store, string Species, string CoverLevel, decimal MonthlyPremium);

public sealed class LoyaltyCardBlockedException(string loyaltyCard)
    : Exception($"Loyalty card {loyaltyCard} is blocked");

public sealed class ClinicSlotTakenException(string store, DateTimeOffset slot)
    : Exception($"Clinic at {store} already booked at {slot:HH:mm}");

[ApiController]
[Route("api/clinic")]
public sealed partial class InStoreClinicController(
    IVetPharmacy pharmacy,
    Pseudonymizer pseudonymizer,
    PracticeOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<InStoreClinicController> logger) : ControllerBase
{
    private static readonly Counter<long> Bookings = new Meter("PrivacyHoldout201.Retail").CreateCounter<long>("petstore.bookings");
    private static readonly Counter<long> Sales = new Meter("PrivacyHoldout201.Retail").CreateCounter<long>("petstore.policy_sales");

    private readonly Dictionary<string, DateOnly> _repeatsDueByCard = new();
    private string? _lastOwnerNote;

    [HttpPost("bookings")]
    public ActionResult Book([FromBody] ClinicBookingRequest request)
    {
        var booking = new ClinicBooking($"BK-{Guid.NewGuid():N}"[..10], request.LoyaltyCard, request.PetId, request.Store, request.Service, DateTimeOffset.UtcNow.AddDays(2));
        var activity = Activity.Current;
        activity?.SetTag("petstore.booking.id", booking.BookingId); // clean precision-names
        activity?.SetTag("petstore.store", request.Store); // clean precision-about
        activity?.SetTag("petstore.service", request.Service); // clean precision-about
        activity?.SetTag("petstore.loyalty_card", request.LoyaltyCard); // leak TC1001 direct
        activity?.SetTag("petstore.loyalty_card.last4", request.LoyaltyCard[^4..]); // clean precision-about
        activity?.SetTag("petstore.customer.email", request.CustomerEmail); // leak TC1001 direct
        activity?.SetTag("petstore.customer_email_opt_in", true); // clean precision-names
        activity?.SetTag("petstore.owner_note.length", request.OwnerNote.Length); // clean precision-about
        _lastOwnerNote = request.OwnerNote;

        if (request.LoyaltyCard.StartsWith("99", StringComparison.Ordinal))
        {
            var blocked = new LoyaltyCardBlockedException(request.LoyaltyCard);
            activity?.SetStatus(ActivityStatusCode.Error, blocked.Message); // leak TC1001 exceptions
            logger.LogWarning("Booking refused: {Error}", blocked.Message); // leak TC1001 exceptions
            return BadRequest("card");
        }

        try
        {
            if (booking.Slot.Hour < 9)
            {
                throw new ClinicSlotTakenException(request.Store, booking.Slot);
            }
        }
        catch (ClinicSlotTakenException ex)
        {
            logger.LogInformation(ex, "Slot taken, offering another"); // clean exceptions
            activity?.AddException(ex); // clean exceptions
        }

        logger.LogInformation("Booked {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Booked {BookingId} at {Store} for {Service}", booking.BookingId, booking.Store, booking.Service); // clean precision-names
        logger.LogInformation("Booked {@Booking}", new { booking.BookingId, booking.PetId, booking.Slot }); // clean logging-objects
        logger.LogInformation("Owner note: {Note}", request.OwnerNote); // leak TC1001 direct

        var customer = pseudonymizer.PseudonymizePetstoreClientId(request.LoyaltyCard);
        Activity.Current.EnrichPetstoreOperation(request.Store).SetPetstoreClientId(customer).SetPetstoreMode("consult"); // clean generated-api
        Bookings.Add(1, new KeyValuePair<string, object?>("store", request.Store)); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("card", request.LoyaltyCard)); // leak TC1003 direct
        return Ok(booking.BookingId);
    }

    [HttpPost("repeats")]
    public async Task<ActionResult> Repeat([FromBody] RepeatPrescriptionRequest request, CancellationToken ct)
    {
        var line = new PrescriptionLine(request.PrescriptionId, request.PetId, request.Drug, "as directed", request.Packs, false);
        var packs = await pharmacy.DispenseAsync(line, request.LoyaltyCard, ct);
        _repeatsDueByCard[request.LoyaltyCard] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(28));
        var activity = Activity.Current;
        activity?.SetTag("petstore.prescription.id", request.PrescriptionId); // clean precision-names
        activity?.SetTag("petstore.drug", request.Drug); // clean precision-about
        activity?.SetTag("petstore.packs", packs); // clean precision-about
        logger.LogInformation("Repeat dispensed {@Line}", line); // clean logging-objects
        logger.LogInformation("Repeat dispensed for card {Card}", $"{request.LoyaltyCard[..4]}…{request.LoyaltyCard[^4..]}"); // clean strings
        logger.LogInformation("Repeat dispensed for {Who}", "card " + request.LoyaltyCard + " pet " + request.PetId); // leak TC1001 strings
        var cohort = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.LoyaltyCard)))[..12];
        activity?.SetTag("petstore.repeat.cohort", cohort); // leak TC1002 hashes
        var lane = HMACSHA256.HashData(options.Secrets.ShardKey, Encoding.UTF8.GetBytes(request.LoyaltyCard))[1] % 4;
        activity?.SetTag("petstore.repeat.lane", lane); // clean hashes
        LogRepeat(logger, request.PrescriptionId, request.LoyaltyCard); // clean logging-objects
        return Ok(packs);
    }

    [HttpPost("insurance")]
    public ActionResult SellInsurance([FromBody] InsuranceSaleRequest request)
    {
        var sale = new PolicySale($"SL-{Guid.NewGuid():N}"[..10], options.PracticeCode, request.Species, request.CoverLevel, 14.99m);
        var activity = Activity.Current;
        activity?.SetTag("petstore.sale.id", sale.SaleId); // clean precision-names
        activity?.SetTag("petstore.cover.level", request.CoverLevel); // clean precision-about
        activity?.SetTag("petstore.policy.number", request.PolicyNumber); // leak TC1001 direct
        activity?.SetTag("petstore.policyholder.dob", request.DateOfBirth); // leak TC1001 direct
        activity?.SetTag("petstore.policyholder.name", request.CustomerName); // leak TC1001 direct
        activity?.SetTag("petstore.policy_number_format", "PI-8"); // clean precision-names
        logger.LogInformation("Policy sold {@Sale}", sale); // clean logging-objects
        logger.LogInformation("Policy sold {@Request}", request); // leak TC1001 logging-objects
        Sales.Add(1, new KeyValuePair<string, object?>("cover", request.CoverLevel), new KeyValuePair<string, object?>("species", request.Species)); // clean precision-about
        Sales.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.PseudonymizePetstoreClientId(request.LoyaltyCard))); // leak TC1003 precision-pseudonym
        Activity.Current?.AddBaggage("petstore.customer", pseudonymizer.ComputePetstoreClientId(request.LoyaltyCard)); // clean precision-pseudonym
        logger.LogInformation("Policy sold to {Customer}", pseudonymizer.ComputePetstoreClientId(request.LoyaltyCard)); // clean precision-pseudonym
        logger.LogPetstoreOperationFailedEvent(options.PracticeCode, "quote-only", pseudonymizer.PseudonymizePetstoreClientId(request.LoyaltyCard), $"policy {request.PolicyNumber} not activated"); // leak TC1001 generated-api
        meter.CreatePetstoreOperationsCounter().Add(1, options.PracticeCode, "policy-sold"); // clean generated-api
        return Ok(sale.SaleId);
    }

    [HttpGet("due")]
    public ActionResult Due()
    {
        logger.LogInformation("Repeats due: {Due}", _repeatsDueByCard); // leak TC1001 cross-member
        logger.LogInformation("Repeats due: {Dates}", _repeatsDueByCard.Values.Order().ToList()); // clean cross-member
        logger.LogInformation("Repeats due: {Count}", _repeatsDueByCard.Count); // clean cross-member
        Activity.Current?.SetTag("petstore.last_owner_note", _lastOwnerNote); // leak TC1001 cross-member
        return Ok();
    }

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "Repeat {PrescriptionId} for card {LoyaltyCard}")]
    private static partial void LogRepeat(ILogger logger, string prescriptionId, [PrivateData] string loyaltyCard);
}
