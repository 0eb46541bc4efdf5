namespace PrivacyHoldout175.Transport;

/// <summary>The festival park-and-ride: number plate cameras at the car park gates match cars to passes.</summary>
public sealed partial class ParkAndRideGateWorker(
    IQueueReceiver<ParkAndRidePass> passes,
    ILogger<ParkAndRideGateWorker> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Transit.ParkAndRide");
    private static readonly Meter Meter = new("Transit.ParkAndRide");
    private static readonly Counter<long> Entries = Meter.CreateCounter<long>("park_and_ride.entries");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pass = await passes.ReceiveAsync(stoppingToken);
            if (pass is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("park-and-ride.entry");
            activity?.SetTag("car_park", pass.CarPark); // clean precision-names
            activity?.SetTag("vehicle.registration", pass.Registration); // leak TC1001 direct
            activity?.SetTag("vehicle.registration.area", pass.Registration[..2]); // clean precision-about
            CarEntered(logger, pass.Registration, pass.CarPark); // clean logging-objects
            CarEnteredPlain(logger, pass.Registration); // leak TC1001 logging-objects

            var holder = pseudonymizer.PseudonymizeEventtransitHolderId(pass.HolderId);
            using var span = Source.StartEventtransitOperation(pass.CarPark).SetEventtransitHolderId(holder).SetEventtransitOutcome("entered"); // clean generated-api
            Entries.Add(1, new KeyValuePair<string, object?>("car_park", pass.CarPark)); // clean precision-names
            Entries.Add(1, new KeyValuePair<string, object?>("registration", pass.Registration)); // leak TC1003 direct
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(pass.Registration))[0] % 8;
            Entries.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
            activity?.SetTag("vehicle.hash", pass.Registration.GetHashCode()); // leak TC1002 hashes
            using (logger.BeginScope(new Dictionary<string, object> { ["HolderId"] = pass.HolderId })) // leak TC1001 logging-objects
            {
                logger.LogInformation("Gate opened"); // clean precision-names
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Car {Registration} entered {CarPark}")]
    private static partial void CarEntered(ILogger logger, [PrivateData] string registration, string carPark);

    [LoggerMessage(Level = LogLevel.Information, Message = "Car {Registration} entered")]
    private static partial void CarEnteredPlain(ILogger logger, string registration);
}
