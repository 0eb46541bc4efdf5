namespace PrivacyHoldout163.Transport;

/// <summary>Candidates book practical tests with their provisional licence and theory certificate.</summary>
[ApiController]
[Route("api/practical-tests")]
public sealed partial class PracticalTestBookingController(
    ITestBookingStore bookings,
    ILicenceRegistry registry,
    ICandidateNotifier notifier,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PracticalTestBookingController> logger) : ControllerBase
{
    private static readonly Counter<long> SlotSearches = new Meter("Driving.Testing.Bookings").CreateCounter<long>("drivertest.slot.searches");

    [HttpGet("slots/{centreCode}")]
    public async Task<ActionResult> FreeSlots(string centreCode, string category, CancellationToken cancellationToken)
    {
        var slots = await bookings.FreeSlotsAsync(centreCode, category, cancellationToken);
        Activity.Current?.SetTag("drivertest.centre", centreCode); // clean precision-about
        Activity.Current?.SetTag("drivertest.slots.free", slots.Count); // clean precision-about
        SlotSearches.Add(1, new KeyValuePair<string, object?>("centre", centreCode), new KeyValuePair<string, object?>("category", category)); // clean precision-about
        return Ok(slots);
    }

    [HttpPost("bookings")]
    public async Task<ActionResult> Book([FromBody] BookingForm form, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartDrivertestOperation(form.CentreCode);
        span.SetDrivertestCandidateId(pseudonymizer.PseudonymizeDrivertestCandidateId(form.LicenceNumber)); // clean generated-api
        span.SetDrivertestCategory(form.Category); // clean generated-api
        logger.LogInformation("Booking request for {LicenceNumber} at {Centre}", form.LicenceNumber, form.CentreCode); // leak TC1001 direct
        Activity.Current?.SetTag("drivertest.certificate", form.CertificateNumber); // leak TC1001 direct
        Activity.Current?.SetTag("drivertest.certificate.present", !string.IsNullOrEmpty(form.CertificateNumber)); // clean precision-about

        try
        {
            var summary = await registry.SummaryAsync(form.LicenceNumber, cancellationToken);
            Activity.Current?.SetTag("drivertest.licence.provisional", summary.Provisional); // clean precision-about
            logger.LogDebug("Licence summary {@Summary}", summary); // clean logging-objects

            var booking = await bookings.BookAsync(form.LicenceNumber, new TestSlot(form.CentreCode, form.Slot, form.Category), form.CertificateNumber, cancellationToken);
            logger.LogInformation("Booked {@Booking}", booking); // leak TC1001 logging-objects
            logger.LogInformation("Booked {BookingReference} at {Centre} for {Slot}", booking.BookingReference, booking.CentreCode, booking.Slot); // clean precision-names
            span.SetDrivertestOutcome("booked"); // clean generated-api
            Booked(logger, booking.CentreCode, booking.CandidateName); // leak TC1001 logging-objects
            BookedFor(logger, booking.BookingReference, booking.LicenceNumber); // clean logging-objects
            await notifier.NotifyAsync(form.Email, "tpl-booking-confirmed", cancellationToken);
            meter.CreateDrivertestResultsCounter().Add(1, form.CentreCode, drivertestOutcome: "booked"); // clean generated-api
            meter.CreateDrivertestBookingDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, form.CentreCode); // clean generated-api
            return Ok(booking.BookingReference);
        }
        catch (CandidateBarredException ex)
        {
            logger.LogWarning(ex, "Candidate barred"); // leak TC1001 exceptions
            span.SetDrivertestOutcome("barred"); // clean generated-api
            return BadRequest("barred");
        }
        catch (SlotTakenException ex)
        {
            logger.LogInformation(ex, "Slot taken at {Centre}", form.CentreCode); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest("slot-taken");
        }
        catch (CertificateExpiredException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            span.SetDrivertestNote($"certificate expired for {form.CandidateName}"); // leak TC1001 generated-api
            return BadRequest("certificate-expired");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Test booked at {Centre} for {CandidateName}")]
    private static partial void Booked(ILogger logger, string centre, string candidateName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingReference} for {LicenceNumber}")]
    private static partial void BookedFor(ILogger logger, string bookingReference, [PrivateData] string licenceNumber);
}

public sealed record BookingForm(string LicenceNumber, string CandidateName, string Email, string CertificateNumber, string CentreCode, string Category, DateTimeOffset Slot);
