namespace PrivacyHoldout132.Transport;

public sealed record PassengerAssistRequest(Guid PassengerId, string Name, string Mobile, string Email, string OriginCrs, string DestinationCrs, DateTimeOffset Departure, IReadOnlyList<string> AssistanceTypes, IReadOnlyList<Companion> Companions, string? Notes, bool BringsOwnWheelchair);

/// <summary>Passenger Assist: passengers book help boarding and alighting (ramps, wheelchairs, guidance) at least two hours ahead.</summary>
[ApiController]
[Route("api/passenger-assist")]
public sealed partial class PassengerAssistController(
    IAssistancePlatform platform,
    Pseudonymizer pseudonymizer,
    ILogger<PassengerAssistController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Rail.PassengerAssist");
    private static readonly Meter Meter = new("Rail.PassengerAssist");
    private static readonly Counter<long> ByType = Meter.CreateCounter<long>("assist.bookings.by_type");
    private readonly RailassistAssistsCounter _assists = Meter.CreateRailassistAssistsCounter();

    [HttpPost("bookings")]
    public async Task<ActionResult> BookAsync([FromBody] PassengerAssistRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartRailassistAssist(request.OriginCrs);
        span.SetRailassistPersonId(pseudonymizer.PseudonymizeRailassistPersonId(request.PassengerId.ToString())); // clean precision-pseudonym
        span.SetRailassistCompanions(request.Companions.Count); // clean precision-about
        span.SetRailassistNeed(string.Join("+", request.AssistanceTypes)); // clean precision-about
        span.Activity?.SetTag("assist.destination", request.DestinationCrs); // clean precision-names
        span.Activity?.SetTag("assist.own_wheelchair", request.BringsOwnWheelchair); // clean precision-about
        span.Activity?.SetTag("assist.notes_length", request.Notes?.Length ?? 0); // clean precision-about
        span.Activity?.SetTag("assist.notes", request.Notes); // leak TC1001 direct
        span.Activity?.SetTag("assist.companion_names", request.Companions.Select(c => c.Name).ToArray()); // leak TC1001 direct
        span.Activity?.SetTag("assist.carers", request.Companions.Count(c => c.IsCarer)); // clean precision-about
        span.Activity?.SetTag(RailassistAttributes.Contact, request.Mobile); // leak TC1001 generated-api

        var booking = new AssistanceBooking("", request.PassengerId.ToString(), request.Name, request.Mobile, request.OriginCrs, request.DestinationCrs, request.Departure, request.AssistanceTypes, request.Companions.Count, request.Notes);
        try
        {
            var created = await platform.CreateAsync(booking, cancellationToken);
            span.SetRailassistBookingId(created.BookingRef); // clean precision-names
            span.SetRailassistOutcome("booked"); // clean precision-names
            LogBooked(logger, created.BookingRef, request.OriginCrs, request.DestinationCrs); // clean precision-names
            logger.LogInformation($"Assistance requested by {request.Email} from {request.OriginCrs}"); // leak TC1001 strings
            logger.LogInformation($"Assistance {created.BookingRef} from {request.OriginCrs} at {request.Departure:HH:mm}"); // clean strings
            LogBookedFor(logger, request.Name, created.BookingRef); // leak TC1001 logging-objects
            logger.LogInformation("Assistance booked {Booking}", created); // leak TC1001 logging-objects
            logger.LogInformation("Companions: {Companions}", request.Companions); // leak TC1001 logging-objects
            foreach (var type in request.AssistanceTypes)
            {
                ByType.Add(1, new KeyValuePair<string, object?>("type", type), new("station", request.OriginCrs)); // clean precision-about
            }
            _assists.Add(1, request.OriginCrs, railassistOutcome: "booked"); // clean generated-api
            return Ok(created.BookingRef);
        }
        catch (BookingWindowClosedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Booking made inside the notice window from {Station}", request.OriginCrs); // clean exceptions
            _assists.Add(1, request.OriginCrs, railassistOutcome: "too-late"); // clean precision-names
            logger.LogRailassistAssistFailedEvent(request.OriginCrs, "too-late", railassistNote: $"{request.Name} ({request.Email}) asked too late"); // leak TC1001 generated-api
            return BadRequest("notice window");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Assistance {BookingRef} booked from {Origin} to {Destination}")]
    private static partial void LogBooked(ILogger logger, string bookingRef, string origin, string destination);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assistance for {PassengerName} booked as {BookingRef}")]
    private static partial void LogBookedFor(ILogger logger, string passengerName, string bookingRef);
}
