namespace PrivacyHoldout175.Healthcare;

/// <summary>
/// Consumes the staff festival's accreditation requests from <c>staff.festival-passes</c>, a topic keyed by staff
/// number, and prints wristbands for the staff marquee.
/// </summary>
public sealed partial class StaffFestivalAccreditationConsumer(
    IConsumer<string, StaffFestivalPass> consumer,
    ILogger<StaffFestivalAccreditationConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.StaffFestival");
    private static readonly Meter Meter = new("Trust.StaffFestival");
    private static readonly Counter<long> Passes = Meter.CreateCounter<long>("staff_festival.passes");
    private string? _lastStaffNumber;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("staff-festival.pass");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names

            var pass = result.Message.Value;
            _lastStaffNumber = pass.StaffNumber;
            using (logger.BeginScope(new Dictionary<string, object> { ["Department"] = pass.Department, ["Offset"] = result.Offset })) // clean logging-objects
            {
                PassIssued(logger, pass.StaffNumber, pass.Department); // clean logging-objects
                PassPrinted(logger, pass.FullName); // leak TC1001 logging-objects
            }

            logger.LogInformation("Pass issued: {@Pass}", pass); // leak TC1001 logging-objects
            Passes.Add(1, new TagList { { "department", pass.Department } }); // clean precision-names
            Passes.Add(1, new TagList { { "staff", pass.StaffNumber } }); // leak TC1003 direct

            var shard = Shard(pass.StaffNumber);
            activity?.SetTag("staff.shard", shard); // clean hashes
            var crew = pseudonymizer.ComputeWardgigsCrewId(pass.StaffNumber);
            logger.LogInformation("Pass for crew member {Crew}", crew); // clean precision-pseudonym
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    public void ReportStuck()
    {
        logger.LogWarning("Consumer stuck after staff number {StaffNumber}", _lastStaffNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("staff.lookup.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_lastStaffNumber ?? "")))); // leak TC1002 hashes
    }

    private int Shard(string staffNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(staffNumber))[0] % 16;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Festival pass issued to {StaffNumber} in {Department}")]
    private static partial void PassIssued(ILogger logger, [PrivateData] string staffNumber, string department);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wristband printed for {FullName}")]
    private static partial void PassPrinted(ILogger logger, string fullName);
}
