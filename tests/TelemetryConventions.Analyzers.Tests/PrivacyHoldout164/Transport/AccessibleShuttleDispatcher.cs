namespace PrivacyHoldout164.Transport;

public sealed record ShuttleRequest(Guid RequestId, string StudentNumber, string PickupAddress, string Destination, bool Wheelchair, string AccessNeeds, DateTimeOffset PickupAt);

public sealed record ShuttleVehicle(string VehicleId, string Registration, int WheelchairSpaces);

public interface IShuttleFleet
{
    Task<ShuttleVehicle?> NearestAsync(string destination, bool wheelchair, CancellationToken cancellationToken = default);

    /// <summary>The staff number of the driver on shift.</summary>
    Task<string> DriverOnShiftAsync(string vehicleId, CancellationToken cancellationToken = default);
}

/// <summary>The university's accessible campus shuttle: students with a support plan book door-to-door rides to lectures.</summary>
public sealed partial class AccessibleShuttleDispatcher(
    IShuttleFleet fleet,
    ISupportCases cases,
    Pseudonymizer pseudonymizer,
    ILogger<AccessibleShuttleDispatcher> logger)
{
    private static readonly ActivitySource Source = new("Campus.Transport.Shuttle");
    private static readonly Meter Meter = new("Campus.Transport.Shuttle");
    private static readonly Counter<long> Rides = Meter.CreateCounter<long>("shuttle.rides");
    private readonly StudenttravelRequestsCounter _requests = Meter.CreateStudenttravelRequestsCounter();
    private ShuttleRequest? _lastUnserved;

    public async Task<bool> DispatchAsync(ShuttleRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartStudenttravelOperation("stn-campus-north");
        span.SetStudenttravelStudentId(pseudonymizer.PseudonymizeStudenttravelStudentId(request.StudentNumber)); // clean generated-api
        Activity.Current?.SetTag("shuttle.request", request.RequestId); // clean precision-names
        Activity.Current?.SetTag("shuttle.destination", request.Destination); // clean direct
        Activity.Current?.SetTag("shuttle.wheelchair", request.Wheelchair); // clean precision-about
        Activity.Current?.SetTag("shuttle.pickup", request.PickupAddress); // leak TC1001 direct
        Activity.Current?.SetTag("shuttle.needs", request.AccessNeeds); // leak TC1001 direct

        var plan = await cases.PlanAsync(request.StudentNumber, cancellationToken);
        if (plan is null)
        {
            logger.LogWarning("No support plan for {StudentNumber}, ride {RequestId} refused", request.StudentNumber, request.RequestId); // leak TC1001 direct
            _requests.Add(1, "stn-campus-north", "no-plan"); // clean generated-api
            return false;
        }

        LogPlan(logger, plan); // leak TC1001 logging-objects
        LogAdjustments(logger, plan.Adjustments.Count, plan.PlanId); // clean logging-objects

        var vehicle = await fleet.NearestAsync(request.Destination, request.Wheelchair, cancellationToken);
        if (vehicle is null)
        {
            _lastUnserved = request;
            _requests.Add(1, "stn-campus-north", "no-vehicle"); // clean generated-api
            return false;
        }

        var driver = await fleet.DriverOnShiftAsync(vehicle.VehicleId, cancellationToken);
        span.SetStudenttravelStaffId(pseudonymizer.PseudonymizeStudenttravelStaffId(driver)); // clean generated-api
        Activity.Current?.SetTag("shuttle.vehicle", vehicle.Registration); // clean precision-names
        Activity.Current?.SetTag("shuttle.driver", driver); // leak TC1001 direct
        var eta = $"{vehicle.VehicleId} to {request.Destination} at {request.PickupAt:HH:mm}";
        logger.LogInformation("Dispatched {Eta}", eta); // clean strings
        var pickupText = $"Pick up from {request.PickupAddress} at {request.PickupAt:HH:mm}";
        logger.LogInformation("Driver told: {Text}", pickupText); // leak TC1001 strings
        Rides.Add(1, new KeyValuePair<string, object?>("vehicle", vehicle.VehicleId), new KeyValuePair<string, object?>("wheelchair", request.Wheelchair)); // clean precision-names
        Rides.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeStudenttravelStaffId(driver))); // leak TC1003 precision-pseudonym
        _requests.Add(1, "stn-campus-north", request.Wheelchair ? "dispatched-wheelchair" : "dispatched"); // clean generated-api
        return true;
    }

    public void ReportUnserved()
    {
        Activity.Current?.SetTag("shuttle.last_unserved", _lastUnserved?.RequestId); // clean cross-member
        logger.LogWarning("Last unserved ride: {Request}", _lastUnserved); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 10301, Level = LogLevel.Debug, Message = "Support plan {Plan}")]
    private static partial void LogPlan(ILogger logger, SupportPlan plan);

    [LoggerMessage(EventId = 10302, Level = LogLevel.Debug, Message = "{Count} adjustments in plan {PlanId}")]
    private static partial void LogAdjustments(ILogger logger, int count, Guid planId);
}
