namespace PrivacyHoldout214.Retail;

public sealed record HospitalLiftBooking(string LoyaltyCardNumber, string CustomerName, string Mobile, string HomeAddress, string Postcode, string StoreCode, string HospitalCode, DateTimeOffset AppointmentAt, string MobilityCode, string? Condition);

public sealed record PrescriptionRun(Guid RunId, string StoreCode, int Parcels, string DriverId, IReadOnlyList<string> CustomerPostcodes);

/// <summary>A pharmacy chain books volunteer lifts to hospital for its customers and sends drivers on prescription runs.</summary>
[ApiController]
[Route("api/stores/{storeCode}/lifts")]
public sealed partial class PharmacyTransportController(
    ITransportStore store,
    IDriverRegistry drivers,
    Pseudonymizer pseudonymizer,
    TransportOptions options,
    ILogger<PharmacyTransportController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout214.Retail.PharmacyTransport");
    private readonly Counter<long> _lifts = meter.CreateCounter<long>("shop.lifts");

    [HttpPost("")]
    public async Task<ActionResult> Book(string storeCode, [FromBody] HospitalLiftBooking booking, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("shop.lift.book");
        activity?.SetTag("shop.store", storeCode); // clean precision-names
        activity?.SetTag("shop.loyalty_card", booking.LoyaltyCardNumber); // leak TC1001 direct
        activity?.SetTag("shop.loyalty_card.issuer", booking.LoyaltyCardNumber[..4]); // clean precision-about
        activity?.SetTag("shop.customer.mobile", booking.Mobile); // leak TC1001 direct
        activity?.SetTag("shop.customer.mobile_prefix", booking.Mobile[..3]); // clean precision-about
        activity?.SetTag("shop.customer.home_address", booking.HomeAddress); // leak TC1001 direct
        activity?.SetTag("shop.hospital", booking.HospitalCode); // clean precision-names
        activity?.SetTag("shop.condition", booking.Condition); // leak TC1001 direct
        activity?.SetTag("shop.condition.given", booking.Condition is not null); // clean precision-about
        activity?.SetTag("shop.user_agent", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : null); // clean precision-names
        activity?.SetTag("shop.signed_in.email", HttpContext.User.Email); // leak TC1001 direct
        activity?.SetTag("shop.customer_tier", "gold"); // clean precision-names
        _lifts.Add(1, new KeyValuePair<string, object?>("store", storeCode), new KeyValuePair<string, object?>("hospital", booking.HospitalCode)); // clean precision-about
        _lifts.Add(1, new KeyValuePair<string, object?>("postcode", booking.Postcode)); // leak TC1003 direct
        _lifts.Add(1, new KeyValuePair<string, object?>("district", booking.Postcode.Split(' ')[0])); // clean precision-about

        var rider = await store.FindRiderAsync(booking.LoyaltyCardNumber, cancellationToken);
        if (rider is null)
        {
            var ex = new RiderNotEligibleException(booking.LoyaltyCardNumber, "not-registered");
            logger.LogWarning(ex, "Lift refused at {Store}", storeCode); // leak TC1001 exceptions
            Activity.Current?.SetTag("shop.refusal", ex.CriterionCode); // clean exceptions
            return BadRequest("not registered");
        }

        logger.LogInformation("Customer {Customer}", rider); // leak TC1001 logging-objects
        logger.LogInformation("Customer age {Age}", DateTime.UtcNow.Year - rider.DateOfBirth.Year); // clean precision-about
        logger.LogInformation("Lift booking {@Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Lift booking {@Booking}", new { booking.StoreCode, booking.HospitalCode, booking.MobilityCode, booking.AppointmentAt }); // clean logging-objects
        using (logger.BeginScope("Lift for {CustomerName}", booking.CustomerName)) // leak TC1001 logging-objects
        {
            logger.LogInformation("Volunteer match started for {Hospital}", booking.HospitalCode); // clean precision-names
        }

        using var span = Source.StartShoprideOperation(storeCode); // clean generated-api
        span.SetShoprideClientId(pseudonymizer.PseudonymizeShoprideClientId(booking.LoyaltyCardNumber)); // clean generated-api
        span.SetShoprideMobility(booking.MobilityCode); // clean generated-api
        span.SetShoprideNote(booking.Condition ?? "none given"); // leak TC1001 generated-api
        span.SetShoprideNote($"store {storeCode} to {booking.HospitalCode}"); // clean generated-api
        logger.LogShoprideOperationFailedEvent(storeCode, "no-driver", shoprideNote: $"no driver for {booking.CustomerName}"); // leak TC1001 generated-api
        logger.LogShoprideOperationFailedEvent(storeCode, "no-driver", shoprideNote: "no driver before the appointment"); // clean generated-api
        meter.CreateShoprideOperationsCounter().Add(1, storeCode); // clean generated-api
        Activity.Current?.SetBaggage("lift.customer", pseudonymizer.ComputeShoprideClientId(booking.LoyaltyCardNumber)); // clean precision-pseudonym
        LogLiftBooked(logger, storeCode, booking.CustomerName, booking.Mobile); // clean logging-objects
        return Ok();
    }

    [HttpPost("runs")]
    public async Task<ActionResult> StartRun([FromBody] PrescriptionRun run, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("shop.prescription_run.start");
        activity?.SetTag("shop.run.id", run.RunId); // clean precision-names
        activity?.SetTag("shop.run.parcels", run.Parcels); // clean precision-about
        activity?.SetTag("shop.run.stops", run.CustomerPostcodes.Count); // clean precision-about
        activity?.SetTag("shop.run.postcodes", string.Join(" | ", run.CustomerPostcodes)); // leak TC1001 strings
        activity?.SetTag("shop.run.districts", string.Join(",", run.CustomerPostcodes.Select(p => p.Split(' ')[0]).Distinct())); // clean strings
        logger.LogInformation("Run {@Run}", run); // leak TC1001 logging-objects

        var driver = await drivers.FindAsync(run.DriverId, cancellationToken);
        var profile = new DriverProfile { DriverId = run.DriverId, FullName = driver?.FullName ?? "", DepotCode = options.DepotCode };
        logger.LogInformation("Driver {Profile}", profile); // clean logging-objects
        logger.LogInformation("Driver {@Profile}", profile); // leak TC1001 logging-objects
        var bucket = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(run.DriverId)))[..2];
        meter.CreateCounter<long>("shop.runs").Add(1, new KeyValuePair<string, object?>("driver_bucket", bucket)); // leak TC1002 hashes
        using var hmac = new HMACSHA256(options.ShardKey);
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(run.DriverId))[0] % 8;
        meter.CreateCounter<long>("shop.runs.sharded").Add(1, new KeyValuePair<string, object?>("shard", shard)); // clean hashes
        return Ok(run.RunId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lift booked at {Store} for {CustomerName} ({Mobile})")]
    private static partial void LogLiftBooked(ILogger logger, string store, [PrivateData] string customerName, [PrivateData] string mobile);
}
