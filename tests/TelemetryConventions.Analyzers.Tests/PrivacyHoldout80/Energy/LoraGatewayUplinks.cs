namespace PrivacyHoldout80.Energy;

/// <summary>
/// An uplink from the packet forwarder of a radio gateway on a street pole. <c>DevEui</c> is the radio
/// module inside a customer's meter (the meter serial is printed beside it); the gateway is ours.
/// </summary>
public sealed record Uplink(string GatewayEui, string DevEui, uint FrameCounter, byte Port, int Rssi, double Snr, byte[] Payload);

/// <summary>Decodes the forwarder's binary PUSH_DATA datagrams: <c>[version:1][token:2][id:1][gateway:8][json…]</c>.</summary>
public sealed partial class LoraGatewayUplinks(ILogger<LoraGatewayUplinks> logger, Pseudonymizer pseudonymizer, KeyedShards shards, Meter meter)
{
    private const byte PushData = 0x00;
    private readonly Counter<long> _uplinks = meter.CreateCounter<long>("meterwire.lora.uplinks", "{uplink}");
    private readonly ConcurrentDictionary<string, uint> _lastCounter = new();

    public IEnumerable<Uplink> OnDatagram(ReadOnlyMemory<byte> datagram)
    {
        var bytes = datagram.Span;
        var version = bytes[0];
        var token = BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]);
        if (bytes[3] != PushData)
        {
            logger.LogDebug("Ignoring datagram id {Id} version {Version} token {Token}", bytes[3], version, token); // clean precision-about
            return [];
        }
        var gateway = Convert.ToHexString(bytes.Slice(4, 8));
        Activity.Current?.SetTag("meterwire.gateway", gateway); // clean precision-about
        Activity.Current?.SetTag("meterwire.datagram.token", token); // clean precision-about

        var uplinks = new List<Uplink>();
        var reader = new Utf8JsonReader(bytes[12..]);
        string? devEui = null;
        uint counter = 0;
        int rssi = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "deveui":
                    devEui = reader.GetString();
                    break;
                case "fcnt":
                    counter = reader.GetUInt32();
                    break;
                case "rssi":
                    rssi = reader.GetInt32();
                    break;
            }
        }
        if (devEui is null)
        {
            return uplinks;
        }

        var uplink = new Uplink(gateway, devEui, counter, 2, rssi, 0, bytes[12..].ToArray());
        uplinks.Add(uplink);
        if (_lastCounter.TryGetValue(devEui, out var previous) && counter <= previous)
        {
            logger.LogWarning("Replayed or reset frame counter: {Uplink}", uplink); // leak TC1001 logging-objects
            logger.LogWarning("Frame counter went from {Previous} to {Counter} on gateway {Gateway}", previous, counter, gateway); // clean precision-about
        }
        _lastCounter[devEui] = counter;

        Activity.Current?.SetTag("meterwire.device.pseudonym", pseudonymizer.ComputeMeterwireMeterSerial(devEui)); // clean precision-pseudonym
        Activity.Current?.SetTag("meterwire.device.lane", shards.LaneOf(Encoding.ASCII.GetBytes(devEui))); // clean precision-about
        Activity.Current?.SetTag("meterwire.device.sampled", (devEui.GetHashCode() & 0xFF) < 16); // leak TC1002 hashes
        _uplinks.Add(1, new KeyValuePair<string, object?>("gateway", gateway), new KeyValuePair<string, object?>("rssi.bucket", rssi / 10 * 10)); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("meterwire.uplink", tags: new ActivityTagsCollection { ["deveui"] = devEui, ["fcnt"] = counter })); // leak TC1001 direct
        LogUplink(logger, devEui, counter, rssi); // leak TC1001 direct
        return uplinks;
    }

    public void ReportSilentDevices(TimeSpan window)
    {
        logger.LogInformation("Devices silent for {Window}: {Devices}", window, _lastCounter.Keys); // leak TC1001 cross-member
        logger.LogInformation("{Count} devices tracked", _lastCounter.Count); // clean precision-about
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Trace, Message = "Uplink from {DevEui} fcnt {FrameCounter} rssi {Rssi}")]
    private static partial void LogUplink(ILogger logger, string devEui, uint frameCounter, int rssi);
}
