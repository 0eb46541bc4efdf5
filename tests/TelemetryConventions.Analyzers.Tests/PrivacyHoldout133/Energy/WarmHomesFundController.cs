namespace PrivacyHoldout133.Energy;

/// <summary>A customer's application to the supplier's Warm Homes fund: a credit on a prepayment meter or account.</summary>
public sealed record FundApplication(string AccountNumber, string Mpan, string MeterSerial, string Postcode, string Email, bool Prepayment, int Occupants, bool MedicalEquipment);

public sealed record FundAward(string AwardId, string Fund, decimal Credit, DateOnly AppliedOn);

[ApiController]
[Route("api/warm-homes")]
public sealed partial class WarmHomesFundController(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<WarmHomesFundController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Energy.WarmHomes");
    private static readonly Meter Meter = new("Energy.WarmHomes");
    private static readonly Histogram<double> Credit = Meter.CreateHistogram<double>("energy.warm_homes.credit", "GBP");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("energy.warm_homes.applications");

    [HttpPost("applications")]
    public ActionResult Apply([FromBody] FundApplication application)
    {
        using var span = Source.StartWarmfundTask(warmfundProgramme: "warm-homes-2025");
        span.SetWarmfundCustomerId(pseudonymizer.PseudonymizeWarmfundCustomerId(application.AccountNumber)); // clean precision-pseudonym
        span.SetWarmfundSite(application.Postcode[..Math.Max(0, application.Postcode.IndexOf(' '))]); // clean precision-about
        span.Activity?.SetTag("meter.model", application.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("supply.region", application.Mpan[..2]); // clean precision-about
        span.Activity?.SetTag("household.occupants", application.Occupants); // clean precision-about
        span.Activity?.SetTag("household.medical_equipment", application.MedicalEquipment); // clean precision-about
        span.Activity?.SetTag("meter.serial", application.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag(WarmfundAttributes.Contact, application.Email); // leak TC1001 generated-api

        logger.LogInformation("Warm Homes application {@Application}", application); // leak TC1001 logging-objects
        Applications.Add(1, new KeyValuePair<string, object?>("prepayment", application.Prepayment), new KeyValuePair<string, object?>("shard", Shard(application.AccountNumber))); // clean hashes
        Applications.Add(1, new KeyValuePair<string, object?>("mpan", application.Mpan)); // leak TC1003 direct

        var award = new FundAward($"WH-{Guid.NewGuid():N}"[..14], "warm-homes-2025", application.Prepayment ? 150m : 120m, DateOnly.FromDateTime(DateTime.UtcNow));
        logger.LogInformation("Award {@Award}", award); // clean logging-objects
        Credit.Record((double)award.Credit, new KeyValuePair<string, object?>("fund", award.Fund)); // clean precision-about
        span.Activity?.SetTag("award.reference", $"CREDIT {application.AccountNumber}"); // leak TC1001 strings
        span.Activity?.SetTag("award.id", award.AwardId); // clean precision-names
        LogAwarded(logger, application.AccountNumber, award.Credit); // leak TC1001 direct
        span.Activity?.SetTag("account.fingerprint", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(application.AccountNumber)))); // leak TC1002 hashes
        return Ok(award);
    }

    private int Shard(string accountNumber) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(accountNumber))[0] % 16;

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm Homes credit for account {AccountNumber}: {Credit}")]
    private static partial void LogAwarded(ILogger logger, string accountNumber, decimal credit);
}
