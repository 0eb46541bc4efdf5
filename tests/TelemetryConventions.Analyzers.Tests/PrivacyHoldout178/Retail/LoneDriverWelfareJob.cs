namespace PrivacyHoldout178.Retail;

public static partial class DriverWelfareLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Driver {DriverName} missed the welfare check on {FleetNumber}")]
    public static partial void CheckMissed(ILogger logger, [PrivateData] string driverName, string fleetNumber);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Driver {StaffNumber} escalated to 999 from {FleetNumber}")]
    public static partial void Escalated(ILogger logger, string staffNumber, string fleetNumber);
}

/// <summary>Home delivery drivers work alone: a missed check-in is escalated, and at the second miss 999 is called with the last fix.</summary>
public sealed class LoneDriverWelfareJob(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<LoneDriverWelfareJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retailer.HomeDelivery.Welfare");
    private static readonly Meter Meter = new("Retailer.HomeDelivery.Welfare");
    private static readonly Counter<long> Missed = Meter.CreateCounter<long>("delivery.welfare.missed");

    public IReadOnlyList<LoneDriverCheck> Overdue { get; set; } = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var span = Source.StartStoresafeOperation("home-delivery").SetStoresafeItemCount(Overdue.Count); // clean precision-about
        foreach (var check in Overdue)
        {
            DriverWelfareLog.CheckMissed(logger, check.DriverName, check.FleetNumber); // clean logging-objects
            DriverWelfareLog.Escalated(logger, check.StaffNumber, check.FleetNumber); // leak TC1001 direct
            span.Activity?.SetTag("van.fleet_number", check.FleetNumber); // clean precision-names
            span.Activity?.SetTag("van.lat", check.Latitude); // clean precision-names
            span.Activity?.SetTag("driver.name", check.DriverName); // leak TC1001 direct
            Missed.Add(1, new KeyValuePair<string, object?>("depot", check.FleetNumber[..3])); // clean precision-about
            Missed.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.PseudonymizeStoresafeResponderId(check.StaffNumber).Value)); // leak TC1003 precision-pseudonym
            var group = new HMACSHA256(secrets.ShardKey).ComputeHash(Encoding.UTF8.GetBytes(check.StaffNumber))[0] % 3;
            Missed.Add(1, new KeyValuePair<string, object?>("group", group)); // clean hashes
            var rota = HashCode.Combine(check.StaffNumber, check.DriverName);
            span.Activity?.SetTag("driver.rota_key", rota); // leak TC1002 hashes
            logger.LogInformation("Overdue {Check}", check); // leak TC1001 logging-objects
            logger.LogStoresafeOperationFailedEvent("home-delivery", "missed", storesafeNote: $"Driver {check.DriverName} missed check-in"); // leak TC1001 generated-api
            logger.LogStoresafeOperationFailedEvent("home-delivery", "missed", storesafeNote: $"Van {check.FleetNumber} missed check-in"); // clean generated-api
        }

        return Task.CompletedTask;
    }
}
