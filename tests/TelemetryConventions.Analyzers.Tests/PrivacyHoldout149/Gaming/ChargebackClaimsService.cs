namespace PrivacyHoldout149.Gaming;

/// <summary>
/// Files county court small claims for chargebacks on banned accounts' purchases, once the card
/// scheme's dispute is lost and the account holder does not answer the studio's letters.
/// </summary>
public sealed class ChargebackClaimsService(
    ISmallClaimsClient smallClaims,
    Pseudonymizer pseudonymizer,
    ILogger<ChargebackClaimsService> logger)
{
    public async Task<string> ClaimChargebackAsync(ChargebackClaim claim, string jurisdiction, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichGamelegalOperation(jurisdiction);
        span.SetGamelegalRequestKind("chargeback-claim");
        span.SetGamelegalPlayerId(pseudonymizer.PseudonymizeGamelegalPlayerId(claim.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag(GamelegalAttributes.Contact, pseudonymizer.Compute("billing.email", claim.BillingEmail)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("claim.card.last4", claim.CardLast4); // clean precision-about
        Activity.Current?.SetTag("claim.title", claim.Title); // clean precision-names
        Activity.Current?.SetTag("claim.billing.domain", new System.Net.Mail.MailAddress(claim.BillingEmail).Host); // clean precision-about
        logger.LogInformation("Chargeback claim {@Claim}", claim); // leak TC1001 logging-objects
        var claimId = await smallClaims.FileAsync(claim, cancellationToken);
        Activity.Current?.SetTag("url.path", $"/claims/{claimId}/status"); // clean strings
        logger.LogInformation("Claim {ClaimId} filed for {Amount}", claimId, claim.Amount); // clean precision-names
        return claimId;
    }
}
