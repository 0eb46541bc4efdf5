namespace PrivacyHoldout202.Transport;

public sealed record PlateRead(string CameraId, string CarPark, string Plate, double Confidence, DateTimeOffset At);

/// <summary>A transport authority's leisure centres: members park free, recognised by plate at the barrier (ANPR reads keyed by plate).</summary>
public sealed class CarParkPlateConsumer(
    IConsumer<string, PlateRead> consumer,
    IPermitRegister permits,
    IMemberDirectory directory,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<CarParkPlateConsumer> logger) : BackgroundService
{
    private static readonly Counter<long> Reads = new Meter("parkswim.anpr").CreateCounter<long>("parkswim.plate_reads");
    private readonly Queue<string> _unmatchedPlates = new();
    private VehiclePermit? _lastPermit;

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
            using var span = source.StartParkswimOperation(read.CarPark);
            span.SetParkswimActivity("parking"); // clean precision-about
            Activity.Current?.SetTag("anpr.camera", read.CameraId); // clean precision-names
            Activity.Current?.SetTag("anpr.confidence", read.Confidence); // clean precision-about
            Activity.Current?.SetTag("anpr.plate", read.Plate); // leak TC1001 direct
            Activity.Current?.SetTag("anpr.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("anpr.partition", result.Partition); // clean precision-names
            Activity.Current?.SetTag("anpr.plate_length", read.Plate.Length); // clean precision-about
            logger.LogDebug("Plate read {Read}", read); // leak TC1001 logging-objects
            logger.LogDebug("Plate read {@Read}", new { read.CameraId, read.CarPark, read.Confidence }); // clean logging-objects

            var permit = await permits.FindByPlateAsync(read.Plate, stoppingToken);
            if (permit is null)
            {
                _unmatchedPlates.Enqueue(read.Plate);
                Reads.Add(1, new KeyValuePair<string, object?>("car_park", read.CarPark), new KeyValuePair<string, object?>("matched", false)); // clean precision-names
                Reads.Add(1, new KeyValuePair<string, object?>("plate", read.Plate)); // leak TC1003 direct
                logger.LogParkswimOperationFailedEvent(read.CarPark, "no-permit", default, $"camera {read.CameraId} confidence {read.Confidence:0.00}"); // clean generated-api
                logger.LogParkswimOperationFailedEvent(read.CarPark, "no-permit", default, $"plate {read.Plate}"); // leak TC1001 generated-api
                continue;
            }

            _lastPermit = permit;
            span.SetParkswimMemberId(pseudonymizer.PseudonymizeParkswimMemberId(permit.MembershipNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("permit.id", permit.PermitId); // clean precision-names
            logger.LogInformation("Permit {Permit}", permit); // leak TC1001 logging-objects
            logger.LogInformation("Permit {@Permit}", permit with { Plate = permit.Plate[..2] }); // leak TC1001 logging-objects
            Baggage.SetBaggage("permit.member", pseudonymizer.ComputeParkswimMemberId(permit.MembershipNumber)); // clean precision-pseudonym
            Baggage.SetBaggage("permit.member_number", permit.MembershipNumber); // leak TC1001 direct
            meter.CreateParkswimOperationsCounter().Add(1, read.CarPark, "barrier-open"); // clean generated-api
            meter.CreateParkswimOperationsCounter().Add(1, read.CarPark, permit.Plate); // leak TC1003 generated-api
        }
    }

    public void Flush()
    {
        logger.LogInformation("Unmatched plates {Count}", _unmatchedPlates.Count); // clean cross-member
        logger.LogInformation("Unmatched plates {Plates}", string.Join(";", _unmatchedPlates)); // leak TC1001 cross-member
        logger.LogInformation("Last permit car park {CarPark}", _lastPermit?.CarPark); // clean cross-member
        logger.LogInformation("Last permit plate {Plate}", _lastPermit?.Plate); // leak TC1001 cross-member
        var plateHash = _unmatchedPlates.Select(p => BitConverter.ToString(MD5.HashData(Encoding.ASCII.GetBytes(p)))).FirstOrDefault();
        Activity.Current?.SetTag("anpr.unmatched_hash", plateHash); // leak TC1002 hashes
        var plateLane = _unmatchedPlates.Select(p => HMACSHA256.HashData(secrets.ShardKey, Encoding.ASCII.GetBytes(p))[1] % 10).FirstOrDefault();
        Reads.Add(0, new KeyValuePair<string, object?>("lane", plateLane)); // clean hashes
    }
}
