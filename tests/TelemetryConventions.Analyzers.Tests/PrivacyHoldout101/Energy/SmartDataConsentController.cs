namespace PrivacyHoldout101.Energy;

/// <summary>The half-hourly data consent screen's answer.</summary>
public sealed record HalfHourlyConsentChange(string AccountNumber, string MeterSerial, string Granularity, bool Granted);

/// <summary>A final bill closes the supply; the account is erased once the balance is settled.</summary>
public sealed record FinalBillClosed(string AccountNumber, string HolderEmail, decimal Balance, DateOnly ClosedOn);

[ApiController]
[Route("energy/privacy")]
public sealed class SmartDataConsentController(
    IConsentLedger ledger,
    IErasureFanOut erasure,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    ILogger<SmartDataConsentController> logger) : ControllerBase
{
    [HttpPost("half-hourly")]
    public async Task<ActionResult> ChangeAsync([FromBody] HalfHourlyConsentChange change, CancellationToken cancellationToken)
    {
        using var span = source.StartHomeacctFlow("consent");
        span.SetHomeacctCustomerId(pseudonymizer.PseudonymizeHomeacctCustomerId(change.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("homeacct.meter.serial", change.MeterSerial); // leak TC1001 direct
        Activity.Current?.SetTag("homeacct.meter.model", change.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("homeacct.consent.granularity", change.Granularity); // clean precision-names
        var record = await ledger.RecordAsync(change.AccountNumber, $"smart-data:{change.Granularity}", change.Granted, "app", cancellationToken);
        logger.LogInformation("Half-hourly consent change {Change}", change); // leak TC1001 logging-objects
        logger.LogInformation("Consent {ConsentId} recorded over channel {Channel}", record.ConsentId, record.Channel); // clean precision-names
        var subjectKey = $"{change.AccountNumber}/{change.MeterSerial}";
        Activity.Current?.SetTag("homeacct.consent.subject_key", subjectKey); // leak TC1001 strings
        Activity.Current?.SetTag("homeacct.consent.subject_shard", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(subjectKey))) % 128); // clean hashes
        return Ok(record.ConsentId);
    }

    [HttpPost("erase-closed")]
    public async Task<ActionResult> EraseClosedAsync([FromBody] FinalBillClosed closed, CancellationToken cancellationToken)
    {
        using var span = source.StartHomeacctFlow("erasure");
        if (closed.Balance != 0m)
        {
            logger.LogInformation("Erasure waits for balance {Balance} on {AccountNumber}", closed.Balance, closed.AccountNumber); // leak TC1001 direct
            span.SetHomeacctOutcome("balance_open"); // clean generated-api
            return BadRequest("balance");
        }
        var request = new ErasureRequest($"ER-{closed.ClosedOn:yyyyMMdd}-{Guid.NewGuid():N}"[..20], closed.AccountNumber, closed.HolderEmail, DateTimeOffset.UtcNow) { Systems = new[] { "billing", "crm", "smart-data" } };
        span.SetHomeacctRequestId(request.RequestId); // clean generated-api
        try
        {
            var receipts = await erasure.EraseAsync(request, cancellationToken);
            logger.LogInformation("Erased {Rows} rows in {Systems}", receipts.Sum(r => r.RowsDeleted), string.Join(",", receipts.Select(r => r.System))); // clean precision-about
        }
        catch (ErasureDeferredException ex)
        {
            logger.LogWarning("Erasure {Request} deferred: {Reason}", request, ex.Reason); // leak TC1001 logging-objects
            span.RecordException(ex); // clean exceptions
        }
        catch (RecipientRejectedException ex)
        {
            logger.LogWarning(ex, "Erasure confirmation mail refused"); // leak TC1001 exceptions
        }
        return Ok(request.RequestId);
    }
}
