namespace PrivacyHoldout177.Gaming;

/// <summary>The studio's chargeback desk: wallet debts after card chargebacks, recovery plans and account restrictions.</summary>
[ApiController]
[Route("api/chargebacks")]
public sealed partial class ChargebackRecoveryController(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ChargebackRecoveryController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.Payments.Chargebacks");
    private static readonly Meter Meter = new("Studio.Payments.Chargebacks");
    private static readonly Counter<long> Restrictions = Meter.CreateCounter<long>("chargeback.restrictions");
    private readonly WalletdebtOperationsCounter _operations = Meter.CreateWalletdebtOperationsCounter();

    [HttpPost("{chargebackId}")]
    public ActionResult Open(string chargebackId, [FromBody] ChargebackDebt debt)
    {
        using var span = Source.StartWalletdebtOperation(debt.Platform);
        span.SetWalletdebtDebtorId(pseudonymizer.PseudonymizeWalletdebtDebtorId(debt.PlayerId)); // clean precision-pseudonym
        span.Activity?.SetTag("chargeback.id", chargebackId); // clean precision-names
        span.Activity?.SetTag("chargeback.amount", debt.Amount); // clean precision-about
        span.Activity?.SetTag("player.gamertag", debt.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("player.id", debt.PlayerId); // leak TC1001 direct
        span.Activity?.SetTag("player.gamertag_length", debt.Gamertag.Length); // clean precision-about
        span.SetWalletdebtNote($"Chargeback on {debt.Platform} for {debt.Amount}"); // clean generated-api
        span.SetWalletdebtNote($"Chargeback raised against {debt.Gamertag}"); // leak TC1001 generated-api
        Restrictions.Add(1, new KeyValuePair<string, object?>("platform", debt.Platform)); // clean precision-names
        Restrictions.Add(1, new KeyValuePair<string, object?>("gamertag", debt.Gamertag)); // leak TC1003 direct
        _operations.Add(1, debt.Platform, "restricted"); // clean generated-api
        _operations.Add(1, debt.Platform, pseudonymizer.ComputeWalletdebtDebtorId(debt.PlayerId)); // leak TC1003 generated-api
        _operations.Instrument.Add(1, new KeyValuePair<string, object?>(WalletdebtAttributes.DebtorId, pseudonymizer.PseudonymizeWalletdebtDebtorId(debt.PlayerId).Value)); // leak TC1003 generated-api
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(debt.PlayerId))[0] % 16;
        _operations.Instrument.Add(1, new KeyValuePair<string, object?>("shard", shard)); // clean hashes
        logger.LogInformation("Chargeback {@Debt}", debt); // leak TC1001 logging-objects
        logger.LogInformation("Chargeback {ChargebackId} on {Platform}", debt.ChargebackId, debt.Platform); // clean precision-names
        WalletRestricted(logger, debt.PlayerId, debt.Platform); // leak TC1001 cross-member
        WalletRestrictedRedacted(logger, debt.PlayerId, debt.Platform); // clean logging-objects
        return Ok();
    }

    [HttpPost("{chargebackId}/reverse")]
    public ActionResult Reverse(string chargebackId, string playerId)
    {
        using var span = Source.StartWalletdebtOperation("scheme");
        try
        {
            throw new ChargebackReversedException(chargebackId);
        }
        catch (ChargebackReversedException reversed)
        {
            span.RecordException(reversed, includeMessage: true); // clean exceptions
            span.SetStatus(ActivityStatusCode.Ok, reversed.Message); // clean exceptions
            logger.LogInformation(reversed, "Reversed"); // clean exceptions
        }
        try
        {
            throw new DebtorNotFoundException(playerId);
        }
        catch (DebtorNotFoundException missing)
        {
            span.RecordException(missing, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Lookup failed: {Reason}", missing.Message); // leak TC1001 exceptions
            span.RecordException(missing); // clean exceptions
        }
        Baggage.SetBaggage("wallet.debtor", pseudonymizer.ComputeWalletdebtDebtorId(playerId)); // clean precision-pseudonym
        Baggage.SetBaggage("wallet.player", playerId); // leak TC1001 direct
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet of {PlayerId} restricted on {Platform}")]
    private static partial void WalletRestricted(ILogger logger, string playerId, string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet of {PlayerId} restricted on {Platform}")]
    private static partial void WalletRestrictedRedacted(ILogger logger, [PrivateData] string playerId, string platform);
}
