namespace PrivacyHoldout117.Energy;

/// <summary>
/// Smart-charging control of customers' home EV chargers through their device shadows: the
/// supplier sets a charging schedule in the desired state; the charger reports its session.
/// A home charger's serial is the household's device, as a smart meter's is.
/// </summary>
public sealed class HomeChargerTwinService(
    ILogger<HomeChargerTwinService> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    IMqttClient mqtt,
    Meter meter)
{
    private readonly Counter<long> _deltas = meter.CreateCounter<long>("meterfleet.shadow.deltas");
    private readonly MeterfleetIngestLagHistogram _lag = meter.CreateMeterfleetIngestLagHistogram();

    public async Task ApplyScheduleAsync(string chargerSerial, string accountNumber, string tariff, CancellationToken ct)
    {
        var topic = $"$aws/things/{chargerSerial}/shadow/update";
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(JsonSerializer.Serialize(new { state = new { desired = new { tariff, offPeakOnly = true } } }))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

        using var span = source.StartMeterfleetRollout("smart-charge", tariff); // clean generated-api
        span.SetMeterfleetAccountId(pseudonymizer.PseudonymizeMeterfleetAccountId(accountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("mqtt.topic", topic); // leak TC1001 strings
        span.Activity?.SetTag("mqtt.topic.template", "$aws/things/{thing}/shadow/update"); // clean precision-names
        span.Activity?.SetTag("mqtt.payload", message.ConvertPayloadToString()); // clean strings

        try
        {
            var result = await mqtt.PublishAsync(message, ct);
            span.SetMeterfleetOutcome(result.IsSuccess ? "accepted" : $"reason-{result.ReasonCode}"); // clean precision-about
        }
        catch (MqttPublishRefusedException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.Activity?.SetTag("mqtt.reason_code", ex.ReasonCode); // clean exceptions
        }
    }

    public void OnShadowDelta(ShadowDocument shadow, string accountNumber)
    {
        _deltas.Add(1, new KeyValuePair<string, object?>("fields", shadow.Delta.Count)); // clean precision-about
        _deltas.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.ComputeMeterfleetAccountId(accountNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Shadow delta {@Shadow}", shadow); // leak TC1001 logging-objects
        logger.LogInformation("Shadow delta keys {Keys} at version {Version}", string.Join(",", shadow.Delta.Keys), shadow.Version); // clean precision-names
        _lag.Record((DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(shadow.Timestamp)).TotalSeconds, "charger-7kw"); // clean generated-api
        Baggage.SetBaggage("charger.serial", shadow.ThingName); // leak TC1001 direct
        Baggage.SetBaggage("account.pseudonym", pseudonymizer.ComputeMeterfleetAccountId(accountNumber)); // clean precision-pseudonym
    }
}
