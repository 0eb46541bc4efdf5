namespace PrivacyHoldout117.Support;

// Telematics ingestion as the platform team ships it to the services: a decoded ping from a tracker,
// a batch of them, and a stream-processor checkpoint.

/// <summary>A decoded tracker ping: the unit's IMEI, position, speed, heading, ignition and time. Prints its members.</summary>
public sealed record TelematicsPing(string Imei, GeoPoint Position, double SpeedKph, int Heading, bool Ignition, DateTimeOffset RecordedAt, int SatelliteCount);

/// <summary>A batch read from the ingestion topic: partition, offsets and the pings.</summary>
public sealed record PingBatch(string Topic, int Partition, long FirstOffset, long LastOffset, IReadOnlyList<TelematicsPing> Pings);

/// <summary>The stream processor's checkpoint store.</summary>
public interface ICheckpointStore
{
    Task SaveAsync(string topic, int partition, long offset, CancellationToken cancellationToken = default);
}

/// <summary>The decoder could not read a frame: it quotes the first bytes in hex and the reason.</summary>
public sealed class PingDecodeException(string reason, string headHex)
    : Exception($"Cannot decode frame ({reason}): {headHex}")
{
    public string Reason { get; } = reason;
}
