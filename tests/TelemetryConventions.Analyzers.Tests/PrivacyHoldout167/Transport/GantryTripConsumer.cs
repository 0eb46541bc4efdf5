namespace PrivacyHoldout167.Transport;

/// <summary>Consumes the toll road's gantry reads (tag or plate) and charges the trip to the account.</summary>
public sealed class GantryTripConsumer(
    IConsumer<string, PlateRead> consumer,
    ITollAccounts accounts,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<GantryTripConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("TollRoad.Gantries");
    private static readonly Meter Meter = new("TollRoad.Gantries");
    private static readonly Counter<long> Trips = Meter.CreateCounter<long>("toll.trips");
    private readonly TollroadOperationsCounter _operations = Meter.CreateTollroadOperationsCounter();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (consumer.Consume(stoppingToken) is { } result)
        {
            var tagId = result.Message.Key;
            var read = result.Message.Value;
            using var span = Source.StartTollroadOperation(read.CameraId);
            span.SetTollroadTripRef(read.ReadId); // clean generated-api
            span.SetTollroadVehiclePlate(pseudonymizer.PseudonymizeTollroadVehiclePlate(read.Vrm)); // clean generated-api
            Activity.Current?.SetTag("toll.tag", tagId); // leak TC1001 direct
            Activity.Current?.SetTag("toll.gantry", read.CameraId); // clean precision-about
            Activity.Current?.SetTag("toll.read.confidence", read.Confidence); // clean precision-names

            var account = await accounts.FindByTagAsync(tagId, stoppingToken) ?? await accounts.FindByPlateAsync(read.Vrm, stoppingToken);
            if (account is null)
            {
                logger.LogWarning("Unregistered vehicle {Vrm} at gantry {Gantry}", read.Vrm, read.CameraId); // leak TC1001 direct
                Trips.Add(1, new KeyValuePair<string, object?>("gantry", read.CameraId), new KeyValuePair<string, object?>("registered", false)); // clean precision-about
                _operations.Add(1, read.CameraId, "unregistered"); // clean generated-api
                continue;
            }

            var holder = pseudonymizer.PseudonymizeTollroadAccountId(account.AccountNumber);
            span.SetTollroadAccountId(holder); // clean generated-api
            Activity.Current?.SetTag("toll.account.balance", account.Balance); // clean precision-about
            Activity.Current?.SetTag("toll.account.email", account.Email); // leak TC1001 direct
            Activity.Current?.SetTag("toll.account", account.AccountNumber); // leak TC1001 direct
            Activity.Current?.SetTag("toll.account.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(account.AccountNumber))[0] & 31); // clean hashes
            Activity.Current?.SetTag("toll.account.guid", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(account.AccountNumber)))); // leak TC1002 hashes
            logger.LogInformation("Trip charged to {Account}", account); // leak TC1001 logging-objects
            Trips.Add(1, new KeyValuePair<string, object?>("account", holder.Value)); // leak TC1003 precision-pseudonym

            try
            {
                await accounts.DebitAsync(account.AccountNumber, new TollCharge(read.ReadId, read.CameraId, "2", 3.50m), stoppingToken);
            }
            catch (AccountSuspendedException ex)
            {
                span.RecordException(ex); // clean exceptions
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogTollroadOperationFailedEvent(read.CameraId, "suspended", holder); // clean generated-api
            }
            catch (TollBackOfficeTimeoutException ex)
            {
                logger.LogError(ex, "Back office timeout for trip {Trip}", read.ReadId); // clean exceptions
            }

            consumer.Commit(result);
        }
    }
}
