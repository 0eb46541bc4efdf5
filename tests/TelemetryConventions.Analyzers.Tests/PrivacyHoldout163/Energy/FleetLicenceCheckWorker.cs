namespace PrivacyHoldout163.Energy;

/// <summary>Checks field engineers' licences with the agency's check provider each quarter, depot by depot.</summary>
public sealed partial class FleetLicenceCheckWorker(
    IFleetRoster roster,
    ILicenceCheckProvider provider,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<FleetLicenceCheckWorker> logger) : BackgroundService
{
    private static readonly string[] Depots = ["depot-leeds", "depot-hull", "depot-york"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var depot in Depots)
        {
            using var span = source.StartFleetlicOperation(depot);
            var due = await roster.DueForCheckAsync(depot, stoppingToken);
            span.SetFleetlicCheckCount(due.Count); // clean generated-api
            logger.LogInformation("{Count} drivers due at {Depot}", due.Count, depot); // clean precision-about
            foreach (var driver in due)
            {
                var started = Stopwatch.GetTimestamp();
                using var scope = logger.BeginScope("Driver {EmployeeNumber}", driver.EmployeeNumber); // leak TC1001 direct
                using var pseudoScope = logger.BeginScope("Driver {Driver}", pseudonymizer.ComputeFleetlicDriverId(driver.EmployeeNumber)); // clean precision-pseudonym
                try
                {
                    var result = await provider.CheckAsync(driver.LicenceNumber, "consent-q3", stoppingToken);
                    logger.LogInformation("Check {@Result}", result); // clean logging-objects
                    logger.LogInformation("Checked {@Driver}", driver); // leak TC1001 logging-objects
                    CheckDone(logger, result.CheckId, driver.Name); // leak TC1001 logging-objects
                    CheckDoneFor(logger, result.CheckId, driver.LicenceNumber); // clean logging-objects
                    meter.CreateFleetlicChecksCounter().Add(1, depot, fleetlicOutcome: result.Valid ? "valid" : "invalid"); // clean generated-api
                    meter.CreateFleetlicChecksCounter().Add(1, depot, fleetlicOutcome: driver.EmployeeNumber); // leak TC1003 generated-api
                    meter.CreateFleetlicCheckDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, depot); // clean generated-api
                    if (result.Points >= 6)
                    {
                        span.SetFleetlicNote($"{driver.Name} has {result.Points} points"); // leak TC1001 generated-api
                        span.SetFleetlicNote($"{result.Points} points on a {result.Category} licence"); // clean generated-api
                        span.SetFleetlicDriverId(pseudonymizer.PseudonymizeFleetlicDriverId(driver.EmployeeNumber)); // clean generated-api
                    }

                    if (!result.Valid)
                    {
                        throw new DriverSuspendedException(driver.EmployeeNumber);
                    }
                }
                catch (DriverSuspendedException ex)
                {
                    logger.LogError(ex, "Driver suspended at {Depot}", depot); // leak TC1001 exceptions
                    logger.LogFleetlicOperationFailedEvent(depot, "suspended", fleetlicDriverId: pseudonymizer.PseudonymizeFleetlicDriverId(driver.EmployeeNumber)); // clean generated-api
                }
                catch (CheckConsentMissingException ex)
                {
                    logger.LogError(ex, "No consent batch"); // clean exceptions
                    span.RecordException(ex, includeMessage: true); // clean exceptions
                }

                Activity.Current?.SetTag("fleetlic.cohort", Cohort(driver.EmployeeNumber)); // clean hashes
                Activity.Current?.SetTag("fleetlic.cohort.legacy", BitConverter.ToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("fleet-2019"), Encoding.UTF8.GetBytes(driver.EmployeeNumber)))[..8]); // leak TC1002 hashes
            }
        }
    }

    private int Cohort(string employeeNumber) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(employeeNumber))[0] % 4;

    [LoggerMessage(Level = LogLevel.Information, Message = "Check {CheckId} done for {DriverName}")]
    private static partial void CheckDone(ILogger logger, string checkId, string driverName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check {CheckId} done for licence {LicenceNumber}")]
    private static partial void CheckDoneFor(ILogger logger, string checkId, [PrivateData] string licenceNumber);
}
