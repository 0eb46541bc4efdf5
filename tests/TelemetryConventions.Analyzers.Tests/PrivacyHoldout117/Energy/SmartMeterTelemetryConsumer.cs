namespace PrivacyHoldout117.Energy;

/// <summary>A half-hourly consumption frame from a smart meter. Prints its members.</summary>
public sealed record MeterFrame(string MeterSerial, string Mpan, double ImportKwh, double ExportKwh, double VoltageV, DateTimeOffset IntervalEnd);

/// <summary>
/// Reads the head-end system's MQTT bridge: each meter publishes on <c>meters/{serial}/consumption</c>
/// and <c>meters/{serial}/alarms</c>. A smart meter's serial identifies the household.
/// </summary>
public sealed class SmartMeterTelemetryConsumer(
    ILogger<SmartMeterTelemetryConsumer> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ICheckpointStore checkpoints)
{
    private readonly MeterfleetPingsCounter _frames = meter.CreateMeterfleetPingsCounter();
    private readonly Histogram<double> _voltage = meter.CreateHistogram<double>("meterfleet.voltage", "V");
    private readonly ConcurrentDictionary<string, int> _alarmsBySerial = new();

    public async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args, string feeder, CancellationToken ct)
    {
        var topic = args.ApplicationMessage.Topic;
        var serial = MqttTopicFilter.Segment(topic, 1);
        using var span = source.StartMeterfleetIngest("meters/+/consumption");
        span.SetMeterfleetFeeder(feeder); // clean precision-names
        span.SetMeterfleetNote($"frame from {topic}"); // leak TC1001 generated-api

        var frame = JsonSerializer.Deserialize<MeterFrame>(args.ApplicationMessage.ConvertPayloadToString());
        if (frame is null)
        {
            logger.LogMeterfleetPingRejectedEvent(topic, "unreadable"); // leak TC1001 generated-api
            return;
        }

        _frames.Add(1, frame.MeterSerial[..3], "accepted"); // clean precision-about
        _voltage.Record(frame.VoltageV, new KeyValuePair<string, object?>("feeder", feeder)); // clean precision-names
        _voltage.Record(frame.VoltageV, new KeyValuePair<string, object?>("meter", frame.MeterSerial)); // leak TC1003 direct
        span.Activity?.SetTag("meterfleet.mpan", frame.Mpan); // leak TC1001 direct
        span.Activity?.SetTag("meterfleet.mpan.distributor", frame.Mpan[..2]); // clean precision-about
        span.SetMeterfleetAccountId(pseudonymizer.PseudonymizeMeterfleetAccountId(frame.Mpan)); // clean precision-pseudonym
        logger.LogDebug("Frame {Frame}", frame); // leak TC1001 logging-objects
        logger.LogDebug("Frame import {Import} kWh export {Export} kWh at {End}", frame.ImportKwh, frame.ExportKwh, frame.IntervalEnd); // clean precision-about

        if (frame.VoltageV > 253)
        {
            var count = _alarmsBySerial.AddOrUpdate(serial, 1, (_, n) => n + 1);
            span.Activity?.AddEvent(new ActivityEvent("meterfleet.overvoltage", tags: new ActivityTagsCollection { ["feeder"] = feeder, ["alarms"] = count })); // clean precision-about
        }

        await checkpoints.SaveAsync(topic, 0, 0, ct);
    }

    public void ReportNoisyMeters()
    {
        var noisy = _alarmsBySerial.Where(kv => kv.Value > 10).ToDictionary(kv => kv.Key, kv => kv.Value);
        logger.LogWarning("Meters with repeated overvoltage: {Meters}", noisy); // leak TC1001 cross-member
        logger.LogWarning("{Count} meters with repeated overvoltage", noisy.Count); // clean cross-member
        var unkeyed = noisy.Keys.Select(k => Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(k)))[..8]);
        logger.LogWarning("Noisy meter digests {Digests}", string.Join(",", unkeyed)); // leak TC1002 hashes
    }
}
