namespace PrivacyHoldout167.Healthcare;

/// <summary>Reads the hospital car parks' exit barrier ANPR feed, matches plates to paid sessions and staff permits.</summary>
public sealed partial class CarParkBarrierWorker(
    IConsumer<string, PlateRead> consumer,
    IPermitStore permits,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CarParkBarrierWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Hospital.CarParks");
    private static readonly Meter Meter = new("Hospital.CarParks");
    private static readonly Counter<long> Exits = Meter.CreateCounter<long>("carpark.exits");
    private readonly WardparkOperationsCounter _operations = Meter.CreateWardparkOperationsCounter();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var read = result.Message.Value;
            var plate = Plates.Normalise(read.Vrm);
            using var activity = Source.StartActivity("barrier.exit");
            activity?.SetTag("carpark.camera", read.CameraId); // clean precision-about
            activity?.SetTag("carpark.vehicle.vrm", plate); // leak TC1001 direct
            activity?.SetTag("carpark.plate.area", Plates.Area(plate)); // clean precision-about
            activity?.SetTag("carpark.read.confidence", read.Confidence); // clean precision-names
            logger.LogDebug("Barrier read {Read} from topic {Topic}", read, result.Topic); // leak TC1001 logging-objects
            logger.LogDebug("Barrier read {ReadId} at {Camera} partition {Partition}", read.ReadId, read.CameraId, result.Partition); // clean precision-about

            var permit = await permits.FindByPlateAsync(plate, stoppingToken);
            if (permit is null)
            {
                LogNoPermit(logger, plate, read.CameraId); // leak TC1001 cross-member
                Exits.Add(1, new KeyValuePair<string, object?>("carpark.permit", "none")); // clean precision-about
                continue;
            }

            LogPermitMatched(logger, permit.PermitId, plate); // clean precision-names
            Exits.Add(1, new KeyValuePair<string, object?>("carpark.vrm", plate)); // leak TC1003 direct
            _operations.Add(1, permit.Zone, "matched"); // clean generated-api
            var holder = pseudonymizer.PseudonymizeWardparkStaffId(permit.HolderId);
            Exits.Add(1, new KeyValuePair<string, object?>("carpark.holder", holder.Value)); // leak TC1003 precision-pseudonym
            activity?.SetTag("carpark.holder", holder.Value); // clean precision-pseudonym
            activity?.SetTag("carpark.dedupe", DedupeKey(plate)); // leak TC1002 hashes
            activity?.SetTag("carpark.shard", Shard(plate)); // clean hashes
            consumer.Commit(result);
        }
    }

    private static string DedupeKey(string plate) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plate)))[..16];

    private int Shard(string plate)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(plate))[0] % 16;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "No staff permit for {Vrm} at camera {Camera}")]
    private static partial void LogNoPermit(ILogger logger, string vrm, string camera);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Permit {PermitId} matched plate {Vrm}")]
    private static partial void LogPermitMatched(ILogger logger, string permitId, [PrivateData] string vrm);
}
