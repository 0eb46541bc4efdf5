namespace PrivacyHoldout151.Energy;

/// <summary>The Priority Services Register: customers on benefits or with medical equipment register for outage priority.</summary>
[ApiController]
[Route("api/psr")]
public sealed class PriorityServicesRegisterController(
    IBillingSystem billing,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PriorityServicesRegisterController> logger) : ControllerBase
{
    private static readonly Meter PsrMeter = new("Supplier.Psr");
    private static readonly UpDownCounter<int> Registered = PsrMeter.CreateUpDownCounter<int>("psr.registered");

    [HttpGet("{accountNumber}")]
    public async Task<ActionResult> Get(string accountNumber)
    {
        using var span = source.StartWarmhomeOperation("psr");
        var record = await billing.PriorityRecordAsync(accountNumber);
        if (record is null)
        {
            logger.LogInformation("No PSR record for account {AccountNumber}", accountNumber); // leak TC1001 direct
            return NotFound();
        }
        span.SetWarmhomeAccountId(pseudonymizer.PseudonymizeWarmhomeAccountId(accountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("psr.need_code", record.NeedCode); // clean precision-about
        Activity.Current?.SetTag("psr.medical_equipment", record.MedicalEquipment); // clean precision-about
        Activity.Current?.SetTag(WarmhomeAttributes.Contact, record.Phone); // leak TC1001 generated-api
        return Ok(record);
    }

    [HttpPost("")]
    public ActionResult Register([FromBody] PriorityServiceRecord record)
    {
        using var scope = logger.BeginScope("PSR registration for {HolderName}", record.HolderName); // leak TC1001 logging-objects
        using var needScope = logger.BeginScope("PSR registration, need {NeedCode}", record.NeedCode); // clean logging-objects
        Registered.Add(1, new KeyValuePair<string, object?>("need", record.NeedCode)); // clean precision-about
        Registered.Add(1, new KeyValuePair<string, object?>("holder", pseudonymizer.PseudonymizeWarmhomeAccountId(record.AccountNumber))); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("psr.holder.initial", record.HolderName[..1]); // clean precision-about
        Activity.Current?.SetTag("psr.phone.present", record.Phone.Length > 0); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("psr.registered", tags: new ActivityTagsCollection { ["psr.account"] = record.AccountNumber })); // leak TC1001 direct
        meter.CreateWarmhomeMatchesCounter().Add(1, warmhomeRegion: "psr", warmhomeOutcome: "registered"); // clean generated-api
        logger.LogInformation("Registered {Record}", record.ToString()); // leak TC1001 logging-objects
        logger.LogInformation(string.Format(CultureInfo.InvariantCulture, "Registered PSR need {0}, medical equipment {1}", record.NeedCode, record.MedicalEquipment)); // clean strings
        return Ok();
    }
}
