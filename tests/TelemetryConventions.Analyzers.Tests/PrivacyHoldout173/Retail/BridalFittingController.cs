namespace PrivacyHoldout173.Retail;

/// <summary>Books bridal gown fittings at the stores' bridal suites.</summary>
[ApiController]
[Route("api/bridal/fittings")]
public sealed partial class BridalFittingController(
    ILogger<BridalFittingController> logger,
    Pseudonymizer pseudonymizer,
    IEventMessenger messenger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.Bridal.Fittings");
    private static readonly Meter Meter = new("Retailer.Bridal.Fittings");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("bridal.fittings.booked");

    private FittingAppointment? _lastNoShow;

    [HttpPost("")]
    public async Task<ActionResult> Book([FromBody] FittingAppointment appointment)
    {
        using var span = Source.StartBridalstoreOperation(appointment.Store);
        span.SetBridalstoreEventType("fitting"); // clean generated-api
        span.SetBridalstoreCoupleId(pseudonymizer.PseudonymizeBridalstoreCoupleId(appointment.CustomerNumber)); // clean generated-api
        span.SetBridalstoreNote($"reminder to {appointment.Mobile}"); // leak TC1001 generated-api
        Bookings.Add(1, new KeyValuePair<string, object?>("store", appointment.Store), new KeyValuePair<string, object?>("hour", appointment.At.Hour)); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("customer", appointment.CustomerNumber)); // leak TC1003 direct

        LogBooked(logger, appointment.AppointmentId, appointment.CustomerName); // leak TC1001 logging-objects
        LogBookedRedacted(logger, appointment.AppointmentId, appointment.CustomerName); // clean logging-objects
        logger.LogInformation("Fitting {AppointmentId} at {Store} on {At:g}", appointment.AppointmentId, appointment.Store, appointment.At); // clean precision-names

        await messenger.SendAsync(appointment.Mobile, "tpl-fitting-reminder");
        return Ok(appointment.AppointmentId);
    }

    [HttpPost("{appointmentId}/no-show")]
    public ActionResult NoShow(string appointmentId, [FromBody] FittingAppointment appointment)
    {
        _lastNoShow = appointment;
        var reminder = "No-show: please call " + appointment.CustomerName + " on " + appointment.Mobile;
        Activity.Current?.AddEvent(new ActivityEvent(reminder)); // leak TC1001 strings
        Activity.Current?.SetTag("bridal.no_show.store", appointment.Store); // clean precision-about
        return Ok();
    }

    [HttpGet("no-shows/last")]
    public ActionResult LastNoShow()
    {
        Activity.Current?.SetTag("bridal.last_no_show.customer", _lastNoShow?.CustomerNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("bridal.last_no_show.appointment", _lastNoShow?.AppointmentId); // clean cross-member
        return Ok();
    }

    [HttpPost("{appointmentId}/cancel")]
    public ActionResult Cancel(string appointmentId, string customerNumber, bool known)
    {
        try
        {
            if (!known)
            {
                throw new CoupleNotFoundException(customerNumber);
            }
            Activity.Current?.SetTag("bridal.cancelled", appointmentId); // clean precision-names
        }
        catch (CoupleNotFoundException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", nameof(CoupleNotFoundException)); // clean exceptions
            logger.LogBridalstoreOperationFailedEvent("bridal-suite", "unknown_customer", bridalstoreNote: $"appointment {appointmentId}"); // clean generated-api
        }
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fitting {AppointmentId} booked for {Customer}")]
    private static partial void LogBooked(ILogger logger, string appointmentId, string customer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fitting {AppointmentId} booked for {Customer}")]
    private static partial void LogBookedRedacted(ILogger logger, string appointmentId, [PrivateData] string customer);
}
