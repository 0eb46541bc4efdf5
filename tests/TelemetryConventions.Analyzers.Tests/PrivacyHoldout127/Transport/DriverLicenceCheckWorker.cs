namespace PrivacyHoldout127.Transport;

public sealed record LicenceCheckDue(string StaffNumber, string LicenceNumber, string Depot, DateOnly LastChecked);

/// <summary>Checks drivers' licences and CPC status with the licensing agency before each refresher course, from the training team's topic (keyed by the driver's staff number).</summary>
public sealed class DriverLicenceCheckWorker(
    IConsumer<string, LicenceCheckDue> consumer,
    IProfessionalRegister licensing,
    ILogger<DriverLicenceCheckWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Operator.DriverCpc.Licence");
    private static readonly Meter Meter = new("Operator.DriverCpc.Licence");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("drivercpc.licence.checks");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            using var activity = Source.StartActivity("drivercpc.licence.check");
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 cross-member
            var due = result.Message.Value;
            activity?.SetTag("drivercpc.depot", due.Depot); // clean precision-names
            activity?.SetTag("drivercpc.days_since_check", DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - due.LastChecked.DayNumber); // clean precision-about
            try
            {
                logger.LogDebug("Checking {Check}", string.Concat("licence:", due.LicenceNumber)); // leak TC1001 strings
                var status = await licensing.LookupAsync(due.LicenceNumber, stoppingToken);
                Checks.Add(1, new("status", status.Status), new("depot", due.Depot)); // clean precision-names
                logger.LogInformation("Licence status {@Status}", status); // clean logging-objects
                if (status.Status != "valid")
                {
                    logger.LogWarning("Licence {Licence} of driver {Staff} is {Status}", due.LicenceNumber, due.StaffNumber, status.Status); // leak TC1001 direct
                }
            }
            catch (RegistrationNotFoundException ex)
            {
                logger.LogError(ex, "Licence not found at {Register}", ex.Register); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, $"not found at {ex.Register}"); // clean exceptions
            }
            consumer.Commit(result);
        }
    }
}
