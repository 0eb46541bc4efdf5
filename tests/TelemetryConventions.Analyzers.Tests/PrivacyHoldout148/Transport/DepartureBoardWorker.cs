namespace PrivacyHoldout148.Transport;

/// <summary>Dispatches shuttle runs from the stadium stops and records drivers' shifts.</summary>
public sealed partial class DepartureBoardWorker(
    IQueueReceiver<ShuttleDeparture> departures,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<DepartureBoardWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.Shuttles.Departures");
    private readonly Histogram<double> _loadFactor = meter.CreateHistogram<double>("shuttle.run.load_factor");
    private readonly Dictionary<string, DriverShift> _shiftsByVehicle = new();
    private DriverShift? _lateDriver;

    public void StartShift(DriverShift shift)
    {
        _shiftsByVehicle[shift.VehicleId] = shift;
        Activity.Current?.SetTag("shuttle.shift", shift.ShiftId); // clean precision-about
        Activity.Current?.SetTag("shuttle.vehicle", shift.VehicleId); // clean precision-names
        Activity.Current?.SetTag("shuttle.driver", shift.DriverStaffId); // leak TC1001 direct
        Activity.Current?.SetTag("shuttle.driver", pseudonymizer.Pseudonymize("shuttle_driver", shift.DriverStaffId)); // clean precision-pseudonym
        LogShiftStarted(logger, shift.DriverName, shift.VehicleId); // clean logging-objects
        LogShiftStartedForControl(logger, shift.DriverName, shift.VehicleId); // leak TC1001 logging-objects
        logger.LogInformation("Shift {@Shift}", shift); // leak TC1001 logging-objects
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var run = await departures.ReceiveAsync(stoppingToken);
            if (run is null)
            {
                continue;
            }

            using var span = Source.StartShuttleOperation(run.RouteId);
            span.SetShuttleSeatCount(run.Boarded); // clean generated-api
            span.SetShuttleNote($"Run {run.RunId} on {run.VehicleId}: {run.Boarded}/{run.Capacity}"); // clean generated-api
            _loadFactor.Record((double)run.Boarded / run.Capacity, new KeyValuePair<string, object?>("route", run.RouteId)); // clean precision-names
            logger.LogInformation("Departure {@Run}", run); // clean logging-objects

            if (_shiftsByVehicle.TryGetValue(run.VehicleId, out var shift))
            {
                _loadFactor.Record(run.Boarded, new KeyValuePair<string, object?>("driver", shift.DriverStaffId)); // leak TC1003 direct
                var driverLane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(shift.DriverStaffId))[0] % 4;
                _loadFactor.Record(run.Boarded, new KeyValuePair<string, object?>("driver_lane", driverLane)); // clean hashes
                var driverKey = (uint)shift.DriverStaffId.GetHashCode();
                Activity.Current?.SetTag("shuttle.driver_key", driverKey); // leak TC1002 hashes
                if (run.Boarded == 0)
                {
                    _lateDriver = shift;
                }
            }
        }
    }

    public void ReportLateDriver()
    {
        logger.LogWarning("Late departure, driver {Driver}", _lateDriver?.DriverName); // leak TC1001 cross-member
        logger.LogWarning("Late departure, vehicle {Vehicle}", _lateDriver?.VehicleId); // clean cross-member
        logger.LogWarning("{Count} drivers on shift", _shiftsByVehicle.Count); // clean cross-member
        logger.LogWarning("Drivers on shift: {Drivers}", _shiftsByVehicle.Values.Select(s => s.DriverName)); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "{DriverName} started on {VehicleId}")]
    private static partial void LogShiftStarted(ILogger logger, [PrivateData] string driverName, string vehicleId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Control room: {DriverName} on {VehicleId}")]
    private static partial void LogShiftStartedForControl(ILogger logger, string driverName, string vehicleId);
}
