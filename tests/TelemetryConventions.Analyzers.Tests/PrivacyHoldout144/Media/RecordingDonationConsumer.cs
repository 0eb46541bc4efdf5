namespace PrivacyHoldout144.Media;

/// <summary>
/// Listeners give the archive tapes and discs they recorded off air decades ago. The donations desk registers each
/// carrier and publishes it on the <c>soundarchive.donations</c> topic, keyed by carrier id; the consumer sends it
/// to digitisation.
/// </summary>
public sealed class RecordingDonationConsumer(
    IConsumer<string, DonatedCarrier> consumer,
    IIngestPipeline pipeline,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<RecordingDonationConsumer> logger) : BackgroundService
{
    private readonly Histogram<int> _minutes = meter.CreateHistogram<int>("soundarchive.carrier.minutes");
    private readonly Counter<long> _carriers = meter.CreateCounter<long>("soundarchive.carriers");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("donation.digitise", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            var carrier = result.Message.Value;
            activity?.SetTag("soundarchive.carrier.format", carrier.Format); // clean precision-about
            activity?.SetTag("soundarchive.donor.reference", carrier.DonorReference); // leak TC1001 direct
            activity?.SetTag("soundarchive.carrier.label", carrier.LabelText); // leak TC1001 direct
            activity?.SetTag("soundarchive.carrier.label_length", carrier.LabelText.Length); // clean precision-about
            logger.LogInformation("Carrier received {Carrier}", carrier); // leak TC1001 logging-objects

            _minutes.Record(carrier.Minutes, new KeyValuePair<string, object?>("soundarchive.carrier.format", carrier.Format)); // clean precision-about
            _minutes.Record(carrier.Minutes, new KeyValuePair<string, object?>("soundarchive.donor", pseudonymizer.ComputeSoundarchiveContributorId(carrier.DonorReference))); // leak TC1003 precision-pseudonym

            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(carrier.DonorReference))[0] % 8;
            _carriers.Add(1, new KeyValuePair<string, object?>("soundarchive.lane", lane)); // clean hashes
            var legacyIndex = carrier.DonorReference.GetHashCode();
            logger.LogDebug("Legacy donor index {Index}", legacyIndex); // leak TC1002 hashes

            if (result.Message.Headers.TryGetValue("donor-email", out var donorEmail))
            {
                activity?.SetTag(SoundarchiveAttributes.Contact, donorEmail); // leak TC1001 generated-api
            }

            try
            {
                var assetId = await pipeline.DigitiseAsync(carrier, stoppingToken);
                logger.LogInformation("Carrier {CarrierId} digitised as {AssetId}", carrier.CarrierId, assetId); // clean precision-names
            }
            catch (CarrierUnplayableException ex)
            {
                logger.LogWarning(ex, "Carrier sent to the conservation studio"); // clean exceptions
                activity?.SetTag("soundarchive.carrier.unplayable_format", ex.Format); // clean exceptions
            }

            consumer.Commit(result);
        }
    }
}
