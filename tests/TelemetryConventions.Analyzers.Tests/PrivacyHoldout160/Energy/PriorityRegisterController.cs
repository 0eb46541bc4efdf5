namespace PrivacyHoldout160.Energy;

/// <summary>Adds medically dependent households (home dialysis, oxygen, ventilators) to the priority services register.</summary>
[ApiController]
[Route("api/psr")]
public sealed partial class PriorityRegisterController(
    IPriorityRegister register,
    ILogger<PriorityRegisterController> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    MedTechOptions options) : ControllerBase
{
    private readonly Counter<long> registrations = meter.CreateCounter<long>("psr.registrations");

    [HttpPost("")]
    public async Task<ActionResult> RegisterAsync([FromBody] PriorityRegistration registration, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichPsrOperation(options.Region);
        span.SetPsrHouseholdId(pseudonymizer.PseudonymizePsrHouseholdId(registration.AccountNumber)); // clean generated-api
        span.SetPsrDeviceModel(registration.Dependency); // clean generated-api
        span.SetPsrNote($"Registered meter {registration.MeterSerial}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("psr.mpan", registration.Mpan); // leak TC1001 direct
        Activity.Current?.SetTag("psr.mpan_profile", registration.Mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("psr.postcode_district", registration.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("psr.postcode", registration.Postcode); // leak TC1001 direct
        Activity.Current?.SetTag("psr.backup_battery", registration.BackupBattery); // clean precision-about

        registrations.Add(1, new KeyValuePair<string, object?>("dependency", registration.Dependency)); // clean precision-about
        registrations.Add(1, new KeyValuePair<string, object?>("meter", registration.MeterSerial)); // leak TC1003 direct

        await register.SaveAsync(registration, cancellationToken);
        LogRegistered(logger, registration.AccountNumber, registration.Dependency); // leak TC1001 logging-objects
        LogRegisteredPrivately(logger, registration.AccountNumber, registration.Dependency); // clean logging-objects
        logger.LogInformation("Registered household {Registration}", registration); // leak TC1001 logging-objects
        return Ok();
    }

    [HttpGet("{accountNumber}")]
    public async Task<ActionResult> GetAsync(string accountNumber, CancellationToken cancellationToken)
    {
        var registration = await register.FindAsync(accountNumber, cancellationToken);
        if (registration is null)
        {
            var ex = new PsrAccountNotFoundException(accountNumber);
            logger.LogWarning(ex, "Lookup failed"); // leak TC1001 exceptions
            logger.LogPsrOperationFailedEvent(options.Region, "not-found", psrHouseholdId: pseudonymizer.PseudonymizePsrHouseholdId(accountNumber)); // clean generated-api
            return NotFound();
        }

        logger.LogInformation("Lookup for a {Dependency} household, meter model {Model}", registration.Dependency, registration.MeterSerial[..3]); // clean precision-about
        return Ok(registration);
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Account {AccountNumber} registered as {Dependency}")]
    private static partial void LogRegistered(ILogger logger, string accountNumber, string dependency);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Account {AccountNumber} registered as {Dependency}")]
    private static partial void LogRegisteredPrivately(ILogger logger, [PrivateData] string accountNumber, string dependency);
}
