namespace PrivacyHoldout117.Healthcare;

/// <summary>A vital-sign ping from a patient's wearable, relayed by the home hub. Prints its members.</summary>
public sealed record VitalsPing(string HospitalNumber, string WearableSerial, int HeartRate, int SpO2, double SkinTempC, DateTimeOffset RecordedAt);

/// <summary>
/// Consumes the remote monitoring vendor's MQTT feed. The vendor's hub publishes under
/// <c>rpm/patients/{hospitalNumber}/vitals</c>; the wearables are the trust's, lent to the patient.
/// </summary>
public sealed class WearableVitalsIngestor(
    ILogger<WearableVitalsIngestor> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    FleetOptions options)
{
    private const string VitalsFilter = "rpm/patients/+/vitals";
    private readonly RpmfleetPingsCounter _pings = meter.CreateRpmfleetPingsCounter();
    private readonly RpmfleetIngestLagHistogram _lag = meter.CreateRpmfleetIngestLagHistogram();
    private readonly Counter<long> _outOfRange = meter.CreateCounter<long>("rpm.vitals.out_of_range");

    public Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        var hospitalNumber = MqttTopicFilter.Segment(message.Topic, 2);
        using var span = source.StartRpmfleetIngest(VitalsFilter); // clean precision-names
        span.SetRpmfleetPatientId(pseudonymizer.PseudonymizeRpmfleetPatientId(hospitalNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("messaging.destination.name", message.Topic); // leak TC1001 strings
        span.Activity?.SetTag("messaging.mqtt.qos", (int)message.QualityOfServiceLevel); // clean precision-about
        span.Activity?.SetTag("messaging.client_id", args.ClientId); // clean precision-names

        VitalsPing? ping;
        try
        {
            ping = JsonSerializer.Deserialize<VitalsPing>(message.PayloadSegment);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Unreadable vitals payload on {Topic}", message.Topic); // leak TC1001 strings
            logger.LogWarning("Unreadable vitals payload of {Bytes} bytes: {Payload}", message.PayloadSegment.Count, message.ConvertPayloadToString()); // leak TC1001 strings
            span.RecordException(ex); // clean exceptions
            return Task.CompletedTask;
        }

        if (ping is null)
        {
            return Task.CompletedTask;
        }

        var lag = DateTimeOffset.UtcNow - ping.RecordedAt;
        _lag.Record(lag.TotalSeconds, "wearable-v3", lag > options.MaxPingAge ? "late" : "accepted"); // clean generated-api
        _pings.Add(1, "wearable-v3", "accepted"); // clean generated-api
        span.SetRpmfleetDeviceModel(ping.WearableSerial[..4]); // clean precision-about

        logger.LogDebug("Vitals from wearable {Serial}: HR {HeartRate} SpO2 {SpO2}", ping.WearableSerial, ping.HeartRate, ping.SpO2); // clean precision-names
        logger.LogDebug("Vitals ping {@Ping}", ping); // leak TC1001 logging-objects

        if (ping.SpO2 < 90)
        {
            _outOfRange.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeRpmfleetPatientId(ping.HospitalNumber))); // leak TC1003 precision-pseudonym
            _outOfRange.Add(1, new KeyValuePair<string, object?>("vital", "spo2")); // clean precision-about
            logger.LogWarning("Low SpO2 {SpO2} for patient {PatientNumber}", ping.SpO2, ping.HospitalNumber); // leak TC1001 direct
            Activity.Current?.AddEvent(new ActivityEvent("rpm.vitals.alert", tags: new ActivityTagsCollection { ["rpm.patient"] = pseudonymizer.ComputeRpmfleetPatientId(ping.HospitalNumber), ["rpm.vital"] = "spo2" })); // clean precision-pseudonym
        }

        return Task.CompletedTask;
    }
}
