namespace PrivacyHoldout147.Energy;

/// <summary>Links a savings pot to the customer's energy supplier so the bill is paid from it.</summary>
[ApiController]
[Route("api/bill-pots")]
public sealed class BillPotLinkController(
    IPotStore pots,
    IConfirmationOfPayee cop,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<BillPotLinkController> logger) : ControllerBase
{
    [HttpPost("{potId}/link")]
    public async Task<ActionResult> LinkAsync(Guid potId, [FromBody] BillPotLink link, CancellationToken cancellationToken)
    {
        using var span = source.StartBillpotOperation(link.Supplier);
        span.SetBillpotHouseholdId(pseudonymizer.PseudonymizeBillpotHouseholdId(link.SupplyAccountNumber)); // clean generated-api
        span.SetBillpotProduct("bill-pot"); // clean generated-api
        Activity.Current?.SetTag("billpot.pot_id", potId); // clean direct
        Activity.Current?.SetTag("billpot.mpan", link.Mpan); // leak TC1001 direct
        Activity.Current?.SetTag("billpot.mpan_distributor", link.Mpan[..2]); // clean precision-about
        Activity.Current?.SetTag("billpot.monthly_amount", link.MonthlyAmount); // clean direct
        logger.LogInformation("Linking pot {PotId} to {Supplier} account {SupplyAccount}", potId, link.Supplier, link.SupplyAccountNumber); // leak TC1001 direct
        logger.LogInformation("Pot link {@Link}", link); // leak TC1001 logging-objects
        logger.LogInformation("Pot link {@Link}", new { link.PotId, link.Supplier, link.MonthlyAmount }); // clean logging-objects

        var pot = await pots.FindAsync(potId, cancellationToken);
        if (pot is null)
        {
            return NotFound();
        }

        Activity.Current?.SetTag("billpot.pot_name", pot.Name); // leak TC1001 direct
        Activity.Current?.SetTag("billpot.pot_name_length", pot.Name.Length); // clean precision-about
        Activity.Current?.SetTag("billpot.goal", pot.Goal); // clean direct

        // The supplier's collection account is a company's: confirmation of payee checks the supplier's name.
        var match = await cop.CheckAsync(link.Supplier, "30-00-02", "00012345", cancellationToken);
        Activity.Current?.SetTag("billpot.cop_match", match.MatchCode); // clean direct
        Activity.Current?.SetTag("billpot.cop_suggested_name", match.SuggestedName); // clean direct
        Activity.Current?.SetTag("billpot.cop_business_account", match.BusinessAccount); // clean precision-about
        span.SetBillpotNote($"linked to {link.Supplier} for {link.MonthlyAmount:0.00} a month"); // clean generated-api
        span.SetBillpotNote($"linked to {link.Supplier} account {link.SupplyAccountNumber}"); // leak TC1001 generated-api
        logger.LogInformation("Household {Household} linked", pseudonymizer.ComputeBillpotHouseholdId(link.SupplyAccountNumber)); // clean precision-pseudonym
        return Ok(potId);
    }
}
