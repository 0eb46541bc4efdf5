using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Healthcare;

/// <summary>A patient going home needs the bedroom cleared: the discharge team books a bulky removal at the home address.</summary>
public sealed record HomeClearanceRequest(string NhsNumber, string PatientName, string AddressLine, string Postcode, string NextOfKinMobile, IReadOnlyList<string> Items, string Ward);

[ApiController]
[Route("api/discharge/clearances")]
public sealed partial class DischargeClearanceController(
    IWasteBookingStore bookings,
    ISmsSender sms,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<DischargeClearanceController> logger) : ControllerBase
{
    private static readonly Counter<long> Clearances = new Meter("Trust.Discharge").CreateCounter<long>("discharge.clearances");
    private string? _lastWaitingPatient;
    private readonly Dictionary<string, string> _postcodeByWard = new();

    [HttpPost]
    public async Task<ActionResult> Book([FromBody] HomeClearanceRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("discharge.ward", request.Ward); // clean precision-names
        activity?.SetTag("discharge.patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("discharge.items.count", request.Items.Count); // clean precision-about
        activity?.SetTag("discharge.postcode", request.Postcode); // leak TC1001 direct
        activity?.SetTag("discharge.postcode.district", request.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("discharge.next_of_kin.present", request.NextOfKinMobile.Length > 0); // clean precision-about

        using var span = source.StartHomeclearOperation(request.Ward);
        span.SetHomeclearResidentId(pseudonymizer.PseudonymizeHomeclearResidentId(request.NhsNumber)); // clean generated-api
        span.SetHomeclearKind("bulky"); // clean generated-api
        span.SetHomeclearItems(request.Items.Count); // clean generated-api
        span.SetHomeclearNote($"clear {request.AddressLine} before discharge"); // leak TC1001 generated-api

        var slot = await bookings.NextSlotAsync(request.Postcode, cancellationToken);
        if (slot is null)
        {
            _lastWaitingPatient = request.PatientName;
            _postcodeByWard[request.Ward] = request.Postcode;
            logger.LogInformation("No slot yet for ward {Ward}, {Items} items", request.Ward, request.Items.Count); // clean precision-about
            logger.LogHomeclearOperationFailedEvent(request.Ward, "no-slot", pseudonymizer.PseudonymizeHomeclearResidentId(request.NhsNumber), "no bulky slot within 5 days"); // clean generated-api
            return NotFound("no slot");
        }

        try
        {
            var booking = await bookings.BookAsync(request.NhsNumber, request.AddressLine, request.Postcode, request.NextOfKinMobile, request.Items, slot, cancellationToken);
            span.SetHomeclearOutcome("booked"); // clean generated-api
            activity?.SetTag("discharge.booking.id", booking.BookingId); // clean precision-names
            activity?.SetTag("discharge.round.id", booking.RoundId); // clean precision-names
            logger.LogInformation("Clearance booked {@Booking}", booking); // leak TC1001 logging-objects
            logger.LogInformation("Clearance slot {@Slot}", slot); // clean logging-objects
            logger.LogInformation("Clearance {Booking} for {Patient}", booking.BookingId, request.PatientName); // leak TC1001 direct
            ClearanceBooked(logger, booking.BookingId, request.NhsNumber); // clean logging-objects
            ClearanceContact(logger, booking.BookingId, request.NextOfKinMobile); // leak TC1001 direct
            Clearances.Add(1, new KeyValuePair<string, object?>("ward", request.Ward)); // clean precision-names
            Clearances.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeHomeclearResidentId(request.NhsNumber))); // leak TC1003 precision-pseudonym
            meter.CreateHomeclearOperationsCounter().Add(1, request.Ward, "booked"); // clean generated-api
            await sms.SendAsync(request.NextOfKinMobile, $"Collection on {booking.CollectionDate:d}", cancellationToken);
            return Ok(booking.BookingId);
        }
        catch (AddressNotServedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            logger.LogWarning(ex, "Address not served for ward {Ward}", request.Ward); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            return BadRequest("address not served");
        }
        catch (RoundFullException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Round full"); // clean exceptions
            return BadRequest("round full");
        }
    }

    [HttpGet("waiting")]
    public ActionResult Waiting()
    {
        Activity.Current?.SetTag("discharge.waiting.patient", _lastWaitingPatient); // leak TC1001 cross-member
        Activity.Current?.SetTag("discharge.waiting.known", _lastWaitingPatient is not null); // clean cross-member
        foreach (var (ward, postcode) in _postcodeByWard)
        {
            logger.LogInformation("Ward {Ward} waits on {Postcode}", ward, postcode); // leak TC1001 cross-member
        }

        logger.LogInformation("Wards waiting {Count}", _postcodeByWard.Count); // clean cross-member
        return Ok();
    }

    public string DedupeKey(HomeClearanceRequest request)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(request.NhsNumber + "|" + request.Postcode));
        Activity.Current?.SetTag("discharge.dedupe", Convert.ToHexString(digest)); // leak TC1002 hashes
        var keyed = HMACSHA256.HashData(Secrets.ShardKey, Encoding.UTF8.GetBytes(request.NhsNumber));
        Activity.Current?.SetTag("discharge.shard", keyed[0] & 15); // clean hashes
        return Convert.ToHexString(digest);
    }

    public TelemetrySecrets Secrets { get; init; } = new() { PseudonymKey = new byte[32], ShardKey = new byte[32] };

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Clearance {BookingId} booked for {NhsNumber}")]
    private static partial void ClearanceBooked(ILogger logger, string bookingId, [PrivateData] string nhsNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Clearance {BookingId} will text {Mobile}")]
    private static partial void ClearanceContact(ILogger logger, string bookingId, string mobile);
}
