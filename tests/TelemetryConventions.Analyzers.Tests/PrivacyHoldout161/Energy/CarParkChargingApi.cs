namespace PrivacyHoldout161.Energy;

/// <summary>Minimal API of the chargers in an airport's long-stay car park, tied to parking bookings.</summary>
public static class CarParkChargingApi
{
    private static readonly ActivitySource Source = new("Utility.FieldTravel.Chargers");
    private static readonly Meter Meter = new("Utility.FieldTravel.Chargers");
    private static readonly Counter<double> Energy = Meter.CreateCounter<double>("charger.energy", "kWh");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/chargers/{chargerId}/sessions", (string chargerId, ChargerSession session, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<ChargerSession> logger) =>
        {
            using var activity = Source.StartActivity("charger.session");
            activity?.SetTag("charger.id", chargerId); // clean precision-names
            activity?.SetTag("charger.terminal", session.Terminal); // clean precision-names
            activity?.SetTag("charger.kwh", session.Kwh); // clean precision-about
            activity?.SetTag("charger.plate", session.Plate); // leak TC1001 direct
            activity?.SetTag("charger.parking", session.ParkingReference); // leak TC1001 direct
            activity?.SetTag("charger.driver", pseudonymizer.ComputeFieldtravelDriverId(session.ParkingReference)); // clean precision-pseudonym
            logger.LogInformation("Charging session {@Session}", session); // leak TC1001 logging-objects
            Energy.Add((double)session.Kwh, new KeyValuePair<string, object?>("charger.terminal", session.Terminal)); // clean precision-names
            Energy.Add((double)session.Kwh, new KeyValuePair<string, object?>("charger.plate_key", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(session.Plate))[0] % 64)); // clean hashes
            Energy.Add((double)session.Kwh, new KeyValuePair<string, object?>("charger.driver", pseudonymizer.PseudonymizeFieldtravelDriverId(session.ParkingReference))); // leak TC1003 precision-pseudonym
            return Ok();
        });

        routes.MapGet("/parking/{plate}", (string plate, ILogger<ParkingBooking> logger) =>
        {
            var ex = new PlateNotBookedException(plate);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("parking.plate.length", plate.Length); // clean precision-about
            Activity.Current?.SetTag("parking.plate.hash", plate.GetHashCode()); // leak TC1002 hashes
            logger.LogInformation("Plate lookup from the barrier at {Terminal}", "T5"); // clean precision-about
            return NotFound();
        });
    }

    private static object Ok() => new();

    private static object NotFound() => new();
}
