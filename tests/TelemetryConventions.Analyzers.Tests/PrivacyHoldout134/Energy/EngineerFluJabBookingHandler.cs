namespace PrivacyHoldout134.Energy;

public sealed record FluJabBookingCommand(string StaffNumber, string FirstName, string WorkEmail, string Depot, string SessionId, bool EggAllergy);

/// <summary>Books field engineers into depot flu jab clinics run by the occupational health provider.</summary>
public sealed partial class EngineerFluJabBookingHandler(
    IVaccinationBookingApi api,
    Pseudonymizer pseudonymizer,
    ILogger<EngineerFluJabBookingHandler> logger)
{
    private static readonly ActivitySource Source = new("Network.OccHealth");
    private static readonly Meter Meter = new("Network.OccHealth");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("occhealth.flujab.bookings");
    private readonly FieldjabBookingsCounter _bookings = Meter.CreateFieldjabBookingsCounter();

    public async Task<string?> HandleAsync(FluJabBookingCommand command, CancellationToken cancellationToken)
    {
        using var span = Source.StartFieldjabBooking(fieldjabSite: command.Depot);
        span.SetFieldjabVaccine("influenza"); // clean precision-names
        span.SetFieldjabPersonId(pseudonymizer.PseudonymizeFieldjabPersonId(command.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("occhealth.session", command.SessionId); // clean precision-names
        span.Activity?.SetTag("occhealth.egg_allergy", command.EggAllergy); // clean precision-about
        span.Activity?.SetTag(FieldjabAttributes.Contact, pseudonymizer.Pseudonymize("contact", command.WorkEmail).Value); // leak TC1001 precision-pseudonym
        using var scope = logger.BeginScope("Booking for engineer {StaffNumber}", command.StaffNumber); // leak TC1001 direct

        try
        {
            var booking = await api.BookAsync(command.SessionId, command.StaffNumber, command.FirstName, command.WorkEmail, cancellationToken);
            LogBooked(logger, booking.BookingId, booking.SessionId, booking.SlotStart); // clean precision-names
            logger.LogInformation("Booked {Booking}", booking); // leak TC1001 logging-objects
            _bookings.Add(1, fieldjabSite: command.Depot, fieldjabOutcome: "booked"); // clean generated-api
            Bookings.Add(1, new TagList { { "depot", command.Depot }, { "egg_allergy", command.EggAllergy } }); // clean precision-about
            return booking.BookingId;
        }
        catch (SessionFullException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogFieldjabBookingFailedEvent(fieldjabSite: command.Depot, fieldjabOutcome: "full", fieldjabPersonId: pseudonymizer.PseudonymizeFieldjabPersonId(command.StaffNumber)); // clean generated-api
            return null;
        }
        catch (AlreadyVaccinatedException ex)
        {
            logger.LogFieldjabBookingFailedEvent(fieldjabSite: command.Depot, fieldjabOutcome: "duplicate", fieldjabNote: ex.Message); // leak TC1001 exceptions
            LogReminderFor(logger, command.FirstName, command.WorkEmail); // clean logging-objects
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} in session {SessionId} at {Slot}")]
    private static partial void LogBooked(ILogger logger, string bookingId, string sessionId, DateTimeOffset slot);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminder to {FirstName} at {Email}")]
    private static partial void LogReminderFor(ILogger logger, [PrivateData] string firstName, [PrivateData] string email);
}
