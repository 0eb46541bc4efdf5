namespace PrivacyHoldout110.Retail;

public sealed record AppointmentForm(string CustomerNumber, string Email, string Service, string Store, DateTimeOffset Start, string? Notes);

public sealed record ColleagueAllocation(string ColleagueNumber, string Role, string Store, int Appointments);

/// <summary>In-store appointments (bra fittings, phone repairs, personal shopping) booked online.</summary>
[ApiController]
[Route("api/stores/{store}/appointments")]
public sealed class InStoreAppointmentsController(
    IBookingEngine engine,
    IBackgroundJobClient jobs,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<InStoreAppointmentsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Stores.Appointments");
    private static readonly Meter Meter = new("Stores.Appointments");
    private static readonly Counter<long> Cancellations = Meter.CreateCounter<long>("store_appointments.cancellations");

    [HttpPost("")]
    public async Task<ActionResult> BookAsync(string store, [FromBody] AppointmentForm form, CancellationToken cancellationToken)
    {
        using var span = Source.StartCollectbookBooking(store).SetCollectbookOutcome("requested"); // clean generated-api
        var customer = pseudonymizer.PseudonymizeCollectbookCustomerId(form.CustomerNumber);
        span.SetCollectbookCustomerId(customer); // clean precision-pseudonym
        span.Activity?.SetTag(CollectbookAttributes.CustomerContact, customer.ToString()); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("appointment.service", form.Service); // clean precision-names
        span.Activity?.SetTag("appointment.customer_email", form.Email); // leak TC1001 direct
        var slots = await engine.SearchAsync(new AvailabilityQuery(form.Service, store, DateOnly.FromDateTime(form.Start.Date), DateOnly.FromDateTime(form.Start.Date), TimeSpan.FromMinutes(30)), cancellationToken);
        var slot = slots.Slots.FirstOrDefault(s => s.Start == form.Start);
        if (slot is null)
        {
            logger.LogInformation("No {Service} slot at {Start} in {Store}", form.Service, form.Start, store); // clean precision-names
            return NotFound();
        }

        var hold = await engine.HoldAsync(slot.SlotId, 1, TimeSpan.FromMinutes(5), cancellationToken);
        var booking = await engine.ConfirmAsync(hold.HoldId, form.CustomerNumber, cancellationToken);
        span.SetCollectbookSlotId(slot.SlotId).SetCollectbookOrderId(booking.BookingId); // clean precision-names
        var jobId = jobs.Schedule<StoreReminderJob>(job => job.SendAsync(booking.BookingId), slot.Start - DateTimeOffset.UtcNow - TimeSpan.FromDays(1));
        span.Activity?.SetTag("reminder.job", jobId); // clean precision-names
        var customerKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(form.Email.Trim().ToLowerInvariant())));
        logger.LogInformation("Appointment {BookingId} for customer key {CustomerKey}", booking.BookingId, customerKey); // leak TC1002 hashes
        var bucket = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(form.CustomerNumber)))[..4];
        logger.LogDebug("Experiment bucket {Bucket}", bucket); // clean hashes
        if (form.Notes is not null)
        {
            logger.LogInformation("Appointment notes: {Notes}", form.Notes); // leak TC1001 direct
        }
        return Ok(booking.BookingId);
    }

    [HttpPost("{bookingId}/cancel")]
    public async Task<ActionResult> CancelAsync(string store, string bookingId, CancellationReason reason, CancellationToken cancellationToken)
    {
        using var span = Source.StartCollectbookBooking(store).SetCollectbookOrderId(bookingId); // clean precision-names
        try
        {
            await engine.CancelAsync(bookingId, reason, cancellationToken);
            Cancellations.Add(1, new KeyValuePair<string, object?>("store", store), new("reason", reason.ToString())); // clean precision-names
            span.SetCollectbookOutcome("cancelled"); // clean generated-api
            return Ok();
        }
        catch (CancellationWindowClosedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Late cancellation of {BookingId}", ex.BookingId); // clean exceptions
            return BadRequest("too-late");
        }
    }

    public void Allocate(string store, IReadOnlyList<ColleagueAllocation> rota)
    {
        using var span = Source.StartCollectbookBooking(store);
        logger.LogInformation("Colleague allocation {Rota}", rota); // leak TC1001 logging-objects
        logger.LogInformation("Appointments per role {PerRole}", rota.GroupBy(r => r.Role).ToDictionary(g => g.Key, g => g.Sum(r => r.Appointments))); // clean logging-objects
        var busiest = rota.MaxBy(r => r.Appointments);
        span.SetCollectbookColleagueId(pseudonymizer.PseudonymizeCollectbookColleagueId(busiest!.ColleagueNumber)); // clean precision-pseudonym
        span.SetCollectbookNote($"busiest colleague {busiest.ColleagueNumber}"); // leak TC1001 generated-api
    }
}

public sealed class StoreReminderJob
{
    public Task SendAsync(string bookingId) => Task.CompletedTask;
}
