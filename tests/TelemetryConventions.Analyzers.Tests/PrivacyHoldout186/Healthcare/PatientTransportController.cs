namespace PrivacyHoldout186.Healthcare;

public sealed record TransportBookingRequest(string NhsNumber, string PatientName, string PickupPostcode, string MobilityCode, string ClinicCode, DateTimeOffset PickupAt, string? EscortName);

[ApiController]
[Route("api/patient-transport")]
public sealed class PatientTransportController(IPassRegister register, IHolderNotifier notifier, Pseudonymizer pseudonymizer, ILogger<PatientTransportController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.PatientTransport");
    private static readonly Meter Meter = new("Trust.PatientTransport");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("transport.bookings");

    private string? _lastNhsNumber;

    [HttpPost("bookings")]
    public async Task<ActionResult> Book([FromBody] TransportBookingRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("transport.book");
        _lastNhsNumber = request.NhsNumber;
        var booking = new PatientTransportBooking($"PTS-{Guid.NewGuid():N}", request.NhsNumber, request.PatientName, request.PickupPostcode, request.MobilityCode, request.ClinicCode, request.PickupAt);

        activity?.SetTag("transport.booking.id", booking.BookingId); // clean precision-names
        activity?.SetTag("transport.clinic", request.ClinicCode); // clean precision-names
        activity?.SetTag("transport.mobility_code", request.MobilityCode); // clean precision-about
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("patient.pickup_postcode", request.PickupPostcode); // leak TC1001 direct
        activity?.SetTag("patient.postcode_district", request.PickupPostcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("patient.ref", pseudonymizer.PseudonymizeCarepassClientId(request.NhsNumber)); // clean precision-pseudonym
        activity?.SetTag("transport.escort.requested", request.EscortName is not null); // clean precision-about
        activity?.SetTag("transport.escort.name", request.EscortName); // leak TC1001 direct

        logger.LogInformation("Transport booked for {PatientName} from {Postcode}", request.PatientName, request.PickupPostcode); // leak TC1001 direct
        logger.LogInformation("Transport {BookingId} booked for clinic {ClinicCode} at {PickupAt}", booking.BookingId, booking.ClinicCode, booking.PickupAt); // clean precision-names
        logger.LogDebug("Booking {@Booking}", booking); // leak TC1001 logging-objects
        logger.LogDebug("Booking for the crew sheet {@Booking}", booking with { PatientName = "", NhsNumber = "" }); // leak TC1001 logging-objects
        logger.LogDebug("Pickup slot {@Slot}", new { booking.BookingId, booking.ClinicCode, booking.PickupAt }); // clean logging-objects

        Bookings.Add(1, new KeyValuePair<string, object?>("clinic", request.ClinicCode), new KeyValuePair<string, object?>("mobility", request.MobilityCode)); // clean precision-names
        Bookings.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeCarepassClientId(request.NhsNumber))); // leak TC1003 precision-pseudonym

        await notifier.SendAsync(request.NhsNumber, "Your transport", $"Pickup at {request.PickupAt:t}", cancellationToken);
        return Ok(booking.BookingId);
    }

    [HttpGet("eligibility/{bookingId}")]
    public ActionResult Eligibility(string bookingId, string mobilityCode, bool onBenefits)
    {
        var eligibility = new TransportEligibility(bookingId, mobilityCode, mobilityCode is "W1" or "S2" || onBenefits, onBenefits ? "benefit" : "medical");
        Activity.Current?.SetTag("transport.eligible", eligibility.Eligible); // clean precision-about
        Activity.Current?.SetTag("transport.eligibility.reason", eligibility.Reason); // clean precision-names
        logger.LogInformation("Eligibility {@Eligibility}", eligibility); // clean logging-objects
        Activity.Current?.SetTag("patient.last_nhs_number", _lastNhsNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("patient.last_nhs_number.length", _lastNhsNumber?.Length ?? 0); // clean precision-about
        return Ok(eligibility);
    }

    [HttpPost("bookings/{bookingId}/cancel")]
    public async Task<ActionResult> Cancel(string bookingId, string holderId, CancellationToken cancellationToken)
    {
        using var span = Source.StartCarepassOperation("patient-transport");
        span.SetCarepassClientId(pseudonymizer.PseudonymizeCarepassClientId(holderId)); // clean generated-api
        span.SetCarepassOutcome("cancelled"); // clean generated-api
        try
        {
            var holder = await register.FindHolderAsync(holderId, cancellationToken) ?? throw new PassHolderNotFoundException(holderId);
            span.SetCarepassNote($"cancelled by {holder.FullName}"); // leak TC1001 generated-api
            span.SetCarepassNote($"cancelled booking {bookingId}"); // clean generated-api
            return Ok();
        }
        catch (PassHolderNotFoundException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogCarepassOperationFailedEvent("patient-transport", "not-found", pseudonymizer.PseudonymizeCarepassClientId(holderId), ex.GetType().Name); // clean generated-api
            return NotFound(ex.Message);
        }
    }
}
