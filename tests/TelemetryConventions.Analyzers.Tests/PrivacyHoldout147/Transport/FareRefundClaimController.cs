namespace PrivacyHoldout147.Transport;

/// <summary>A refund claim for an overcharged day, typed by the customer in the bank app.</summary>
public sealed record FareRefundClaim(string ClaimId, string CustomerNumber, string CardReference, DateOnly Day, decimal Amount, string Explanation);

/// <summary>Refund claims for contactless overcharges; the scam team warns about fake refund calls.</summary>
[ApiController]
[Route("api/fare-refunds")]
public sealed class FareRefundClaimController(
    ICardProcessor cards,
    IFareAggregator aggregator,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<FareRefundClaimController> logger) : ControllerBase
{
    [HttpPost("")]
    public async Task<ActionResult> ClaimAsync([FromBody] FareRefundClaim claim, CancellationToken cancellationToken)
    {
        using var span = source.StartFarecapOperation("metro-north");
        span.SetFarecapCustomerId(pseudonymizer.PseudonymizeFarecapCustomerId(claim.CustomerNumber)); // clean generated-api
        span.SetFarecapProduct("fare-refund"); // clean generated-api
        span.SetFarecapNote(claim.Explanation); // leak TC1001 generated-api
        Activity.Current?.SetTag("farecap.claim_id", claim.ClaimId); // clean direct
        Activity.Current?.SetTag("farecap.claim_amount", claim.Amount); // clean direct
        Activity.Current?.SetTag("farecap.explanation_length", claim.Explanation.Length); // clean precision-about
        logger.LogInformation("Refund claim {@Claim}", claim); // leak TC1001 logging-objects

        var card = await cards.FindAsync(claim.CardReference, cancellationToken);
        if (card is null)
        {
            return NotFound();
        }

        try
        {
            var taps = await aggregator.TapsAsync(card.Pan, claim.Day, cancellationToken);
            span.SetFarecapTapCount(taps.Count); // clean generated-api
            Activity.Current?.SetTag("farecap.first_stop", taps.FirstOrDefault()?.Stop); // clean direct
        }
        catch (CardDeniedException ex)
        {
            logger.LogWarning(ex, "Refund claim {ClaimId} on a denied card", claim.ClaimId); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
            return BadRequest("denied");
        }
        catch (FareAuthorisationFailedException ex)
        {
            logger.LogWarning(ex, "Refund claim {ClaimId}: authorisation failed", claim.ClaimId); // clean exceptions
        }

        var cardKey = BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(card.Pan))).Replace("-", "")[..20];
        logger.LogInformation("Claim card key {CardKey}", cardKey); // leak TC1002 hashes
        var keyedCard = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(card.Pan)))[..16];
        logger.LogInformation("Claim card key {CardKey}", keyedCard); // clean hashes
        Activity.Current?.SetTag("farecap.card", Pseudonym.FromComputed(card.Pan).Value); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("farecap.settlement_account", card.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("farecap.card_reference_kind", card.CardReference.Length == 12 ? "short" : "long"); // clean precision-names
        return Ok(claim.ClaimId);
    }
}
