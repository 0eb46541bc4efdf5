namespace PrivacyHoldout217.Transport;

/// <summary>A transport operator's minimal API: residents' journeys to appointments and the family visit minibus.</summary>
public static partial class ResidentJourneyEndpoints
{
    private static readonly ActivitySource Source = new("CareLift.Journeys");
    private static readonly Meter Meter = new("CareLift.Journeys");
    private static readonly Counter<long> Journeys = Meter.CreateCounter<long>("carelift.journeys");
    private static readonly Counter<long> VisitSeats = Meter.CreateCounter<long>("carelift.visit.seats");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/journeys", BookJourney);
        routes.MapPost("/visits", BookVisit);
    }

    public static OkResult BookJourney(TransportBooking booking, CareRecords records, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<TransportBooking> logger)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity("carelift.journey.book");
        activity?.SetTag("journey.id", booking.JourneyId); // clean precision-names
        activity?.SetTag("journey.destination", booking.Destination); // clean precision-names
        activity?.SetTag("journey.wheelchair", booking.Wheelchair); // clean precision-about
        activity?.SetTag("journey.pickup_postcode", booking.PickupPostcode); // clean precision-names
        activity?.SetTag("journey.resident.name", booking.ResidentName); // leak TC1001 direct
        activity?.SetTag("journey.resident.initials", string.Concat(booking.ResidentName.Split(' ').Select(p => p[0]))); // leak TC1001 strings
        Journeys.Add(1, new KeyValuePair<string, object?>("destination", booking.Destination), new KeyValuePair<string, object?>("wheelchair", booking.Wheelchair)); // clean precision-names
        Journeys.Add(1, new KeyValuePair<string, object?>("resident", booking.ResidentName)); // leak TC1003 direct
        logger.LogInformation("Journey booked {@Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Journey booked {Booking}", new { booking.JourneyId, booking.Destination, booking.Wheelchair }); // clean logging-objects
        var resident = records.FindResident(booking.ResidentId);
        using (logger.BeginScope(new Dictionary<string, object?> { ["JourneyId"] = booking.JourneyId, ["Resident"] = resident.FullName })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Driver assigned");
        }

        var client = pseudonymizer.PseudonymizeCareliftClientId(booking.ResidentId);
        using var span = source.StartCareliftOperation("depot-7"); // clean generated-api
        span.SetCareliftClientId(client); // clean generated-api
        span.SetCareliftMode(booking.Wheelchair ? "wheelchair" : "seated"); // clean generated-api
        span.SetCareliftNote($"pickup {booking.PickupPostcode} for {booking.ResidentName}"); // leak TC1001 generated-api
        meter.CreateCareliftOperationsCounter().Add(1, "depot-7", "booked"); // clean generated-api
        meter.CreateCareliftOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "depot-7"); // clean generated-api
        Baggage.SetBaggage("carelift.client", client.Value); // clean precision-pseudonym
        Baggage.SetBaggage("carelift.journey", booking.JourneyId); // clean precision-names
        logger.LogInformation("Journey for {Client} on {JourneyId}", client, booking.JourneyId); // clean precision-pseudonym
        LogEscortRequired(logger, resident.FullName, booking.JourneyId); // clean precision-names
        LogDropOff(logger, resident.NhsNumber, booking.Destination); // leak TC1001 direct
        try
        {
            if (resident.HomeId.Length == 0)
            {
                throw new ResidentNotFoundException(booking.ResidentId);
            }
        }
        catch (ResidentNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "resident not found"); // clean exceptions
            Activity.Current?.AddEvent(new ActivityEvent("journey.failed", tags: new ActivityTagsCollection { ["error"] = ex.Message })); // leak TC1001 exceptions
            logger.LogCareliftOperationFailedEvent("depot-7", "failed", client, "resident not found"); // clean generated-api
        }

        return new OkResult(booking.JourneyId);
    }

    public static OkResult BookVisit(VisitBooking visit, CareRecords records, CareGroupOptions options, ILogger<VisitBooking> logger)
    {
        using var activity = Source.StartActivity("carelift.visit.book");
        activity?.SetTag("visit.booking.id", visit.BookingId); // clean precision-names
        activity?.SetTag("visit.home.id", visit.HomeId); // clean precision-names
        activity?.SetTag("visit.slot", visit.Slot.ToString("O")); // clean precision-names
        activity?.SetTag("visit.visitor.name", visit.VisitorName); // leak TC1001 direct
        activity?.SetTag("visit.visitor.phone", visit.VisitorPhone); // leak TC1001 direct
        activity?.SetTag("visit.visitor.phone_present", !string.IsNullOrWhiteSpace(visit.VisitorPhone)); // clean precision-about
        activity?.SetTag("visit.slot_minutes", options.VisitSlotMinutes); // clean precision-about
        VisitSeats.Add(1, new KeyValuePair<string, object?>("home", visit.HomeId), new KeyValuePair<string, object?>("region", options.Region)); // clean precision-names
        var slot = records.SlotFor("SLOT-" + visit.Slot.ToString("yyyyMMddHH"));
        logger.LogInformation("Slot {@Slot}", slot); // clean logging-objects
        activity?.SetTag("visit.slot.remaining", slot.Capacity - slot.Booked); // clean precision-about
        if (slot.Booked >= slot.Capacity)
        {
            var full = new VisitSlotFullException(slot.SlotId, slot.Capacity);
            activity?.AddException(full); // clean exceptions
            logger.LogWarning(full, "Visit slot full"); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, full.Message); // clean exceptions
        }

        logger.LogInformation("Visit {Visit}", visit); // leak TC1001 logging-objects
        logger.LogInformation("Visit {BookingId} at {HomeId} for the {Region} minibus", visit.BookingId, visit.HomeId, options.Region); // clean precision-names
        var manifest = new StringBuilder();
        manifest.AppendLine(visit.BookingId).AppendLine(visit.VisitorName);
        logger.LogInformation("Minibus manifest {Manifest}", manifest.ToString()); // leak TC1001 strings
        activity?.SetTag("visit.visitor_count", 1); // clean precision-names
        activity?.SetTag("visit.visitor.hash", visit.VisitorPhone.GetHashCode()); // leak TC1002 hashes
        return new OkResult(visit.BookingId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escort required for {ResidentName} on {JourneyId}")]
    private static partial void LogEscortRequired(ILogger logger, [PrivateData] string residentName, string journeyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped off {NhsNumber} at {Destination}")]
    private static partial void LogDropOff(ILogger logger, string nhsNumber, string destination);
}
