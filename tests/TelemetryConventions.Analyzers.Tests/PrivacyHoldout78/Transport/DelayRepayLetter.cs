namespace PrivacyHoldout78.Transport;

public sealed record DelayRepayClaim(string ClaimReference, Guid RiderId, string FullName, string Email, string PostalAddress, string CardNumber, decimal Amount, string Culture);

/// <summary>The card processor could not refund a claim; it quotes the card.</summary>
public sealed class RefundDeclinedException(string cardNumber, string code)
    : Exception($"Refund to card {cardNumber} declined ({code}).")
{
    public string Code { get; } = code;
}

/// <summary>The Delay Repay outcome letter, in Welsh or English, sent by email or post.</summary>
public sealed class DelayRepayLetter(IStringLocalizer<DelayRepayLetter> localizer, ActivitySource source, ILogger<DelayRepayLetter> logger)
{
    public string Render(DelayRepayClaim claim, Action<string, decimal> refund)
    {
        using var span = source.StartTransitcopyRender("delay_repay.letter");
        var culture = CultureInfo.GetCultureInfo(claim.Culture);
        CultureInfo.CurrentUICulture = culture;
        var amount = claim.Amount.ToString("C", culture);
        span.Activity?.SetTag("claim.reference", claim.ClaimReference); // clean precision-about
        span.Activity?.SetTag("claim.amount", amount); // clean precision-about
        span.Activity?.SetTag("claim.card_last4", claim.CardNumber[^4..]); // clean precision-about
        var letter = localizer["Repay.Letter", claim.FullName, claim.PostalAddress, amount, claim.ClaimReference].Value;
        try
        {
            refund(claim.CardNumber, claim.Amount);
        }
        catch (RefundDeclinedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, $"refund declined: {ex.Code}"); // clean exceptions
            span.SetTransitcopyNote($"refund failed: {ex.Message}"); // leak TC1001 generated-api
            logger.LogError("Refund failed for claim {ClaimReference}: {Error}", claim.ClaimReference, ex.ToString()); // leak TC1001 exceptions
            letter = localizer["Repay.Letter.Declined", claim.FullName, claim.ClaimReference].Value;
        }
        logger.LogDebug("Delay Repay letter for {ClaimReference} to {Address}", claim.ClaimReference, claim.PostalAddress); // leak TC1001 direct
        span.Activity?.SetTag(TransitcopyAttributes.RiderMobile, claim.Email); // leak TC1001 generated-api
        return letter;
    }
}
