namespace PrivacyHoldout170.Transport;

/// <summary>Rechecks serving drivers' licences with the DVLA every six months.</summary>
public sealed partial class LicenceCheckWorker(
    IQueueReceiver<DriverApplicant> drivers,
    ILicenceCheckProvider licences,
    ILogger<LicenceCheckWorker> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Operator.Drivers.LicenceRecheck");
    private static readonly Meter Meter = new("Operator.Drivers.LicenceRecheck");
    private static readonly DepothireCheckDurationHistogram Duration = Meter.CreateDepothireCheckDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var driver = await drivers.ReceiveAsync(stoppingToken);
            if (driver is null)
            {
                continue;
            }
            await RecheckAsync(driver, stoppingToken);
        }
    }

    private async Task RecheckAsync(DriverApplicant driver, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartDepothireOperation(driver.Depot)
            .SetDepothireDriverId(pseudonymizer.PseudonymizeDepothireDriverId(driver.CandidateId)); // clean generated-api
        span.Activity?.SetTag("driver.licence_b64", Convert.ToBase64String(Encoding.ASCII.GetBytes(driver.LicenceNumber))); // leak TC1001 hashes
        span.Activity?.SetTag("driver.licence_shard", LicenceShard(driver.LicenceNumber)); // clean hashes
        span.Activity?.SetTag("driver.licence_hash", HashCode.Combine(driver.LicenceNumber, driver.Surname)); // leak TC1002 hashes
        Split(driver, out var holder, out var depot);
        span.Activity?.SetTag("driver.holder", holder); // leak TC1001 cross-member
        span.Activity?.SetTag("driver.home_depot", depot); // clean cross-member
        LogRecheck(logger, driver.LicenceNumber, driver.Depot); // clean precision-names
        LogRecheckSurname(logger, driver.Surname, driver.Depot); // leak TC1001 direct
        try
        {
            var check = await licences.CheckAsync(driver.LicenceNumber, driver.Surname, cancellationToken);
            span.Activity?.AddEvent(new ActivityEvent("licence.checked", tags: new ActivityTagsCollection { ["points"] = check.PenaltyPoints, ["category_d"] = check.HoldsCategoryD })); // clean precision-about
            span.Activity?.SetTag("licence.endorsements", string.Join(",", check.EndorsementCodes)); // clean precision-about
        }
        catch (LicenceMismatchException ex)
        {
            logger.LogDepothireOperationFailedEvent(driver.Depot, "mismatch", pseudonymizer.PseudonymizeDepothireCandidateId(driver.CandidateId), ex.GetType().Name); // clean generated-api
            logger.LogError("Licence recheck failed: " + ex.Message); // leak TC1001 exceptions
        }
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, driver.Depot); // clean generated-api
    }

    private string LicenceShard(string licenceNumber) =>
        (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(licenceNumber))[0] & 15).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rechecking licence {LicenceNumber} at depot {Depot}")]
    private static partial void LogRecheck(ILogger logger, [PrivateData] string licenceNumber, string depot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rechecking licence of {Surname} at depot {Depot}")]
    private static partial void LogRecheckSurname(ILogger logger, string surname, string depot);

    private static void Split(DriverApplicant driver, out string holder, out string depot)
    {
        holder = $"{driver.Surname}:{driver.LicenceNumber}";
        depot = driver.Depot;
    }
}
