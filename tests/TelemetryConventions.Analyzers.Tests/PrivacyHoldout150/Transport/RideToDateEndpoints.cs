namespace PrivacyHoldout150.Transport;

public interface IRideDispatch
{
    Task<DispatchedDriver> DispatchAsync(RideRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Minimal API that books a ride to the date's venue through the app's ride partner.</summary>
public static class RideToDateEndpoints
{
    private static readonly ActivitySource Source = new("SafeDate.Rides");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/rides", RequestAsync);

    private static async Task<ActionResult> RequestAsync(RideRequest request, IRideDispatch dispatch, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<RideRequest> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("rides.request");
        activity?.SetTag("rides.id", request.RideId); // clean precision-names
        activity?.SetTag("rides.pickup", request.PickupAddress); // leak TC1001 direct
        activity?.SetTag("rides.fare", (double)request.Fare); // clean precision-about
        try
        {
            var driver = await dispatch.DispatchAsync(request, cancellationToken);
            activity?.SetTag("rides.vehicle", driver.VehicleId); // clean precision-names
            activity?.SetTag("rides.fleet_plate", driver.FleetPlate); // clean precision-about
            activity?.SetTag("rides.driver", driver.DriverStaffId); // leak TC1001 direct
            activity?.SetTag(SafedateAttributes.Contact, pseudonymizer.Pseudonymize("driver", driver.DriverStaffId).Value); // leak TC1001 precision-pseudonym
            meter.CreateSafedateTripsCounter().Add(1, "manchester", "dispatched"); // clean generated-api
            meter.CreateSafedateTripsCounter().Add(1, "manchester", driver.DriverName); // leak TC1003 generated-api
            activity?.SetTag("rides.passenger.tag", Convert.ToBase64String(SHA256.HashData(request.PassengerId.ToByteArray()))[..10]); // leak TC1002 hashes
            activity?.SetTag("rides.passenger.slot", SlotOf(secrets, request.PassengerId)); // clean hashes
            return new OkResult(driver.VehicleId);
        }
        catch (PassengerBarredException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddTag("exception.type", nameof(PassengerBarredException)); // clean exceptions
            logger.LogSafedateOperationFailedEvent("manchester", "barred", safedateNote: ex.Message); // leak TC1001 exceptions
            return new BadRequestResult("barred");
        }
    }

    private static int SlotOf(TelemetrySecrets secrets, Guid passengerId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(passengerId.ToByteArray())[0] % 10;
    }
}
