namespace PrivacyHoldout117.Media;

/// <summary>A health beacon from a set-top box. Prints its members.</summary>
public sealed record BoxHealth(string BoxId, Guid SubscriberId, string Model, string FirmwareVersion, int SignalDb, int ReceivedErrors, string WifiSsid, string PublicIp);

/// <summary>
/// Consumes the boxes' health beacons on <c>stb/{region}/{boxId}/health</c>. A box is leased to one
/// subscriber and registered to their account: its id identifies the home, as a meter serial does.
/// </summary>
public sealed class SetTopBoxHealthConsumer(
    ILogger<SetTopBoxHealthConsumer> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly StbfleetPingsCounter _beacons = meter.CreateStbfleetPingsCounter();
    private readonly StbfleetIngestLagHistogram _lag = meter.CreateStbfleetIngestLagHistogram();
    private readonly Histogram<int> _signal = meter.CreateHistogram<int>("stbfleet.signal", "dB");

    public void OnBeacon(MqttApplicationMessageReceivedEventArgs args, DateTimeOffset sentAt)
    {
        var topic = args.ApplicationMessage.Topic;
        var region = MqttTopicFilter.Segment(topic, 1);
        using var span = source.StartStbfleetIngest("stb/+/+/health");
        span.SetStbfleetRegion(region); // clean precision-names

        var health = JsonSerializer.Deserialize<BoxHealth>(args.ApplicationMessage.ConvertPayloadToString())!;
        span.SetStbfleetDeviceModel(health.Model); // clean precision-names
        span.SetStbfleetSubscriberId(pseudonymizer.PseudonymizeStbfleetSubscriberId(health.SubscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("stb.box.id", health.BoxId); // leak TC1001 direct
        span.Activity?.SetTag("stb.wifi.ssid", health.WifiSsid); // leak TC1001 direct
        span.Activity?.SetTag("client.address", health.PublicIp); // leak TC1001 direct
        span.Activity?.SetTag("client.address.family", health.PublicIp.Contains(':') ? "ipv6" : "ipv4"); // clean precision-about
        _signal.Record(health.SignalDb, new KeyValuePair<string, object?>("model", health.Model), new KeyValuePair<string, object?>("region", region)); // clean precision-names
        _lag.Record((DateTimeOffset.UtcNow - sentAt).TotalSeconds, health.Model, "accepted"); // clean generated-api
        _beacons.Add(1, health.Model, health.ReceivedErrors > 0 ? "errors" : "accepted"); // clean generated-api

        if (health.ReceivedErrors > 1000)
        {
            logger.LogWarning("Box reporting errors: {Health}", health); // leak TC1001 logging-objects
            logger.LogWarning("Box model {Model} on fw {Firmware} reports {Errors} errors", health.Model, health.FirmwareVersion, health.ReceivedErrors); // clean precision-about
            logger.LogStbfleetPingRejectedEvent(topic, "errors", null, $"box {health.BoxId} signal {health.SignalDb} dB"); // leak TC1001 generated-api
            span.Activity?.SetTag("stb.box.bucket", BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(health.BoxId)), 0) % 1000); // leak TC1002 hashes
        }
    }

    public void OnDisconnected(MqttClientDisconnectedEventArgs args)
    {
        logger.LogWarning(args.Exception, "Broker connection lost: {Reason} {ReasonString}", args.Reason, args.ReasonString); // clean exceptions
        Activity.Current?.SetTag("mqtt.disconnect.reason", args.Reason.ToString()); // clean precision-about
    }
}
