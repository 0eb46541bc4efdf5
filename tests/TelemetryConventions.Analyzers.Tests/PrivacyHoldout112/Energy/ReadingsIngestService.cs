using Metering.V1;

namespace PrivacyHoldout112.Energy;

public interface IReadingsSink
{
    Task<bool> StoreAsync(MeterReading reading, CancellationToken cancellationToken);
}

/// <summary>
/// meter.v1.Readings: each household's home hub streams its smart meter's half-hourly readings over the home's
/// broadband, authenticated with a client certificate whose common name is the hub's serial.
/// </summary>
public sealed class ReadingsIngestService(
    IReadingsSink sink,
    KeyedShards shards,
    ILogger<ReadingsIngestService> logger) : Readings.ReadingsBase
{
    private static readonly ActivitySource Source = new("Supplier.Readings.Ingest");
    private static readonly Meter Meter = new("Supplier.Readings.Ingest");
    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>("meter.readings.rejected");

    public override async Task<IngestSummary> Upload(IAsyncStreamReader<MeterReading> requestStream, ServerCallContext context)
    {
        using var span = Source.StartMeterrpcCall(context.Method).SetMeterrpcProtocol("grpc");
        var hubSerial = context.AuthContext.PeerIdentity.FirstOrDefault()?.Value;
        Activity.Current?.SetTag("meter.hub.identity_property", context.AuthContext.PeerIdentityPropertyName); // clean precision-names
        Activity.Current?.SetTag("meter.hub.serial", hubSerial); // leak TC1001 direct
        Activity.Current?.SetTag("network.peer.address", context.Peer); // leak TC1001 direct
        Activity.Current?.SetTag("network.type", context.Peer.Split(':')[0]); // clean precision-about
        Activity.Current?.SetTag("meter.stream.channel", $"homes/{hubSerial}/readings"); // leak TC1001 strings

        var summary = new IngestSummary();
        string? lastSerial = null;
        await foreach (var reading in requestStream.ReadAllAsync(context.CancellationToken))
        {
            lastSerial = reading.MeterSerial;
            if (reading.Kwh < 0)
            {
                summary.Rejected++;
                Rejected.Add(1, new KeyValuePair<string, object?>("register", reading.Register)); // clean precision-names
                Rejected.Add(1, new KeyValuePair<string, object?>("meter", reading.MeterSerial)); // leak TC1003 direct
                logger.LogWarning("Negative reading {Reading}", reading); // leak TC1001 logging-objects
                continue;
            }

            if (await sink.StoreAsync(reading, context.CancellationToken))
            {
                summary.Accepted++;
            }
        }

        span.SetMeterrpcStreamMessages(summary.Accepted + summary.Rejected) // clean precision-about
            .SetMeterrpcNote($"hub {hubSerial}: {summary.Accepted} accepted"); // leak TC1001 generated-api
        Activity.Current?.SetTag("meter.ingest.shard", lastSerial is null ? -1 : shards.ShardOf(lastSerial, 32)); // clean hashes
        Activity.Current?.SetTag("meter.ingest.partition", lastSerial is null ? null : Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(lastSerial)))[..6]); // leak TC1002 hashes
        logger.LogInformation("Upload finished {Summary}", summary); // clean logging-objects
        logger.LogInformation("Upload from {Meter} finished", lastSerial); // leak TC1001 direct
        return summary;
    }
}
