namespace PrivacyHoldout158.Energy;

/// <summary>The supplier's priority services register: its vulnerable customers' helpline adds households that rely on medical equipment or need help in a power cut.</summary>
[ApiController]
[Route("api/priority-register")]
public sealed partial class PriorityRegisterController(
    IReferralGateway gateway,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PriorityRegisterController> logger) : ControllerBase
{
    private static readonly Counter<long> Registered = new Meter("Helplines.Psr").CreateCounter<long>("psr.registered");

    private PsrEntry? lastDuplicate;

    [HttpPost("entries")]
    public async Task<ActionResult> Register([FromBody] PsrEntry entry, string region)
    {
        using var span = source.StartPriorityservicesOperation(region);
        span.SetPriorityservicesCustomerId(pseudonymizer.PseudonymizePriorityservicesCustomerId(entry.AccountNumber)); // clean precision-pseudonym
        span.SetPriorityservicesNeedCode(entry.NeedCode); // clean precision-about
        Activity.Current?.SetTag("psr.account", entry.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("psr.meter.serial", entry.MeterSerial); // leak TC1001 direct
        Activity.Current?.SetTag("psr.meter.model", entry.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("psr.contact.name", entry.ContactName); // leak TC1001 direct
        Activity.Current?.SetTag("psr.contact.has_phone", entry.Phone.Length > 0); // clean precision-about

        try
        {
            await gateway.RegisterAsync(entry);
            Registered.Add(1, new KeyValuePair<string, object?>("need", entry.NeedCode), new KeyValuePair<string, object?>("region", region)); // clean precision-about
            Registered.Add(1, new KeyValuePair<string, object?>("meter", entry.MeterSerial)); // leak TC1003 direct
            meter.CreatePriorityservicesRegistrationsCounter().Add(1, region, priorityservicesOutcome: "registered"); // clean generated-api
            LogRegistered(logger, entry.NeedCode, region, entry.AccountNumber); // clean logging-objects
            LogRegisteredContact(logger, entry.NeedCode, entry.Phone); // leak TC1001 logging-objects
            return new OkResult(entry.NeedCode);
        }
        catch (PsrEntryExistsException ex)
        {
            lastDuplicate = entry;
            logger.LogInformation(ex, "Already registered in {Region}", region); // leak TC1001 exceptions
            span.SetPriorityservicesOutcome("duplicate"); // clean generated-api
            span.SetPriorityservicesNote($"Duplicate registration, need {entry.NeedCode}"); // clean generated-api
            meter.CreatePriorityservicesRegistrationsCounter().Add(1, region, priorityservicesOutcome: $"duplicate:{entry.AccountNumber}"); // leak TC1003 generated-api
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            return new BadRequestResult("duplicate");
        }
    }

    [HttpGet("duplicates/last")]
    public ActionResult LastDuplicate()
    {
        logger.LogInformation("Last duplicate: {@Entry}", lastDuplicate); // leak TC1001 cross-member
        logger.LogInformation("Last duplicate need code: {Need}", lastDuplicate?.NeedCode); // clean cross-member
        Activity.Current?.SetTag("psr.duplicate.account_hash", lastDuplicate?.AccountNumber.GetHashCode()); // leak TC1002 hashes
        Activity.Current?.SetTag("psr.duplicate.shard", lastDuplicate is null ? -1 : HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(lastDuplicate.AccountNumber))[1] % 64); // clean hashes
        return new OkResult(lastDuplicate?.NeedCode);
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Need {NeedCode} registered in {Region} for {AccountNumber}")]
    private static partial void LogRegistered(ILogger logger, string needCode, string region, [PrivateData] string accountNumber);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Need {NeedCode} registered, call on {Phone}")]
    private static partial void LogRegisteredContact(ILogger logger, string needCode, string phone);
}
