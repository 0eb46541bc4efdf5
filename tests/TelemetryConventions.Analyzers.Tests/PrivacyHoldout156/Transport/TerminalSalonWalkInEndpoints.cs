namespace PrivacyHoldout156.Transport;

/// <summary>Minimal API for the airport terminal's express salon: walk-ins with a boarding pass and the gate's call.</summary>
public static class TerminalSalonWalkInEndpoints
{
    private static readonly ActivitySource Source = new("Terminal.Salon");
    private static readonly Meter Meter = new("Terminal.Salon");
    private static readonly Counter<long> WalkIns = Meter.CreateCounter<long>("terminal_salon.walk_ins");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/walk-ins", (TerminalWalkIn walkIn, ILogger<TerminalWalkIn> logger, Pseudonymizer pseudonymizer) =>
        {
            using var activity = Source.StartActivity("terminal_salon.walk_in");
            activity?.SetTag("walk_in.id", walkIn.WalkInId); // clean direct
            activity?.SetTag("walk_in.flight", walkIn.FlightNumber); // clean direct
            activity?.SetTag("walk_in.gate", walkIn.Gate); // clean direct
            activity?.SetTag("walk_in.booking_reference", walkIn.BookingReference); // leak TC1001 direct
            activity?.SetTag("walk_in.minutes_to_departure", (walkIn.DepartsAt - DateTimeOffset.UtcNow).TotalMinutes); // clean precision-about
            WalkIns.Add(1, new KeyValuePair<string, object?>("flight", walkIn.FlightNumber)); // clean direct
            WalkIns.Add(1, new KeyValuePair<string, object?>("passenger", walkIn.PassengerName)); // leak TC1003 direct
            logger.LogInformation("Walk-in {WalkIn}", walkIn); // leak TC1001 logging-objects
            logger.LogInformation("Walk-in for {Passenger} on {Flight}", walkIn.PassengerName, walkIn.FlightNumber); // leak TC1001 direct
            logger.LogInformation("Walk-in on {Flight} from gate {Gate}", walkIn.FlightNumber, walkIn.Gate); // clean direct
            activity?.SetTag("walk_in.label", Ticket(walkIn)); // leak TC1001 strings
            activity?.SetTag("walk_in.board", BoardLine(walkIn)); // clean strings
            activity?.SetTag("walk_in.passenger", pseudonymizer.Pseudonymize("terminal_passenger", walkIn.BookingReference)); // clean precision-pseudonym

            if (walkIn.DepartsAt - DateTimeOffset.UtcNow < TimeSpan.FromMinutes(40))
            {
                var boarding = new FlightBoardingException(walkIn.FlightNumber, walkIn.Gate);
                logger.LogWarning(boarding, "Walk-in {WalkInId} turned away", walkIn.WalkInId); // clean exceptions
                logger.LogMobilestyleOperationFailedEvent("terminal-2", "boarding", mobilestyleNote: boarding.Message); // clean generated-api
                return "too-late";
            }

            Meter.CreateMobilestyleVisitsCounter().Add(1, "terminal-2", "served"); // clean generated-api
            Meter.CreateMobilestyleVisitsCounter().Add(1, "terminal-2", walkIn.BookingReference); // leak TC1003 generated-api
            return walkIn.WalkInId;
        });
    }

    private static string Ticket(TerminalWalkIn walkIn) => $"{walkIn.PassengerName.ToUpperInvariant()} / {walkIn.FlightNumber}";

    private static string BoardLine(TerminalWalkIn walkIn) => $"{walkIn.FlightNumber} gate {walkIn.Gate} at {walkIn.DepartsAt:HH:mm}";
}
