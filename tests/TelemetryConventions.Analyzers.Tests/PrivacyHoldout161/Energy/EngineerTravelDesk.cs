namespace PrivacyHoldout161.Energy;

/// <summary>Books field engineers' trains and flights to substations and offshore sites.</summary>
public sealed class EngineerTravelDesk(IBookingStore bookings, Pseudonymizer pseudonymizer, ILogger<EngineerTravelDesk> logger)
{
    private static readonly ActivitySource Source = new("Utility.FieldTravel.Desk");
    private static readonly Meter Meter = new("Utility.FieldTravel.Desk");
    private static readonly Histogram<double> TripCost = Meter.CreateHistogram<double>("fieldtravel.trip.cost", "GBP");

    private EngineerTrip? mostExpensive;
    private readonly HashSet<string> engineersAway = new();

    public async Task BookAsync(EngineerTrip trip, CancellationToken cancellationToken)
    {
        using var span = Source.StartFieldtravelOperation(trip.Depot);
        span.SetFieldtravelEngineerId(pseudonymizer.PseudonymizeFieldtravelEngineerId(trip.StaffNumber)); // clean precision-pseudonym
        span.SetFieldtravelNote($"{trip.Site} from {trip.Depot}, {trip.Cost:0.00} GBP"); // clean generated-api
        Activity.Current?.SetTag("fieldtravel.site", trip.Site); // clean precision-names
        Activity.Current?.SetTag("fieldtravel.engineer", trip.EngineerName); // leak TC1001 direct
        Activity.Current?.SetTag("fieldtravel.pnr", trip.Pnr); // leak TC1001 direct
        logger.LogInformation("Trip booked {Trip}", trip); // leak TC1001 logging-objects
        TripCost.Record((double)trip.Cost, new KeyValuePair<string, object?>("fieldtravel.depot", trip.Depot)); // clean precision-names
        TripCost.Record((double)trip.Cost, new KeyValuePair<string, object?>("fieldtravel.engineer", trip.StaffNumber)); // leak TC1003 direct

        engineersAway.Add(trip.StaffNumber);
        if (mostExpensive is null || trip.Cost > mostExpensive.Cost)
        {
            mostExpensive = trip;
        }

        var booking = await bookings.FindAsync(trip.Pnr, cancellationToken);
        if (booking is null)
        {
            var ex = new BookingNotFoundException(trip.Pnr);
            span.SetFieldtravelOutcome("not_found"); // clean generated-api
            logger.LogFieldtravelOperationFailedEvent(trip.Depot, "not_found", fieldtravelNote: ex.Message); // leak TC1001 exceptions
            return;
        }

        span.SetFieldtravelItemCount(booking.Passengers.Count); // clean generated-api
        Activity.Current?.SetTag("fieldtravel.fare_class", booking.FareClass); // clean precision-names
    }

    public void Report()
    {
        logger.LogInformation("Most expensive trip this week by {Engineer}", mostExpensive?.EngineerName); // leak TC1001 cross-member
        logger.LogInformation("Most expensive trip this week to {Site}: {Cost}", mostExpensive?.Site, mostExpensive?.Cost); // clean cross-member
        Activity.Current?.SetTag("fieldtravel.away", engineersAway.ToArray()); // leak TC1001 cross-member
        Activity.Current?.SetTag("fieldtravel.away.count", engineersAway.Count); // clean cross-member
    }
}
