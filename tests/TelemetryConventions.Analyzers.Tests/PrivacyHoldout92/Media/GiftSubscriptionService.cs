namespace PrivacyHoldout92.Media;

/// <summary>A gift subscription bought by one subscriber for someone else, by email.</summary>
public sealed record GiftPurchase(Guid GiftId, Guid PurchaserId, string RecipientEmail, string RecipientName, string Plan, DateOnly DeliverOn);

/// <summary>The claim code mailed to the recipient: <c>GIFT-XXXX-XXXX-XXXX</c>, valid once.</summary>
public sealed record GiftClaim(Guid GiftId, string ClaimCode, DateTimeOffset Expires);

/// <summary>Thrown by the claim endpoint: <c>Gift claim code {code} has expired.</c></summary>
public sealed class GiftClaimExpiredException(string claimCode)
    : Exception($"Gift claim code {claimCode} has expired.");

/// <summary>Thrown when the plan cannot be gifted in the recipient's territory: <c>Plan {plan} is not sold in {territory}.</c></summary>
public sealed class PlanNotAvailableException(string plan, string territory)
    : Exception($"Plan {plan} is not sold in {territory}.");

public interface IGiftMailer
{
    Task SendAsync(string to, string name, string claimUrl, CancellationToken cancellationToken);
}

/// <summary>Gift subscriptions: bought, mailed to the recipient with a claim link, claimed on the recipient's account.</summary>
public sealed class GiftSubscriptionService(IGiftMailer mailer, Pseudonymizer pseudonymizer, ILogger<GiftSubscriptionService> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Gifts");
    private static readonly Meter Meter = new("Streaming.Gifts");
    private static readonly Counter<long> GiftsSold = Meter.CreateCounter<long>("boxoffice.gifts.sold");

    public async Task<GiftClaim> BuyAsync(GiftPurchase purchase, CancellationToken cancellationToken)
    {
        using var span = Source.StartBoxofficeGift(purchase.Plan);
        span.SetBoxofficeCustomerId(pseudonymizer.PseudonymizeBoxofficeCustomerId(purchase.PurchaserId.ToString())); // clean precision-pseudonym
        var claim = new GiftClaim(purchase.GiftId, "GIFT-" + string.Join("-", Enumerable.Range(0, 3).Select(_ => RandomNumberGenerator.GetHexString(4))), DateTimeOffset.UtcNow.AddYears(1));
        var claimUrl = $"https://watch.example.com/gift/claim?code={claim.ClaimCode}";
        await mailer.SendAsync(purchase.RecipientEmail, purchase.RecipientName, claimUrl, cancellationToken);

        logger.LogInformation("Gift {GiftId} of {Plan} for delivery on {DeliverOn}", purchase.GiftId, purchase.Plan, purchase.DeliverOn); // clean precision-names
        logger.LogInformation("Gift purchase {Purchase}", purchase); // leak TC1001 logging-objects
        logger.LogDebug("Claim link {Url}", claimUrl); // leak TC1001 strings
        span.Activity?.SetTag("boxoffice.gift.recipient_domain", purchase.RecipientEmail.Split('@')[1]); // clean precision-about
        span.SetBoxofficeNote($"gift for {purchase.RecipientName}"); // leak TC1001 generated-api
        GiftsSold.Add(1, new KeyValuePair<string, object?>("boxoffice.plan", purchase.Plan)); // clean precision-names
        GiftsSold.Add(1, new KeyValuePair<string, object?>("boxoffice.purchaser", pseudonymizer.PseudonymizeBoxofficeCustomerId(purchase.PurchaserId.ToString()))); // leak TC1003 precision-pseudonym
        return claim;
    }

    public void Claim(GiftClaim claim, Guid claimantId, string territory, string plan)
    {
        using var span = Source.StartBoxofficeGift(plan);
        try
        {
            if (claim.Expires < DateTimeOffset.UtcNow)
            {
                throw new GiftClaimExpiredException(claim.ClaimCode);
            }
            if (territory is "KP" or "IR")
            {
                throw new PlanNotAvailableException(plan, territory);
            }
            span.SetBoxofficeOutcome("claimed").SetBoxofficeCustomerId(pseudonymizer.PseudonymizeBoxofficeCustomerId(claimantId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetBaggage("gift.claimant", claimantId.ToString()); // leak TC1001 direct
            Activity.Current?.SetBaggage("gift.id", claim.GiftId.ToString()); // clean precision-names
        }
        catch (GiftClaimExpiredException ex)
        {
            logger.LogWarning(ex, "Expired gift {GiftId}", claim.GiftId); // leak TC1001 exceptions
        }
        catch (PlanNotAvailableException ex)
        {
            span.RecordException(ex, includeMessage: true).SetBoxofficeOutcome("not-available"); // clean exceptions
        }
    }
}
