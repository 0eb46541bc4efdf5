namespace PrivacyHoldout110.Healthcare;

public sealed record BookAppointmentRequest(string NhsNumber, string SlotId, string ReferralId, string? AccessNeeds);

public sealed record AppointmentBooked(string AppointmentId, string SlotId, string Clinic, DateTimeOffset Start);

/// <summary>The patient portal's booking endpoints: search a clinic's free slots, hold one, confirm it.</summary>
[ApiController]
[Route("api/clinics/{clinic}/appointments")]
public sealed class OutpatientBookingController(
    IBookingEngine engine,
    Pseudonymizer pseudonymizer,
    ILogger<OutpatientBookingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Outpatients.Booking");
    private static readonly Meter Meter = new("Outpatients.Booking");
    private static readonly Counter<long> Searches = Meter.CreateCounter<long>("outpatients.availability.searches");

    [HttpGet("availability")]
    public async Task<ActionResult> SearchAsync(string clinic, DateOnly from, DateOnly to, string nhsNumber)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartClinicbookBooking(clinic, "availability search");
        var query = new AvailabilityQuery("outpatient", clinic, from, to, TimeSpan.FromMinutes(20));
        var result = await engine.SearchAsync(query);

        span.SetClinicbookSlotsAvailable(result.Slots.Count).SetClinicbookOutcome(result.FromCache ? "cached" : "searched"); // clean generated-api
        span.SetClinicbookPatientId(pseudonymizer.PseudonymizeClinicbookPatientId(nhsNumber)); // clean precision-pseudonym
        logger.LogInformation("Availability for {Query} returned {Count} slots", result.Query, result.Slots.Count); // clean logging-objects
        logger.LogDebug("Availability search by {NhsNumber} for clinic {Clinic}", nhsNumber, clinic); // leak TC1001 direct
        Searches.Add(1, new KeyValuePair<string, object?>("clinic", clinic), new("from_cache", result.FromCache)); // clean precision-names
        Meter.CreateClinicbookSearchDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, clinic, "ok"); // clean generated-api
        return Ok(result.Slots);
    }

    [HttpPost("")]
    public async Task<ActionResult> BookAsync(string clinic, [FromBody] BookAppointmentRequest request)
    {
        using var span = Source.StartClinicbookBooking(clinic).SetClinicbookSlotId(request.SlotId); // clean precision-names
        Activity.Current?.SetTag("referral.id", request.ReferralId); // clean precision-names
        logger.LogInformation("Booking request {@Request}", request); // leak TC1001 logging-objects
        if (request.AccessNeeds is { Length: > 0 } needs)
        {
            Activity.Current?.SetTag("booking.access_needs.length", needs.Length); // clean precision-about
            logger.LogInformation("Access needs recorded for slot {SlotId}: {AccessNeeds}", request.SlotId, needs); // leak TC1001 direct
        }

        try
        {
            var hold = await engine.HoldAsync(request.SlotId, 1, TimeSpan.FromMinutes(5));
            logger.LogDebug("Hold {Hold} placed", hold); // clean logging-objects
            var booking = await engine.ConfirmAsync(hold.HoldId, request.NhsNumber);
            logger.LogInformation("Booked {Booking}", booking); // leak TC1001 logging-objects
            span.SetClinicbookAppointmentId(booking.BookingId).SetClinicbookLeadDays((booking.CreatedAt - DateTimeOffset.UtcNow).Days); // clean precision-names
            span.SetClinicbookOutcome("booked"); // clean generated-api
            return Ok(new AppointmentBooked(booking.BookingId, request.SlotId, clinic, hold.ExpiresAt));
        }
        catch (SlotUnavailableException ex)
        {
            span.RecordException(ex, "slot no longer available", includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Slot {SlotId} went before the hold", ex.SlotId); // clean exceptions
            return BadRequest("slot-unavailable");
        }
        catch (DoubleBookingException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogClinicbookBookingFailedEvent(clinic, "double_booked", pseudonymizer.PseudonymizeClinicbookPatientId(request.NhsNumber), $"overlaps {ex.ExistingBookingId}"); // clean generated-api
            return BadRequest("already-booked");
        }
    }

    [HttpPost("{appointmentId}/reschedule")]
    public async Task<ActionResult> RescheduleAsync(string clinic, string appointmentId, string newSlotId)
    {
        var patient = HttpContext.User.SubjectId!;
        using var span = Source.StartClinicbookBooking(clinic).SetClinicbookAppointmentId(appointmentId).SetClinicbookSlotId(newSlotId); // clean precision-names
        Activity.Current?.SetBaggage("portal.user", patient); // leak TC1001 direct
        var moved = await engine.RescheduleAsync(appointmentId, newSlotId);
        span.SetClinicbookOutcome("rescheduled").SetClinicbookNote($"moved to {newSlotId} by {HttpContext.User.Email}"); // leak TC1001 generated-api
        logger.LogInformation("Appointment {AppointmentId} moved from slot {Old} to {New}", appointmentId, moved.SlotId, newSlotId); // clean precision-names
        return Ok(moved.BookingId);
    }
}
