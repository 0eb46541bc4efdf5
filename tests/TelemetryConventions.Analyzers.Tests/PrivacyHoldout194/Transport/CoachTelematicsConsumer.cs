namespace PrivacyHoldout194.Transport;

/// <summary>
/// A coach operator's telematics: the coaches' black boxes report harsh braking and night driving
/// (topic keyed by fleet number), scored per driver for the operator's fleet insurer.
/// </summary>
public sealed partial class CoachTelematicsConsumer(
    IConsumer<string, CoachTelematicsConsumer.CoachHarshEvent> consumer,
    Func<string, CoachTelematicsConsumer.CoachDriver> roster,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CoachTelematicsConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Coaches.Telematics");
    private static readonly Meter Meter = new("Coaches.Telematics");
    private static readonly Counter<long> HarshEvents = Meter.CreateCounter<long>("fleetfnol.harsh_events");

    public sealed record CoachDriver(string StaffNumber, string FullName, string Mobile, string Depot, string LicenceNumber);

    public sealed record CoachHarshEvent(string FleetNumber, string CoachRegistration, string DriverStaffNumber, string Kind, double PeakG, double SpeedMph, double Latitude, double Longitude, bool NightDriving);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var harsh = result.Message.Value;
            var driver = roster(harsh.DriverStaffNumber);
            using var activity = Source.StartActivity("coach.harsh_event");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("coach.fleet_number", harsh.FleetNumber); // clean precision-names
            activity?.SetTag("coach.registration", harsh.CoachRegistration); // clean precision-names
            activity?.SetTag("coach.depot", driver.Depot); // clean precision-about
            activity?.SetTag("harsh.kind", harsh.Kind); // clean precision-about
            activity?.SetTag("harsh.peak_g", harsh.PeakG); // clean precision-about
            activity?.SetTag("harsh.night", harsh.NightDriving); // clean precision-about
            activity?.SetTag("harsh.position", $"{harsh.Latitude:F5} {harsh.Longitude:F5}"); // leak TC1001 strings
            activity?.SetTag("driver.staff_number", harsh.DriverStaffNumber); // leak TC1001 direct
            activity?.SetTag("driver.name", driver.FullName); // leak TC1001 direct
            activity?.SetTag("driver.pseudonym", pseudonymizer.ComputeFleetfnolClientId(harsh.DriverStaffNumber)); // clean precision-pseudonym
            HarshEvents.Add(1, new KeyValuePair<string, object?>("depot", driver.Depot), new KeyValuePair<string, object?>("kind", harsh.Kind)); // clean precision-about
            HarshEvents.Add(1, new KeyValuePair<string, object?>("driver", harsh.DriverStaffNumber)); // leak TC1003 direct
            HarshEvents.Add(1, new KeyValuePair<string, object?>("coach", harsh.FleetNumber)); // clean precision-names
            logger.LogInformation("Harsh event {Event}", harsh); // leak TC1001 logging-objects
            logger.LogInformation("Harsh event {@Event}", new { harsh.FleetNumber, harsh.Kind, harsh.PeakG, harsh.SpeedMph }); // clean logging-objects
            logger.LogInformation("Driver {@Driver}", driver); // leak TC1001 logging-objects
            using (logger.BeginScope(new Dictionary<string, object> { ["Fleet"] = harsh.FleetNumber, ["Driver"] = driver.Mobile })) // leak TC1001 logging-objects
            {
                LogScored(logger, harsh.FleetNumber, driver.FullName); // clean logging-objects
            }

            var driverBucket = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(driver.LicenceNumber))) % 32;
            activity?.SetTag("driver.bucket", driverBucket); // leak TC1002 hashes
            activity?.SetTag("driver.bucket_keyed", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(harsh.DriverStaffNumber))[0]); // clean hashes

            using var span = Source.StartFleetfnolOperation(driver.Depot); // clean generated-api
            span.SetFleetfnolClientId(pseudonymizer.PseudonymizeFleetfnolClientId(harsh.DriverStaffNumber)); // clean generated-api
            span.SetFleetfnolMode("black-box"); // clean generated-api
            span.SetFleetfnolNote($"{harsh.Kind} at {harsh.SpeedMph:F0} mph on coach {harsh.FleetNumber}"); // clean generated-api
            span.SetFleetfnolNote($"{harsh.Kind} by {driver.FullName}"); // leak TC1001 generated-api
            Meter.CreateFleetfnolOperationDurationHistogram().Record(0.2, driver.Depot); // clean generated-api
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 8501, Level = LogLevel.Information, Message = "Coach {FleetNumber} scored for driver {DriverName}")]
    private static partial void LogScored(ILogger logger, string fleetNumber, [PrivateData] string driverName);
}
