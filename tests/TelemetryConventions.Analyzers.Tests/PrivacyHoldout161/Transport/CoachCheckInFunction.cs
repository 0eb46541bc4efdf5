namespace PrivacyHoldout161.Transport;

/// <summary>Checks passengers on to long-distance coaches from the driver's handheld.</summary>
public sealed class CoachCheckInFunction(IPassengerMessenger messenger, Pseudonymizer pseudonymizer, ILogger<CoachCheckInFunction> logger)
{
    private static readonly ActivitySource Source = new("Travel.Ticketing.Coach");
    private static readonly Meter Meter = new("Travel.Ticketing.Coach");
    private static readonly Counter<long> CheckIns = Meter.CreateCounter<long>("coach.checkins");

    private CoachTicket? lastNoShow;
    private readonly Dictionary<string, string> noShowMobiles = new();

    public static string Manifest(CoachTicket ticket) => $"{ticket.SeatNumber}: {ticket.PassengerName}";

    public static string ServiceSeat(CoachTicket ticket) => $"{ticket.ServiceCode}/{ticket.SeatNumber}";

    public async Task CheckInAsync(CoachTicket ticket, string driverStaffId, bool present, CancellationToken cancellationToken)
    {
        using var span = Source.StartTicketingOperation("NX");
        span.SetTicketingAgentId(pseudonymizer.PseudonymizeTicketingAgentId(driverStaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("coach.service", ticket.ServiceCode); // clean precision-names
        Activity.Current?.SetTag("coach.seat", ServiceSeat(ticket)); // clean strings
        Activity.Current?.SetTag("coach.manifest_line", Manifest(ticket)); // leak TC1001 strings
        Activity.Current?.SetTag("coach.driver", driverStaffId); // leak TC1001 direct
        logger.LogInformation("Checked in {Ticket}", ticket); // leak TC1001 logging-objects
        Activity.Current?.SetBaggage("coach.service", ticket.ServiceCode); // clean precision-names
        Activity.Current?.SetBaggage("coach.barcode", ticket.Barcode); // leak TC1001 direct

        if (!present)
        {
            lastNoShow = ticket;
            noShowMobiles[ticket.Barcode] = ticket.Mobile;
            await messenger.SendAsync(ticket.Mobile, "tpl-coach-departing", new Dictionary<string, string> { ["service"] = ticket.ServiceCode }, cancellationToken);
            span.SetTicketingOutcome("no_show"); // clean generated-api
            CheckIns.Add(1, new KeyValuePair<string, object?>("coach.result", "no_show")); // clean precision-about
            return;
        }

        span.SetTicketingOutcome("boarded"); // clean generated-api
        CheckIns.Add(1, new KeyValuePair<string, object?>("coach.service", ticket.ServiceCode)); // clean precision-names
    }

    public void Depart(string serviceCode, string passportOnFile)
    {
        using var span = Source.StartTicketingOperation("NX");
        span.SetTicketingNote($"No-show: {lastNoShow?.PassengerName} seat {lastNoShow?.SeatNumber}"); // leak TC1001 cross-member
        span.SetTicketingNote($"No-shows on {serviceCode}: {noShowMobiles.Count}"); // clean cross-member
        logger.LogInformation("No-show mobiles {Mobiles}", noShowMobiles.Values); // leak TC1001 cross-member
        try
        {
            throw new SeatUnavailableException(serviceCode, lastNoShow?.SeatNumber ?? "1A");
        }
        catch (SeatUnavailableException ex)
        {
            logger.LogTicketingOperationFailedEvent("NX", "seat_unavailable", ticketingNote: ex.Message); // clean exceptions
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }

        try
        {
            throw new PassportMismatchException(passportOnFile);
        }
        catch (PassportMismatchException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogError(ex.ToString()); // leak TC1001 exceptions
        }
    }
}
