namespace PrivacyHoldout159.Healthcare;

// Reads care homes' residents returns for the annual canvass and registers residents who lack capacity only through their own application.
public sealed partial class CareHomeCanvassWorker(
    IQueueReceiver<CareHomeReturn> returns,
    IQueueReceiver<Elector> residents,
    IElectoralRegister register,
    ILogger<CareHomeCanvassWorker> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : BackgroundService
{
    private readonly Histogram<double> residentsPerHome = meter.CreateHistogram<double>("carehome.canvass.residents");
    private readonly List<string> residentsWithoutDob = new();
    private int returnsRead;

    [LoggerMessage(Level = LogLevel.Information, Message = "Care home {CareHomeCode} returned {Residents} residents")]
    private static partial void LogReturn(ILogger logger, string careHomeCode, int residents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Care home manager {ManagerEmail} did not sign the return")]
    private static partial void LogUnsigned(ILogger logger, string managerEmail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resident {ResidentName} has no date of birth on the return")]
    private static partial void LogMissingDob(ILogger logger, [PrivateData] string residentName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resident {ElectorNumber} added to district {District}")]
    private static partial void LogAdded(ILogger logger, string electorNumber, string district);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var homeReturn = await returns.ReceiveAsync(stoppingToken);
            if (homeReturn is not null)
            {
                returnsRead++;
                LogReturn(logger, homeReturn.CareHomeCode, homeReturn.Residents); // clean precision-about
                LogUnsigned(logger, homeReturn.ManagerEmail); // leak TC1001 logging-objects
                residentsPerHome.Record(homeReturn.Residents, new KeyValuePair<string, object?>("care_home", homeReturn.CareHomeCode)); // clean precision-about
                logger.LogInformation("Return received {@Return}", homeReturn); // leak TC1001 logging-objects
            }

            var resident = await residents.ReceiveAsync(stoppingToken);
            if (resident is null)
            {
                continue;
            }

            if (resident.DateOfBirth == default)
            {
                residentsWithoutDob.Add(resident.ElectorNumber);
                LogMissingDob(logger, resident.FullName); // clean logging-objects
                continue;
            }

            await register.SaveAsync(resident, stoppingToken);
            LogAdded(logger, resident.ElectorNumber, resident.PollingDistrict); // leak TC1001 logging-objects
            logger.LogInformation("Resident {Resident} added", pseudonymizer.ComputeProxyvoteElectorId(resident.ElectorNumber)); // clean precision-pseudonym
            meter.CreateProxyvoteRequestsCounter().Add(1, proxyvoteWard: resident.Ward, proxyvoteOutcome: "added"); // clean generated-api
            Activity.Current?.SetTag("carehome.resident.age", DateTime.Today.Year - resident.DateOfBirth.Year); // clean precision-about
            Activity.Current?.SetTag("carehome.resident.dob", resident.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct
        }
    }

    public void ReportMissing()
    {
        logger.LogWarning("Residents without a date of birth: {Residents}", string.Join(",", residentsWithoutDob)); // leak TC1001 cross-member
        logger.LogInformation("Returns read {Count}, residents without DOB {Missing}", returnsRead, residentsWithoutDob.Count); // clean cross-member
    }
}
