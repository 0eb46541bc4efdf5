namespace PrivacyHoldout166.Retail;

public interface IClaimValidator
{
    Task<bool> ValidateAsync(string ticketSerial, CancellationToken cancellationToken = default);
}

/// <summary>Pays out small lottery prizes at the customer service desk; claims above the store limit go to the operator.</summary>
[ApiController]
[Route("api/claims")]
public sealed class PrizeClaimController(
    IClaimValidator validator,
    Pseudonymizer pseudonymizer,
    ILogger<PrizeClaimController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("LotteryTill.Claims");

    [HttpPost("{store}")]
    public async Task<ActionResult> Claim(string store, [FromBody] PrizeClaim claim)
    {
        using var activity = Source.StartActivity("claim.pay");
        activity?.SetTag("claim.id", claim.ClaimId); // clean precision-names
        activity?.SetTag("claim.ticket", claim.TicketSerial); // clean precision-names
        activity?.SetTag("claim.amount", (double)claim.Amount); // clean precision-about
        activity?.SetTag("claim.store", store); // clean precision-names

        if (!await validator.ValidateAsync(claim.TicketSerial))
        {
            logger.LogWarning("Ticket {Ticket} not valid for claim {ClaimId}", claim.TicketSerial, claim.ClaimId); // clean precision-names
            return BadRequest("invalid ticket");
        }

        if (claim.Amount > 500m)
        {
            Refer(claim);
            return Ok("referred");
        }

        var claimant = pseudonymizer.PseudonymizeLotterytillCustomerId(claim.ClaimantMobile);
        activity?.SetTag("claim.claimant", claimant.Value); // clean precision-pseudonym
        logger.LogInformation("Prize {Amount} paid to {Claimant}", claim.Amount, claim.ClaimantName); // leak TC1001 direct
        logger.LogInformation("Prize paid: {Claim}", claim); // leak TC1001 logging-objects
        activity?.SetStatus(ActivityStatusCode.Ok, "paid to " + claim.ClaimantName); // leak TC1001 strings
        logger.LogInformation("Prize paid to mobile ending {Last}", claim.ClaimantMobile[^3..]); // clean precision-about
        return Ok(claim.ClaimId);
    }

    private void Refer(PrizeClaim claim)
    {
        Activity.Current?.SetTag("claim.referred.mobile", claim.ClaimantMobile); // leak TC1001 cross-member
        Activity.Current?.SetTag("claim.referred.amount", (double)claim.Amount); // clean cross-member
        logger.LogInformation("Claim {ClaimId} referred to the operator", claim.ClaimId); // clean cross-member
    }
}
