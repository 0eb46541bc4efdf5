namespace PrivacyHoldout80.Transport;

/// <summary>A position report: the bus, the driver's badge from the cab's card reader, a fix and a speed.</summary>
public sealed record VehiclePosition(string VehicleId, string DriverBadge, double Latitude, double Longitude, float SpeedKmh, ushort Heading);

/// <summary>Decodes the vehicle gateways' position frames (little-endian, fixed point 1e-7 degrees).</summary>
public sealed partial class VehicleGatewayDecoder(ILogger<VehicleGatewayDecoder> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Tapwire.Vehicles");
    private readonly Histogram<float> _speed = meter.CreateHistogram<float>("tapwire.vehicle.speed", "km/h");
    private readonly Dictionary<string, VehiclePosition> _latest = new();

    public VehiclePosition Decode(ReadOnlySpan<byte> body)
    {
        var vehicle = Encoding.ASCII.GetString(body[..6]);
        var badge = Encoding.ASCII.GetString(body.Slice(6, 8)).TrimEnd('\0');
        var position = new VehiclePosition(vehicle, badge,
            BinaryPrimitives.ReadInt32LittleEndian(body[14..]) / 1e7,
            BinaryPrimitives.ReadInt32LittleEndian(body[18..]) / 1e7,
            BinaryPrimitives.ReadSingleLittleEndian(body[22..]),
            BinaryPrimitives.ReadUInt16LittleEndian(body[26..]));
        _latest[vehicle] = position;

        using var activity = Source.StartActivity("tapwire.position");
        activity?.SetTag("tapwire.vehicle", vehicle); // clean precision-about
        activity?.SetTag("tapwire.vehicle.lat", position.Latitude); // clean precision-about
        activity?.SetTag("tapwire.driver.badge", badge); // leak TC1001 direct
        activity?.SetTag("tapwire.driver.bucket", HashCode.Combine(badge) & 0x3F); // leak TC1002 hashes
        _speed.Record(position.SpeedKmh, new KeyValuePair<string, object?>("vehicle", vehicle)); // clean precision-about
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["vehicle"] = vehicle, ["driver"] = badge }); // leak TC1001 direct
        LogPosition(logger, vehicle, position.SpeedKmh, position.Heading); // clean precision-about
        return position;
    }

    public void ReportOverspeed(float limit)
    {
        foreach (var position in _latest.Values.Where(p => p.SpeedKmh > limit))
        {
            logger.LogWarning("Overspeed: {Position}", position); // leak TC1001 logging-objects
            logger.LogWarning("Overspeed on {Vehicle}: {Speed} km/h", position.VehicleId, position.SpeedKmh); // clean precision-about
            Activity.Current?.SetTag("tapwire.overspeed.driver", position.DriverBadge); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Trace, Message = "Vehicle {Vehicle} at {Speed} km/h heading {Heading}")]
    private static partial void LogPosition(ILogger logger, string vehicle, float speed, ushort heading);
}
