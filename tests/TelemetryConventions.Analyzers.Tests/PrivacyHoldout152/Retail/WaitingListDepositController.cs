namespace PrivacyHoldout152.Retail;

/// <summary>Takes deposits to hold a place on a setting's waiting list.</summary>
[ApiController]
[Route("api/waiting-list")]
public sealed class WaitingListDepositController(
    IFeesLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<WaitingListDepositController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Nursery.WaitingList");
    private static readonly Meter Meter = new("Nursery.WaitingList");
    private static readonly Counter<long> Deposits = Meter.CreateCounter<long>("nursery.waiting_list.deposits");

    [HttpPost("{settingUrn}/deposits")]
    public async Task<ActionResult> TakeDeposit(string settingUrn, [FromBody] WaitingListDeposit deposit, CancellationToken cancellationToken)
    {
        using var span = Source.StartNurseryfeesOperation(settingUrn).SetNurseryfeesPlan("deposit");
        Activity.Current?.SetTag("deposit.id", deposit.DepositId); // clean precision-names
        Activity.Current?.SetTag("deposit.start_month", deposit.ExpectedStart.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
        Activity.Current?.SetTag("deposit.payer", deposit.ParentEmail); // leak TC1001 direct
        Activity.Current?.SetTag("deposit.payer", pseudonymizer.Pseudonymize("payer.email", deposit.ParentEmail).Value); // clean precision-pseudonym
        Activity.Current?.SetTag(NurseryfeesAttributes.Contact, pseudonymizer.Pseudonymize("payer.email", deposit.ParentEmail).Value); // leak TC1001 precision-pseudonym
        logger.LogInformation("Deposit {@Deposit}", deposit); // leak TC1001 logging-objects
        logger.LogInformation("Deposit of {Amount} for a start in {Start:yyyy-MM}", deposit.Amount, deposit.ExpectedStart); // clean precision-about

        try
        {
            var receipt = await ledger.ChargeCardAsync(deposit.ParentEmail, deposit.Amount, cancellationToken);
            Deposits.Add(1, new KeyValuePair<string, object?>("setting", settingUrn));
            Deposits.Add(1, new KeyValuePair<string, object?>("payer", deposit.ParentEmail)); // leak TC1003 direct
            span.SetNurseryfeesOutcome("paid"); // clean generated-api
            logger.LogDebug("Deposit receipt {Receipt}", receipt); // clean precision-names
            return Ok(receipt);
        }
        catch (CardDeclinedException ex)
        {
            span.SetNurseryfeesOutcome(ex.ReasonCode); // clean generated-api
            span.SetNurseryfeesNote(ex.Message); // clean exceptions
            logger.LogWarning(ex, "Deposit declined for {Child}", deposit.ChildName); // leak TC1001 direct
            Meter.CreateNurseryfeesPaymentsCounter().Add(1, settingUrn, deposit.ChildName); // leak TC1003 generated-api
            return BadRequest(ex.ReasonCode);
        }
    }
}
