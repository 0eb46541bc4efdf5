namespace PrivacyHoldout142.Media;

/// <summary>
/// A weigh-in from a connected smart scale in a subscriber's home. Prints the scale's serial, subscriber id, viewing
/// profile id, weight, body fat, muscle, water and the time.
/// </summary>
public sealed record ScaleWeighIn(string ScaleSerial, Guid SubscriberId, string ProfileId, double WeightKg, double BodyFatPercent, double MuscleKg, double WaterPercent, DateTimeOffset At);

/// <summary>A scale's own report. Prints model, firmware and battery.</summary>
public sealed record ScaleHealth(string Model, string Firmware, int BatteryPercent);

/// <summary>Syncs weigh-ins from the smart scales paired with the fitness add-on into the progress screen.</summary>
public sealed class SmartScaleSyncConsumer(
    IQueueReceiver<ScaleWeighIn> queue,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SmartScaleSyncConsumer> logger) : BackgroundService
{
    private readonly Histogram<double> _bodyFat = meter.CreateHistogram<double>("streamfit.scale.body_fat", "%");
    private readonly Counter<long> _syncs = meter.CreateCounter<long>("streamfit.scale.syncs", "{sync}");
    private readonly Dictionary<string, double> _lastWeightByProfile = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var weighIn = await queue.ReceiveAsync(stoppingToken);
            if (weighIn is null)
            {
                continue;
            }

            using var span = source.StartStreamfitOperation("smart-scale");
            span.SetStreamfitSubscriberId(pseudonymizer.PseudonymizeStreamfitSubscriberId(weighIn.SubscriberId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetTag("streamfit.scale.serial", weighIn.ScaleSerial); // leak TC1001 direct
            Activity.Current?.SetTag("streamfit.scale.model", weighIn.ScaleSerial[..3]); // clean precision-about
            _bodyFat.Record(weighIn.BodyFatPercent); // clean precision-about
            _syncs.Add(1, new KeyValuePair<string, object?>("scale", weighIn.ScaleSerial)); // leak TC1003 direct
            _syncs.Add(1, new KeyValuePair<string, object?>("model", weighIn.ScaleSerial[..3])); // clean precision-about
            logger.LogDebug("Weigh-in {WeighIn}", weighIn); // leak TC1001 logging-objects
            logger.LogDebug("Weigh-in of {Weight:0.0} kg, {BodyFat:0.0}% fat, {Water:0.0}% water", weighIn.WeightKg, weighIn.BodyFatPercent, weighIn.WaterPercent); // clean precision-about
            if (_lastWeightByProfile.TryGetValue(weighIn.ProfileId, out var previous))
            {
                var change = weighIn.WeightKg - previous;
                logger.LogInformation("Profile {ProfileId} changed by {Change:0.0} kg", weighIn.ProfileId, change); // leak TC1001 direct
                Activity.Current?.SetTag("streamfit.scale.change_kg", Math.Round(change, 1)); // clean precision-about
            }

            _lastWeightByProfile[weighIn.ProfileId] = weighIn.WeightKg;
        }
    }

    public void ReportHealth(string scaleSerial, ScaleHealth health)
    {
        logger.LogInformation("Scale health {Health}", health); // clean logging-objects
        logger.LogInformation("Profiles with weigh-ins {Profiles}", _lastWeightByProfile.Keys.ToList()); // leak TC1001 cross-member
        logger.LogInformation("Profiles with weigh-ins: {Count}", _lastWeightByProfile.Count); // clean precision-about
        var scaleKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scaleSerial)))[..16];
        logger.LogInformation("Scale {ScaleKey} reported", scaleKey); // leak TC1002 hashes
        logger.LogInformation("Scale reported from {Pseudonym}", Pseudonym.FromComputed(scaleSerial)); // leak TC1001 precision-pseudonym
    }
}
