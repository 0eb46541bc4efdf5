namespace PrivacyHoldout167.Education;

/// <summary>Consumes the campus ANPR cameras' reads (topic keyed by plate) and flags cars without a permit.</summary>
public sealed class CampusAnprConsumer(
    IConsumer<string, ReadSummary> consumer,
    IPermitStore permits,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<CampusAnprConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("University.Anpr");
    private static readonly Meter Meter = new("University.Anpr");
    private static readonly Counter<long> Unpermitted = Meter.CreateCounter<long>("anpr.unpermitted");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var vrm = result.Message.Key;
            var summary = result.Message.Value;
            using var activity = Source.StartActivity("anpr.read");
            activity?.SetTag("messaging.kafka.message.key", vrm); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            logger.LogDebug("Read {@Summary}", summary); // clean logging-objects
            logger.LogDebug("Read {Summary}", summary); // clean logging-objects
            TagRead(activity, vrm); // leak TC1001 cross-member
            TagRead(activity, summary.CameraId); // clean cross-member

            var permit = await permits.FindByPlateAsync(vrm, stoppingToken);
            if (permit is null)
            {
                Unpermitted.Add(1, new KeyValuePair<string, object?>("camera", summary.CameraId)); // clean precision-about
                Unpermitted.Add(1, new KeyValuePair<string, object?>("plate.area", Plates.Area(vrm))); // clean precision-about
                var pseudo = pseudonymizer.ComputeCampusparkVehiclePlate(vrm);
                Unpermitted.Add(1, new KeyValuePair<string, object?>("plate", pseudo)); // leak TC1003 precision-pseudonym
                logger.LogInformation("Unpermitted vehicle {Plate} at {Camera}", pseudo, summary.CameraId); // clean precision-pseudonym
                logger.LogInformation("Unpermitted vehicle {Fingerprint}", vrm.GetHashCode()); // leak TC1002 hashes
                logger.LogInformation("Unpermitted vehicle {Fingerprint}", Keyed(vrm)); // clean hashes
            }
            else
            {
                logger.LogDebug("Permit holder {Holder} matched", permit.HolderId); // leak TC1001 direct
                logger.LogDebug("Permit {PermitId} matched in {Zone}", permit.PermitId, permit.Zone); // clean precision-about
            }

            consumer.Commit(result);
        }
    }

    private static void TagRead(Activity? activity, string value) =>
        activity?.SetTag("anpr.subject", value);

    private string Keyed(string vrm) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(vrm)))[..12];
}
