namespace PrivacyHoldout216.Healthcare;

public sealed record StaffHireEvent(string StaffNumber, string StaffName, string BikeId, string DockId, string WardCode, int Minutes, bool NightShift);

/// <summary>A trust's staff bike hire: hires from the docks at each site, consumed from the hire topic (keyed by staff number).</summary>
public sealed partial class StaffBikeHireWorker(
    IConsumer<string, StaffHireEvent> consumer,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<StaffBikeHireWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout216.Healthcare.StaffHire");
    private static readonly Meter Meter = new("PrivacyHoldout216.Healthcare.StaffHire");
    private static readonly Histogram<int> HireMinutes = Meter.CreateHistogram<int>("staff_hire.minutes");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var hire = result.Message.Value;
            using var activity = Source.StartActivity("staff_hire.consume");
            activity?.SetTag("messaging.destination", result.Topic); // clean precision-names
            activity?.SetTag("messaging.offset", result.Offset); // clean precision-about
            activity?.SetTag("messaging.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("hire.bike_id", hire.BikeId); // clean precision-names
            activity?.SetTag("hire.dock_id", hire.DockId); // clean precision-names
            activity?.SetTag("hire.ward", hire.WardCode); // clean precision-about
            activity?.SetTag("hire.night_shift", hire.NightShift); // clean precision-about
            activity?.SetTag("hire.staff_name_present", !string.IsNullOrEmpty(hire.StaffName)); // clean precision-about
            activity?.AddEvent(new ActivityEvent("hire.received", tags: new ActivityTagsCollection { ["staff.number"] = hire.StaffNumber })); // leak TC1001 direct
            logger.LogInformation("Hire {Hire}", hire); // leak TC1001 logging-objects
            logger.LogInformation("Hire of {BikeId} from {DockId} for {Minutes} min", hire.BikeId, hire.DockId, hire.Minutes); // clean precision-names
            HireMinutes.Record(hire.Minutes, new KeyValuePair<string, object?>("hire.ward", hire.WardCode)); // clean precision-about
            HireMinutes.Record(hire.Minutes, new KeyValuePair<string, object?>("staff.number", hire.StaffNumber)); // leak TC1003 direct

            using var hmac = new HMACSHA256(secrets.ShardKey);
            var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(hire.StaffNumber))[0] % 16;
            activity?.SetTag("hire.shard", shard); // clean hashes
            activity?.SetTag("staff.number_hash", hire.StaffNumber.GetHashCode()); // leak TC1002 hashes

            using (logger.BeginScope(new Dictionary<string, object> { ["StaffNumber"] = hire.StaffNumber })) // leak TC1001 logging-objects
            using (logger.BeginScope(new Dictionary<string, object> { ["DockId"] = hire.DockId, ["Ward"] = hire.WardCode })) // clean logging-objects
            {
                LogHireRecorded(logger, hire.StaffName, hire.BikeId); // clean logging-objects
                LogHireOwner(logger, hire.StaffName); // leak TC1001 logging-objects
            }

            var staff = pseudonymizer.Pseudonymize(RideDomains.Rider, hire.StaffNumber);
            Activity.Current?.AddBaggage("hire.staff", staff.Value); // clean precision-pseudonym
            Activity.Current?.AddBaggage("hire.staff_name", hire.StaffName); // leak TC1001 direct
            using var span = Source.StartRidecareOperation(hire.DockId);
            span.SetRidecareClientId(staff); // clean generated-api
            span.SetRidecareMinutes(hire.Minutes); // clean generated-api
            span.SetRidecareNote(hire.StaffName + " took " + hire.BikeId); // leak TC1001 strings
            Meter.CreateRidecareOperationDurationHistogram().Record(hire.Minutes * 60.0, hire.DockId); // clean generated-api
            Meter.CreateRidecareOperationsCounter().Add(1, hire.StaffNumber, "ok"); // leak TC1003 generated-api
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hire recorded for {StaffName} on {BikeId}")]
    private static partial void LogHireRecorded(ILogger logger, [PrivateData] string staffName, string bikeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hire owner {StaffName}")]
    private static partial void LogHireOwner(ILogger logger, string staffName);
}
