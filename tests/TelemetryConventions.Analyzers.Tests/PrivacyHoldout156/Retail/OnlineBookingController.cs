namespace PrivacyHoldout156.Retail;

/// <summary>Online booking for the group's salons: finds the client, books the slot and takes the deposit.</summary>
[ApiController]
[Route("api/bookings")]
public sealed class OnlineBookingController(
    IClientDirectory clients,
    IAppointmentBook book,
    IPaymentProvider payments,
    IClientMessenger messenger,
    Pseudonymizer pseudonymizer,
    SalonOptions options,
    ILogger<OnlineBookingController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Salon.Booking");

    private readonly Counter<long> _noShowRefusals = meter.CreateCounter<long>("booking.no_show_refusals");

    [HttpPost("")]
    public async Task<ActionResult> Book(string clientNumber, [FromBody] AppointmentSlot slot, string service, string cardToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartSalonbookOperation(slot.Salon).SetSalonbookClientId(pseudonymizer.PseudonymizeSalonbookClientId(clientNumber)).SetSalonbookService(service); // clean generated-api
        Activity.Current?.SetTag("booking.slot", slot.SlotId); // clean direct
        Activity.Current?.SetTag("booking.chair", slot.Chair); // clean direct
        Activity.Current?.SetTag("booking.client_number", clientNumber); // leak TC1001 direct
        Activity.Current?.SetTag("http.request.header.x-client-email", HttpContext.User.Email); // leak TC1001 direct
        Activity.Current?.SetTag("booking.authenticated", HttpContext.User.IsAuthenticated); // clean precision-about

        var client = await clients.FindAsync(clientNumber);
        if (client is null)
        {
            span.SetSalonbookOutcome("unknown-client"); // clean generated-api
            return NotFound();
        }

        var noShows = await clients.NoShowsAsync(clientNumber);
        if (noShows >= options.NoShowLimit)
        {
            var refused = new NoShowLimitException(client.Mobile, noShows);
            logger.LogWarning("Booking refused: {Reason}", refused.Message); // leak TC1001 exceptions
            _noShowRefusals.Add(1, new KeyValuePair<string, object?>("salon", slot.Salon)); // clean direct
            logger.LogSalonbookOperationFailedEvent(slot.Salon, "no-show-limit", salonbookClientId: pseudonymizer.PseudonymizeSalonbookClientId(clientNumber), salonbookNote: $"{refused.NoShows} no-shows"); // clean generated-api
            return BadRequest("deposit");
        }

        Appointment appointment;
        try
        {
            appointment = await book.BookAsync(clientNumber, slot, service);
        }
        catch (SlotTakenException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return BadRequest(ex.Message);
        }
        catch (DoubleBookingException ex)
        {
            span.SetSalonbookOutcome(ex.Message); // leak TC1001 generated-api
            return BadRequest("double booking");
        }

        var deposit = await payments.ChargeAsync(appointment.AppointmentId, slot.Minutes * 0.5m, cardToken);
        logger.LogInformation("Deposit {Deposit}", deposit); // leak TC1001 logging-objects
        logger.LogInformation("Deposit {PaymentId} of {Amount} on card ending {LastFour}", deposit.PaymentId, deposit.Amount, deposit.CardLastFour); // clean precision-about
        Activity.Current?.SetTag("booking.card_token", cardToken); // leak TC1001 direct
        await messenger.EmailAsync(client.Email, options.DepositTemplateId, new Dictionary<string, string> { ["appointment"] = appointment.AppointmentId });
        logger.LogInformation("Deposit email {DepositTemplateId} for {AppointmentId}", options.DepositTemplateId, appointment.AppointmentId); // clean precision-names
        logger.LogInformation("Booked for {FirstName} {LastName}", client.FirstName, client.LastName); // leak TC1001 direct
        meter.CreateSalonbookBookingsCounter().Add(1, slot.Salon, "booked"); // clean generated-api
        meter.CreateSalonbookBookingDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, slot.Salon); // clean generated-api
        return Ok(appointment.AppointmentId);
    }
}
