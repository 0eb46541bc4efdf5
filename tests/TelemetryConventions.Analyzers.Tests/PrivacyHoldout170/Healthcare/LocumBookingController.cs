namespace PrivacyHoldout170.Healthcare;

/// <summary>The trust's staff bank books agency locums into rota gaps.</summary>
[ApiController]
[Route("api/locum-bookings")]
public sealed partial class LocumBookingController(
    ICandidateStore candidates,
    ILogger<LocumBookingController> logger,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.StaffBank.Locums");
    private static readonly Meter Meter = new("Trust.StaffBank.Locums");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("locum.bookings");

    [HttpPost("")]
    public async Task<ActionResult> Book([FromBody] LocumBooking booking, CancellationToken cancellationToken)
    {
        using var span = Source.StartLocumhireOperation(booking.Trust)
            .SetLocumhireCandidateId(pseudonymizer.PseudonymizeLocumhireCandidateId(booking.CandidateId)) // clean generated-api
            .SetLocumhireCheckType("gmc_registration"); // clean precision-about
        Activity.Current?.SetTag("locum.booking.id", booking.BookingId); // clean precision-names
        Activity.Current?.SetTag("locum.ward", booking.Ward); // clean precision-about
        Activity.Current?.SetTag("locum.gmc_number", booking.GmcNumber); // leak TC1001 direct
        logger.LogInformation("Booking {BookingId} for ward {Ward} starts {ShiftStart}", booking.BookingId, booking.Ward, booking.ShiftStart); // clean precision-about
        logger.LogInformation("Locum booking received {@Booking}", booking); // leak TC1001 logging-objects

        var candidate = await candidates.FindAsync(booking.CandidateId, cancellationToken);
        if (candidate is null)
        {
            logger.LogWarning("No ATS record for candidate {CandidateId}", booking.CandidateId); // leak TC1001 direct
            span.SetLocumhireOutcome("unknown_candidate"); // clean precision-about
            return NotFound();
        }

        var doctor = DescribeDoctor(candidate);
        span.SetLocumhireNote($"Booked {doctor} onto {booking.Ward}"); // leak TC1001 generated-api
        LogBooked(logger, candidate.Email, booking.Ward); // clean precision-names
        LogBookedForAgency(logger, candidate.Mobile, booking.Trust); // leak TC1001 direct
        Bookings.Add(1, new KeyValuePair<string, object?>("trust", booking.Trust), new KeyValuePair<string, object?>("ward", booking.Ward)); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("candidate", pseudonymizer.ComputeLocumhireCandidateId(booking.CandidateId))); // leak TC1003 precision-pseudonym
        logger.LogDebug("Candidate email domain {Domain}", candidate.Email[(candidate.Email.IndexOf('@') + 1)..]); // clean precision-about
        return Ok(new PlacementSummary(booking.BookingId, "locum", "booked"));
    }

    private static string DescribeDoctor(Candidate candidate) => $"{candidate.FullName} (born {candidate.DateOfBirth:yyyy})";

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation sent to {Email} for ward {Ward}")]
    private static partial void LogBooked(ILogger logger, [PrivateData] string email, string ward);

    [LoggerMessage(Level = LogLevel.Information, Message = "Text confirmation sent to {Mobile} for trust {Trust}")]
    private static partial void LogBookedForAgency(ILogger logger, string mobile, string trust);

    private string? _lastCancelledGmcNumber;

    [HttpPost("{bookingId}/cancel")]
    public ActionResult Cancel(string bookingId, [FromBody] LocumBooking booking)
    {
        _lastCancelledGmcNumber = booking.GmcNumber;
        Annotate(Activity.Current, "locum.cancelled_candidate", booking.CandidateId); // leak TC1001 cross-member
        Annotate(Activity.Current, "locum.cancelled_booking", bookingId); // clean cross-member
        Activity.Current?.SetTag("locum.cancellation", $"booking {bookingId} on {booking.Ward} at {booking.Trust}"); // clean strings
        LogCancellation();
        return Ok();
    }

    private void LogCancellation() => logger.LogInformation("Cancelled booking of GMC {GmcNumber}", _lastCancelledGmcNumber); // leak TC1001 cross-member

    private static void Annotate(Activity? activity, string key, string value) => activity?.SetTag(key, value);
}
